import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@yizhan/shared';
import { byIdNumber, inCommaList, jsonArrayAgg, placeholders } from '../../database/sql';

export interface RoutingDecision {
  ownerId: string | null;
  /** The owner's name, for the timeline (read with the choice: no second lookup). */
  ownerName: string | null;
  /** How the owner was chosen, for the timeline. */
  basis: 'zone_shift' | 'community_shift' | 'pool' | 'supervisor';
}

/** An agent on duty for a community, for its whole area (`zone` false: the night shift) or one zone. */
export interface OnDutyAgent {
  id: string;
  name: string;
  zone: boolean;
}

/**
 * The first-contact rule for mini-program requests (DESIGN.md §2): the agent on duty
 * for the room's zone at that moment; failing that, the community-wide (night) shift;
 * among several, the one with the fewest open owned requests (lowest id on a tie, so
 * the choice is reproducible); nobody on duty → the community pool, to be claimed.
 *
 * Who is on duty is one scalar subquery (`onDutySql`), so a submission reads it with the
 * room in the same statement (tickets/intake-location.ts); the open requests are counted
 * only when there is someone to compare with: the count reads every one of them (npm run
 * bench: 2.5 ms of a submission's SQL for an agent owning 6,000), and a zone often has
 * one agent on duty.
 */
@Injectable()
export class RoutingService {
  /**
   * A scalar subquery: the agents on duty at `?` (bind `at` twice) in the community
   * `communityExpr`, for the zone `zoneExpr` or the whole community, as JSON text
   * (`OnDutyAgent` rows, parsed by `chooseAmong`).
   */
  onDutySql(manager: EntityManager, communityExpr: string, zoneExpr: string): string {
    const agents = jsonArrayAgg(manager, [
      ['id', 'd.staff_id'],
      ['name', 's.name'],
      ['zone', 'CASE WHEN d.zone_id IS NULL THEN 0 ELSE 1 END'],
    ]);
    return `(SELECT ${agents} FROM duty_shifts d JOIN staff s ON s.id = d.staff_id
              WHERE d.community_id = ${communityExpr} AND (d.zone_id = ${zoneExpr} OR d.zone_id IS NULL)
                AND d.start_at <= ? AND d.end_at > ?
                AND s.active = 1 AND ${inCommaList(manager, "'agent'", 's.roles')})`;
  }

  async chooseOwner(manager: EntityManager, communityId: string, zoneId: string | null, at: Date): Promise<RoutingDecision> {
    const [row]: { onDuty: unknown }[] = await manager.query(`SELECT ${this.onDutySql(manager, '?', '?')} AS onDuty`, [communityId, zoneId, at, at]);
    return this.chooseAmong(manager, row?.onDuty ?? null);
  }

  /** The owner among the agents `onDutySql` found: the zone's first, then the community's. */
  async chooseAmong(manager: EntityManager, onDuty: unknown): Promise<RoutingDecision> {
    // JSON text, or already parsed where the driver reads a JSON column itself (MySQL's mysql2).
    const rows = (typeof onDuty === 'string' ? JSON.parse(onDuty) : (onDuty ?? [])) as { id: number | string; name: string; zone: number | boolean }[];
    // One entry per agent and area (overlapping shifts list an agent twice).
    const agents = new Map<string, OnDutyAgent>();
    for (const r of rows) agents.set(`${Number(r.zone) ? 'z' : 'c'}${r.id}`, { id: String(r.id), name: r.name, zone: Boolean(Number(r.zone)) });
    for (const zone of [true, false]) {
      const candidates = [...agents.values()].filter((a) => a.zone === zone);
      if (!candidates.length) continue;
      const chosen = await this.leastLoaded(manager, candidates);
      return { ownerId: chosen.id, ownerName: chosen.name, basis: zone ? 'zone_shift' : 'community_shift' };
    }
    return { ownerId: null, ownerName: null, basis: 'pool' };
  }

  /**
   * A complaint about a staff member, or about service attitude (DESIGN.md "Complaints"):
   * a supervisor of the community, never the person it is about — the least loaded active
   * one (lowest id on a tie), whether on the roster or not; none → the pool, where only a
   * supervisor other than that person may claim it.
   */
  async chooseSupervisor(manager: EntityManager, communityId: string, excludeStaffId: string | null): Promise<RoutingDecision> {
    const rows: { staffId: string; name: string }[] = await manager.query(
      `SELECT s.id AS staffId, s.name AS name,
              (SELECT COUNT(*) FROM tickets t WHERE t.owner_id = s.id AND t.status IN (${placeholders(OPEN_STATUSES)})) AS openOwned
         FROM staff_communities sc JOIN staff s ON s.id = sc.staff_id
        WHERE sc.community_id = ? AND s.active = 1 AND ${inCommaList(manager, "'supervisor'", 's.roles')}
          ${excludeStaffId === null ? '' : 'AND s.id <> ?'}
        ORDER BY openOwned ASC, s.id ASC
        LIMIT 1`,
      [...OPEN_STATUSES, communityId, ...(excludeStaffId === null ? [] : [excludeStaffId])],
    );
    return rows[0] ? { ownerId: String(rows[0].staffId), ownerName: rows[0].name, basis: 'supervisor' } : { ownerId: null, ownerName: null, basis: 'pool' };
  }

  /** On-duty agents, for alerts (urgent requests go to all of them at once). */
  async onDutyAgents(manager: EntityManager, communityId: string, at: Date): Promise<string[]> {
    const rows = await manager.query(
      `SELECT DISTINCT d.staff_id AS staffId FROM duty_shifts d JOIN staff s ON s.id = d.staff_id
        WHERE d.community_id = ? AND d.start_at <= ? AND d.end_at > ? AND s.active = 1`,
      [communityId, at, at],
    );
    return rows.map((r: { staffId: string }) => String(r.staffId));
  }

  /** Fewest open owned requests, lowest id on a tie; counted only when there are several. */
  private async leastLoaded(manager: EntityManager, candidates: OnDutyAgent[]): Promise<OnDutyAgent> {
    const byId = [...candidates].sort((a, b) => byIdNumber(a.id, b.id));
    if (byId.length === 1) return byId[0]!;
    const ids = byId.map((a) => a.id);
    const counts: { ownerId: string; n: number }[] = await manager.query(
      `SELECT t.owner_id AS ownerId, COUNT(*) AS n FROM tickets t
        WHERE t.owner_id IN (${placeholders(ids)}) AND t.status IN (${placeholders(OPEN_STATUSES)}) GROUP BY t.owner_id`,
      [...ids, ...OPEN_STATUSES],
    );
    const load = new Map(counts.map((c) => [String(c.ownerId), Number(c.n)]));
    // A stable sort keeps the lowest id first among equals.
    return byId.sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0))[0]!;
  }
}
