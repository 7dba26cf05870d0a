import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { localDateTime } from '@yizhan/shared';
import { canSeeTicket, inCommunity } from '../../common/access/access';
import type { AuthContext, RequestMeta, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { AppError, notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { Community, Zone } from '../communities/community.entities';
import { FieldCrypto } from '../crypto/field-crypto.service';
import { Staff } from '../staff/staff.entity';
import { Ticket } from '../tickets/ticket.entity';
import type { CallableView, HotlineDto, HotlineRowView, TicketContactsView } from './contacts.dto';
import { Hotline } from './hotline.entity';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (d: Date) => {
  const l = localDateTime(d);
  return `${pad(l.hour)}:${pad(l.minute)}`;
};
const sameLocalDay = (a: Date, b: Date) => {
  const x = localDateTime(a);
  const y = localDateTime(b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};
/** Inside [from, to), also when the day hours cross midnight. */
const within = (t: string, from: string, to: string) => (from <= to ? t >= from && t < to : t >= from || t < to);

/**
 * Contact both ways (issue #16.4): which number a resident calls — the hotline of their
 * room's zone by time of day, the technician on the day of the visit — configured per
 * community and zone by the admins.
 */
@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
  ) {}

  async list(auth: StaffAuth, communityId: string): Promise<HotlineRowView[]> {
    if (!inCommunity(auth, communityId) || !(await this.dataSource.getRepository(Community).exists({ where: { id: communityId } }))) throw notFound();
    const rows = await this.dataSource.getRepository(Hotline).find({ where: { communityId }, order: { id: 'ASC' } });
    return rows.map(view);
  }

  /** Replaces the community's numbers (one row per zone at most, one community row). */
  async replace(auth: StaffAuth, meta: RequestMeta, communityId: string, rows: HotlineDto[]): Promise<HotlineRowView[]> {
    if (!inCommunity(auth, communityId) || !(await this.dataSource.getRepository(Community).exists({ where: { id: communityId } }))) throw notFound();
    const zones = new Set((await this.dataSource.getRepository(Zone).find({ where: { communityId } })).map((z) => String(z.id)));
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const key = r.zoneId ?? 'community';
      if (r.zoneId && !zones.has(String(r.zoneId)))
        throw new AppError('VALIDATION_FAILED', '所选区域不在本小区', { [`rows.${i}.zoneId`]: ['no such zone in this community'] });
      if (seen.has(key)) throw new AppError('VALIDATION_FAILED', '每个区域只能设置一组电话', { [`rows.${i}.zoneId`]: ['duplicate'] });
      seen.add(key);
      if (r.zoneId && (r.technicianPhone || r.technicianOwnPhone)) {
        throw new AppError('VALIDATION_FAILED', '联系师傅的方式在整个小区一行设置', { [`rows.${i}.technicianPhone`]: ['community row only'] });
      }
    }
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Hotline).delete({ communityId });
      if (rows.length) {
        await manager.getRepository(Hotline).insert(
          rows.map((r) => ({
            communityId,
            zoneId: r.zoneId ?? null,
            dayPhone: r.dayPhone?.trim() || null,
            nightPhone: r.nightPhone?.trim() || null,
            dayFrom: r.dayFrom ?? '08:30',
            dayTo: r.dayTo ?? '21:00',
            technicianPhone: r.technicianPhone?.trim() || null,
            technicianOwnPhone: r.technicianOwnPhone ?? false,
            updatedAt: now,
          })),
        );
      }
      await this.audit.record(manager, auth, meta, {
        action: 'community.hotlines',
        targetType: 'community',
        targetId: communityId,
        detail: { rows: rows.length },
      });
    });
    return this.list(auth, communityId);
  }

  /** The hotline a resident of this room calls now: the zone's number, the community's where the zone has none. */
  async hotlineFor(manager: EntityManager, communityId: string, zoneId: string | null, now = new Date()): Promise<CallableView | null> {
    const rows = await manager.getRepository(Hotline).find({ where: [{ communityId, zoneId: IsNull() }, ...(zoneId ? [{ communityId, zoneId }] : [])] });
    const community = rows.find((r) => r.zoneId === null) ?? null;
    const zone = rows.find((r) => r.zoneId !== null && String(r.zoneId) === String(zoneId)) ?? null;
    const hours = zone ?? community;
    if (!hours) return null;
    const dayPhone = zone?.dayPhone ?? community?.dayPhone ?? null;
    const nightPhone = zone?.nightPhone ?? community?.nightPhone ?? null;
    const zoneName = zone ? ((await manager.getRepository(Zone).findOne({ where: { id: zone.zoneId! } }))?.name ?? null) : null;
    const day = within(hhmm(now), hours.dayFrom, hours.dayTo);
    if (day && dayPhone) return { phone: dayPhone, label: zoneName ? `客服热线（${zoneName}区）` : '客服热线' };
    if (!day && (nightPhone ?? dayPhone)) return { phone: (nightPhone ?? dayPhone)!, label: nightPhone ? '夜间客服热线' : '客服热线' };
    return null;
  }

  /** GET /me/hotline?roomId=: for a room the resident is bound to. */
  async residentHotline(auth: ResidentAuth, roomId: string): Promise<CallableView | null> {
    const [room]: { communityId: string; zoneId: string | null }[] = await this.dataSource.query(
      `SELECT r.community_id AS communityId, r.zone_id AS zoneId FROM rooms r
         JOIN room_bindings b ON b.room_id = r.id AND b.resident_id = ? AND b.status = 'approved' WHERE r.id = ?`,
      [auth.residentId, roomId],
    );
    if (!room) throw new AppError('ROOM_NOT_BOUND', '请先绑定该房屋，审核通过后即可查看');
    return this.hotlineFor(this.dataSource.manager, String(room.communityId), room.zoneId === null ? null : String(room.zoneId));
  }

  /** GET /tickets/:id/contacts: the hotline, and the technician on the day of the visit. */
  async ticketContacts(auth: AuthContext, id: string, now = new Date()): Promise<TicketContactsView> {
    const ticket = await this.dataSource.getRepository(Ticket).findOne({ where: { id } });
    if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
    const manager = this.dataSource.manager;
    const hotline = await this.hotlineFor(manager, String(ticket.communityId), ticket.zoneId === null ? null : String(ticket.zoneId), now);
    let technician: CallableView | null = null;
    const visit = ticket.appointmentAt ?? ticket.slotStart;
    if (ticket.assigneeId && visit && ['dispatched', 'in_progress'].includes(ticket.status) && sameLocalDay(visit, now)) {
      const policy = await manager.getRepository(Hotline).findOne({ where: { communityId: ticket.communityId, zoneId: IsNull() } });
      const staff = await manager.getRepository(Staff).findOne({ where: { id: ticket.assigneeId } });
      const own = policy?.technicianOwnPhone ? this.crypto.decrypt(staff?.phoneEnc ?? null) : null;
      const phone = own ?? policy?.technicianPhone ?? null;
      if (phone) technician = { phone, label: `联系上门师傅${staff ? ` ${staff.name}` : ''}` };
    }
    return { hotline, technician };
  }
}

function view(r: Hotline): HotlineRowView {
  return {
    zoneId: r.zoneId === null ? null : String(r.zoneId),
    dayPhone: r.dayPhone,
    nightPhone: r.nightPhone,
    dayFrom: r.dayFrom,
    dayTo: r.dayTo,
    technicianPhone: r.technicianPhone,
    technicianOwnPhone: !!r.technicianOwnPhone,
  };
}
