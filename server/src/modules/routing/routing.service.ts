import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '@yizhan/shared';
import { inCommaList, placeholders } from '../../database/sql';

export interface RoutingDecision {
  ownerId: string | null;
  /** The owner's name, for the timeline (read with the choice: no second lookup). */
  ownerName: string | null;
  /** How the owner was chosen, for the timeline. */
  basis: 'zone_shift' | 'community_shift' | 'pool' | 'supervisor';
}

/**
 * The first-contact rule for mini-program requests (DESIGN.md §2): the agent on duty
 * for the room's zone at that moment; failing that, the community-wide (night) shift;
 * among several, the one with the fewest open owned requests (lowest id on a tie, so
 * the choice is reproducible); nobody on duty → the community pool, to be claimed.
 */
@Injectable()
export class RoutingService {
  async chooseOwner(manager: EntityManager, communityId: string, zoneId: string | null, at: Date): Promise<RoutingDecision> {
    if (zoneId !== null) {
      const zoneAgent = await this.leastLoadedOnDuty(manager, communityId, zoneId, at);
      if (zoneAgent) return { ...zoneAgent, basis: 'zone_shift' };
    }
    const communityAgent = await this.leastLoadedOnDuty(manager, communityId, null, at);
    if (communityAgent) return { ...communityAgent, basis: 'community_shift' };
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

  private async leastLoadedOnDuty(
    manager: EntityManager,
    communityId: string,
    zoneId: string | null,
    at: Date,
  ): Promise<{ ownerId: string; ownerName: string } | null> {
    // An agent's open requests are counted only when there is someone to compare with:
    // the count reads every one of them (npm run bench: 2.5 ms of a submission's SQL for
    // an agent owning 6,000), and a zone often has one agent on duty.
    const rows: { staffId: string; name: string }[] = await manager.query(
      `SELECT c.staffId, c.name,
              CASE WHEN c.candidates > 1
                THEN (SELECT COUNT(*) FROM tickets t WHERE t.owner_id = c.staffId AND t.status IN (${placeholders(OPEN_STATUSES)}))
                ELSE 0 END AS openOwned
         FROM (SELECT d.staff_id AS staffId, MIN(s.name) AS name, COUNT(*) OVER () AS candidates
                 FROM duty_shifts d JOIN staff s ON s.id = d.staff_id
                WHERE d.community_id = ? AND ${zoneId === null ? 'd.zone_id IS NULL' : 'd.zone_id = ?'}
                  AND d.start_at <= ? AND d.end_at > ?
                  AND s.active = 1 AND ${inCommaList(manager, "'agent'", 's.roles')}
                GROUP BY d.staff_id) c
        ORDER BY openOwned ASC, c.staffId ASC
        LIMIT 1`,
      [...OPEN_STATUSES, communityId, ...(zoneId === null ? [] : [zoneId]), at, at],
    );
    return rows[0] ? { ownerId: String(rows[0].staffId), ownerName: rows[0].name } : null;
  }
}
