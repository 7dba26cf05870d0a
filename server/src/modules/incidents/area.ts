import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { placeholders } from '../../database/sql';

/**
 * An area of one community, as incidents and announcements name it: any of the zones or
 * buildings listed, or — none listed — the whole community.
 */
export interface Area {
  communityId: string;
  zoneIds: string[];
  buildingIds: string[];
}

/** Where a room is: what an area is matched against. */
export interface RoomPlace {
  communityId: string;
  zoneId: string | null;
  buildingId: string;
}

export function covers(area: Area, room: RoomPlace): boolean {
  if (String(area.communityId) !== String(room.communityId)) return false;
  if (!area.zoneIds.length && !area.buildingIds.length) return true;
  return (room.zoneId !== null && area.zoneIds.map(String).includes(String(room.zoneId))) || area.buildingIds.map(String).includes(String(room.buildingId));
}

/** The places of a resident's approved rooms. */
export async function residentPlaces(manager: EntityManager, residentId: string): Promise<RoomPlace[]> {
  const rows: RoomPlace[] = await manager.query(
    `SELECT r.community_id AS communityId, r.zone_id AS zoneId, r.building_id AS buildingId
       FROM room_bindings b JOIN rooms r ON r.id = b.room_id WHERE b.resident_id = ? AND b.status = 'approved'`,
    [residentId],
  );
  return rows.map((r) => ({ communityId: String(r.communityId), zoneId: r.zoneId === null ? null : String(r.zoneId), buildingId: String(r.buildingId) }));
}

/** Every zone and building named must belong to the community. */
export async function checkArea(manager: EntityManager, communityId: string, zoneIds: string[], buildingIds: string[]): Promise<void> {
  if (zoneIds.length) {
    const [{ n }] = await manager.query(`SELECT COUNT(*) AS n FROM zones WHERE community_id = ? AND id IN (${placeholders(zoneIds)})`, [
      communityId,
      ...zoneIds,
    ]);
    if (Number(n) !== zoneIds.length) throw new AppError('VALIDATION_FAILED', '所选区域不属于该小区', { zoneIds: ['unknown zone'] });
  }
  if (buildingIds.length) {
    const [{ n }] = await manager.query(`SELECT COUNT(*) AS n FROM buildings WHERE community_id = ? AND id IN (${placeholders(buildingIds)})`, [
      communityId,
      ...buildingIds,
    ]);
    if (Number(n) !== buildingIds.length) throw new AppError('VALIDATION_FAILED', '所选楼栋不属于该小区', { buildingIds: ['unknown building'] });
  }
}

/** "全小区" or "A1区、3栋" — the zones and buildings named, for notices and lists. */
export async function areaLabel(manager: EntityManager, area: Pick<Area, 'zoneIds' | 'buildingIds'>): Promise<string> {
  if (!area.zoneIds.length && !area.buildingIds.length) return '全小区';
  const names: string[] = [];
  if (area.zoneIds.length) {
    const zones: { name: string }[] = await manager.query(`SELECT name FROM zones WHERE id IN (${placeholders(area.zoneIds)}) ORDER BY name`, area.zoneIds);
    names.push(...zones.map((z) => (z.name.endsWith('区') ? z.name : `${z.name}区`)));
  }
  if (area.buildingIds.length) {
    const buildings: { name: string }[] = await manager.query(
      `SELECT name FROM buildings WHERE id IN (${placeholders(area.buildingIds)}) ORDER BY name`,
      area.buildingIds,
    );
    names.push(...buildings.map((b) => (b.name.endsWith('栋') ? b.name : `${b.name}栋`)));
  }
  return names.join('、');
}

/** Approved room bindings in the incident's area, as a WHERE clause over `b` (room_bindings) joined to `r` (rooms), and its parameters. */
export function boundInArea(i: Area): { where: string; params: string[] } {
  const parts = [];
  if (i.zoneIds.length) parts.push(`r.zone_id IN (${placeholders(i.zoneIds)})`);
  if (i.buildingIds.length) parts.push(`r.building_id IN (${placeholders(i.buildingIds)})`);
  return {
    where: `b.community_id = ? AND b.status = 'approved'${parts.length ? ` AND (${parts.join(' OR ')})` : ''}`,
    params: [String(i.communityId), ...i.zoneIds, ...i.buildingIds],
  };
}
