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
/** The duty roster's answer read with the room (RoutingService.rosterColumns): agents on duty and the lowest id of them. */
export interface RosterRow {
  zoneAgents: number | string | null;
  zoneAgentId: string | number | null;
  zoneAgentName: string | null;
  communityAgents: number | string | null;
  communityAgentId: string | number | null;
  communityAgentName: string | null;
}

@Injectable()
export class RoutingService {
  /**
   * Columns to add to a read of the room `r` (its community_id and zone_id): how many
   * agents are on duty at `at` for the room's zone and for the whole community, and the
   * first of each with their name. With one candidate (the usual case) that is the choice,
   * and routing costs no statement of its own (npm run bench: a submission's round trips);
   * `fromRoster` falls back to chooseOwner when several must be compared by load.
   */
  rosterColumns(manager: EntityManager, at: Date): { sql: string; params: unknown[] } {
    const onDuty = (zone: string) =>
      `FROM duty_shifts d JOIN staff s ON s.id = d.staff_id
        WHERE d.community_id = r.community_id AND ${zone} AND d.start_at <= ? AND d.end_at > ? AND s.active = 1 AND ${inCommaList(manager, "'agent'", 's.roles')}`;
    const zone = onDuty('d.zone_id = r.zone_id');
    const community = onDuty('d.zone_id IS NULL');
    return {
      sql: `(SELECT COUNT(DISTINCT d.staff_id) ${zone}) AS zoneAgents,
            (SELECT MIN(d.staff_id) ${zone}) AS zoneAgentId,
            (SELECT s2.name FROM staff s2 WHERE s2.id = (SELECT MIN(d.staff_id) ${zone})) AS zoneAgentName,
            (SELECT COUNT(DISTINCT d.staff_id) ${community}) AS communityAgents,
            (SELECT MIN(d.staff_id) ${community}) AS communityAgentId,
            (SELECT s2.name FROM staff s2 WHERE s2.id = (SELECT MIN(d.staff_id) ${community})) AS communityAgentName`,
      params: [at, at, at, at, at, at, at, at, at, at, at, at],
    };
  }

  /** The first-contact choice from rosterColumns' answer: the same as chooseOwner, which it asks when several agents are on duty. */
  async fromRoster(manager: EntityManager, roster: RosterRow, communityId: string, zoneId: string | null, at: Date): Promise<RoutingDecision> {
    const zoneAgents = zoneId === null ? 0 : Number(roster.zoneAgents ?? 0);
    if (zoneAgents === 1) return { ownerId: String(roster.zoneAgentId), ownerName: roster.zoneAgentName ?? '', basis: 'zone_shift' };
    if (zoneAgents > 1) return this.chooseOwner(manager, communityId, zoneId, at);
    const communityAgents = Number(roster.communityAgents ?? 0);
    if (communityAgents === 1) return { ownerId: String(roster.communityAgentId), ownerName: roster.communityAgentName ?? '', basis: 'community_shift' };
    if (communityAgents > 1) return this.chooseOwner(manager, communityId, zoneId, at);
    return { ownerId: null, ownerName: null, basis: 'pool' };
  }

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
