import type { EntityManager } from 'typeorm';
import { inCommunity } from '../../common/access/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import type { PlacesService, ResolvedLocation } from '../places/places.service';
import type { RoutingService } from '../routing/routing.service';
import type { CreateTicketDto } from './dto/ticket.dto';

/** Where a new request is, and who the resident filing it is. */
export interface IntakeLocation {
  location: ResolvedLocation;
  /** A public area: the resident's own bound room in that community (who they are). */
  reporterRoomId: string | null;
  /** The resident's WeChat phone (encrypted), the contact when the form leaves none. */
  residentPhoneEnc: string | null;
  /**
   * Whether an incident (停水停电 …) of the request's category is open in the community:
   * false only when the read said so, so the incident lookup is skipped for most requests.
   */
  incidentPossible: boolean;
  /**
   * A resident's request about a room: who was on duty for it, read with the room
   * (RoutingService.onDutySql, to be chosen from with chooseAmong); undefined elsewhere.
   */
  onDuty?: unknown;
}

/**
 * The location of a new request, checked for the caller: a resident files about a room
 * they are bound to, or about a public area of a community where they have a bound room;
 * staff about any location of their communities (a phone call, a walk-in, a patrol).
 * A room is read with the resident's binding and phone, who is on duty for it, and
 * whether an incident of the request's category is open in its community, in one
 * statement (every submission runs it: npm run bench).
 */
export async function resolveIntakeLocation(
  manager: EntityManager,
  { places, routing }: { places: PlacesService; routing: RoutingService },
  auth: AuthContext,
  dto: CreateTicketDto,
  now: Date,
): Promise<IntakeLocation> {
  if (dto.location && dto.roomId)
    throw new AppError('VALIDATION_FAILED', '请只选择一个位置：房屋或公共区域', { location: ['give roomId or location, not both'] });
  const input = dto.location ?? { kind: 'room' as const, roomId: dto.roomId };
  const residentId = auth.kind === 'resident' ? auth.residentId : null;
  if (input.kind === 'room') {
    const roomId = input.roomId;
    if (!roomId) throw new AppError('VALIDATION_FAILED', '请选择房屋', { roomId: ['required'] });
    const [found]: {
      communityId: string;
      zoneId: string | null;
      buildingId: string;
      unit: string;
      label: string;
      bound: number | null;
      phoneEnc: string | null;
      incident: number | null;
      onDuty: unknown;
    }[] = await manager.query(
      `SELECT r.community_id AS communityId, r.zone_id AS zoneId, r.building_id AS buildingId, r.unit, r.label,
              (SELECT 1 FROM room_bindings b WHERE b.room_id = r.id AND b.resident_id = ? AND b.status = 'approved' LIMIT 1) AS bound,
              (SELECT p.phone_enc FROM residents p WHERE p.id = ?) AS phoneEnc,
              (SELECT 1 FROM incidents i WHERE i.community_id = r.community_id AND i.resolved_at IS NULL AND i.starts_at <= ? AND i.category = ? LIMIT 1) AS incident,
              ${residentId === null ? 'NULL' : routing.onDutySql(manager, 'r.community_id', 'r.zone_id')} AS onDuty
         FROM rooms r WHERE r.id = ?`,
      [residentId, residentId, now, dto.category.trim(), ...(residentId === null ? [] : [now, now]), roomId],
    );
    if (!found) throw new AppError('VALIDATION_FAILED', '房屋不存在，请重新选择', { roomId: ['no such room'] });
    const location: ResolvedLocation = {
      kind: 'room',
      communityId: String(found.communityId),
      zoneId: found.zoneId === null ? null : String(found.zoneId),
      roomId: String(roomId),
      buildingId: String(found.buildingId),
      unit: found.unit || null,
      placeId: null,
      label: found.label,
    };
    if (auth.kind === 'resident' && !found.bound) throw new AppError('ROOM_NOT_BOUND', '请先绑定该房屋，审核通过后即可提交');
    if (auth.kind === 'staff' && !inCommunity(auth, location.communityId)) throw new AppError('ROOM_NOT_IN_COMMUNITY', '该房屋不在您负责的小区');
    return {
      location,
      reporterRoomId: null,
      residentPhoneEnc: found.phoneEnc,
      incidentPossible: Boolean(found.incident),
      ...(residentId === null ? {} : { onDuty: found.onDuty }),
    };
  }
  if (dto.type === 'home_service') throw new AppError('VALIDATION_FAILED', '上门服务请选择您的房屋', { location: ['home_service is for a room'] });
  const location = await places.resolve(manager, input);
  if (auth.kind === 'staff') {
    if (!inCommunity(auth, location.communityId)) throw new AppError('ROOM_NOT_IN_COMMUNITY', '该位置不在您负责的小区');
    return { location, reporterRoomId: null, residentPhoneEnc: null, incidentPossible: true };
  }
  const [bound]: { roomId: string; phoneEnc: string | null }[] = await manager.query(
    `SELECT b.room_id AS roomId, (SELECT p.phone_enc FROM residents p WHERE p.id = b.resident_id) AS phoneEnc
       FROM room_bindings b WHERE b.resident_id = ? AND b.community_id = ? AND b.status = 'approved' ORDER BY b.id LIMIT 1`,
    [auth.residentId, location.communityId],
  );
  if (!bound) throw new AppError('ROOM_NOT_BOUND', '请先绑定本小区的房屋，审核通过后即可提交');
  return { location, reporterRoomId: String(bound.roomId), residentPhoneEnc: bound.phoneEnc, incidentPossible: true };
}
