import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentStatus } from '@yizhan/shared';
import { communityScope, requireCommunity, requireCommunityParam } from '../../common/access/access';
import type { ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { placeholders } from '../../database/sql';
import { Ticket } from '../tickets/ticket.entity';
import { areaLabel, boundInArea, covers, residentPlaces } from './area';
import { Incident } from './incident.entities';
import type { IncidentDetailView, IncidentQuery, IncidentView, ResidentIncidentView } from './incidents.dto';

/** A resolved incident stays on the resident's home page this long, so "已恢复" is seen. */
const SHOWN_AFTER_RESOLUTION_MS = 24 * 3600_000;

export function incidentStatus(i: Pick<Incident, 'startsAt' | 'resolvedAt'>, now: Date): IncidentStatus {
  if (i.resolvedAt) return 'resolved';
  return i.startsAt.getTime() > now.getTime() ? 'planned' : 'active';
}

/** What staff and residents read of incidents: the staff list and detail, and the resident's home page. */
@Injectable()
export class IncidentViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(auth: StaffAuth, query: IncidentQuery): Promise<{ items: IncidentView[]; nextCursor: null }> {
    const qb = this.dataSource.getRepository(Incident).createQueryBuilder('i').orderBy('i.id', 'DESC').limit(100);
    const scope = communityScope(auth);
    if (query.communityId) {
      requireCommunityParam(auth, query.communityId);
      qb.andWhere('i.community_id = :cid', { cid: query.communityId });
    } else if (scope !== 'all') {
      if (!scope.length) return { items: [], nextCursor: null };
      qb.andWhere('i.community_id IN (:...scope)', { scope });
    }
    const now = new Date();
    if (query.status === 'resolved') qb.andWhere('i.resolved_at IS NOT NULL');
    if (query.status === 'active') qb.andWhere('i.resolved_at IS NULL AND i.starts_at <= :now', { now });
    if (query.status === 'planned') qb.andWhere('i.resolved_at IS NULL AND i.starts_at > :now', { now });
    const rows = await qb.getMany();
    const counts = await this.linkedCounts(rows.map((r) => String(r.id)));
    const items = [];
    for (const r of rows) items.push(await this.view(this.dataSource.manager, r, counts.get(String(r.id)) ?? 0, now));
    return { items, nextCursor: null };
  }

  async detail(auth: StaffAuth, id: string): Promise<IncidentDetailView> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id });
    if (!incident) throw new AppError('NOT_FOUND', '事件不存在');
    requireCommunity(auth, incident.communityId, '事件');
    const linked: { id: string; no: string; status: Ticket['status']; category: string; description: string; label: string; createdAt: Date | string }[] =
      await this.dataSource.query(
        `SELECT t.id, t.no, t.status, t.category, t.description, r.label, t.created_at AS createdAt
         FROM incident_tickets it JOIN tickets t ON t.id = it.ticket_id JOIN rooms r ON r.id = t.room_id
        WHERE it.incident_id = ? ORDER BY t.id`,
        [id],
      );
    const [residents] = await this.dataSource.query(
      `SELECT COUNT(DISTINCT b.resident_id) AS n FROM room_bindings b JOIN rooms r ON r.id = b.room_id WHERE ${boundInArea(incident).where}`,
      boundInArea(incident).params,
    );
    return {
      ...(await this.view(this.dataSource.manager, incident, linked.length, new Date())),
      linked: linked.map((t) => ({
        id: String(t.id),
        no: t.no,
        status: t.status,
        category: t.category,
        description: t.description,
        roomLabel: t.label,
        createdAt: new Date(t.createdAt).toISOString(),
      })),
      residentCount: Number(residents?.n ?? 0),
    };
  }

  // ---------------------------------------------------------------- residents

  /** Planned and active incidents covering any of the resident's rooms, and those resolved in the last day. */
  async forResident(auth: ResidentAuth): Promise<ResidentIncidentView[]> {
    const rooms = await residentPlaces(this.dataSource.manager, auth.residentId);
    if (!rooms.length) return [];
    const communities = [...new Set(rooms.map((r) => String(r.communityId)))];
    const now = new Date();
    const incidents = await this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where('i.community_id IN (:...communities)', { communities })
      .andWhere('(i.resolved_at IS NULL OR i.resolved_at > :since)', { since: new Date(now.getTime() - SHOWN_AFTER_RESOLUTION_MS) })
      .orderBy('i.starts_at', 'ASC')
      .getMany();
    const mine = incidents.filter((i) => rooms.some((r) => covers(i, r)));
    const views: ResidentIncidentView[] = [];
    for (const i of mine) {
      views.push({
        id: String(i.id),
        title: i.title,
        cause: i.cause,
        areaLabel: await areaLabel(this.dataSource.manager, i),
        status: incidentStatus(i, now),
        startsAt: i.startsAt.toISOString(),
        expectedEndAt: i.expectedEndAt.toISOString(),
        resolvedAt: i.resolvedAt?.toISOString() ?? null,
        resolution: i.resolution,
      });
    }
    // Active first, then planned, then the recently resolved.
    const order: Record<IncidentStatus, number> = { active: 0, planned: 1, resolved: 2 };
    return views.sort((a, b) => order[a.status] - order[b.status]);
  }

  private async linkedCounts(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: { id: string; n: number }[] = await this.dataSource.query(
      `SELECT incident_id AS id, COUNT(*) AS n FROM incident_tickets WHERE incident_id IN (${placeholders(ids)}) GROUP BY incident_id`,
      ids,
    );
    return new Map(rows.map((r) => [String(r.id), Number(r.n)]));
  }

  async view(manager: EntityManager, i: Incident, linkedCount: number, now: Date): Promise<IncidentView> {
    return {
      id: String(i.id),
      communityId: String(i.communityId),
      title: i.title,
      category: i.category,
      cause: i.cause,
      zoneIds: i.zoneIds.map(String),
      buildingIds: i.buildingIds.map(String),
      areaLabel: await areaLabel(manager, i),
      status: incidentStatus(i, now),
      startsAt: i.startsAt.toISOString(),
      expectedEndAt: i.expectedEndAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      resolution: i.resolution,
      linkedCount,
      createdByName: i.createdByName,
      createdAt: i.createdAt.toISOString(),
    };
  }
}
