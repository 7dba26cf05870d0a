import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DAY_MS,
  OPEN_STATUSES,
  SLA_CLOCKS,
  SlaClock,
  TICKET_STATUSES,
  TICKET_TYPES,
  TicketStatus,
  TicketType,
  fromLocalDateTime,
  isoDateOf,
  localDateTime,
} from '@yizhan/shared';
import { requireCommunityParam } from '../../common/access/access';
import type { StaffAuth } from '../../common/auth/auth-context';
import { AppError, notFound } from '../../common/errors/app-error';
import { DbKind, dbKind, placeholders } from '../../database/sql';
import { Community } from '../communities/community.entities';
import type { DurationStatsView, OnTimeRatesView, OwnerStatsView, StatsQuery, StatsView, TrendDayView } from './dto/stats.dto';

const DEFAULT_WINDOW_MS = 30 * DAY_MS;
const MAX_WINDOW_MS = 366 * DAY_MS;

/*
 * SQL building blocks. Every figure describes the tickets of one community CREATED in
 * [from, to) (the "cohort"), except the trend, which counts events on their own day.
 *
 * The pieces that MariaDB and the embedded SQLite spell differently come from a Dialect;
 * everything else is written once. SQLite holds times as UTC text
 * 'YYYY-MM-DD HH:MM:SS.SSS' (see database/sqlite.ts), which orders and compares like the
 * times themselves, so its pieces work on that text.
 */
interface Dialect {
  /** A time later than any real one, standing in for "never" inside a minimum. */
  far: string;
  /** The smallest of its arguments (all non-null here). */
  least: (...args: string[]) => string;
  /** The statement's `now`, from a bound parameter. */
  nowParam: string;
  /** Whole milliseconds from `from` to `to`. */
  elapsedMs: (from: string, to: string) => string;
  /** The Asia/Shanghai calendar day ('YYYY-MM-DD') of a UTC time. */
  shanghaiDay: (column: string) => string;
  /**
   * Per k of `source` (rows of k and ms): k, n, and the nearest-rank p50 and p90 of ms —
   * the value at rank ⌈p·n⌉ of the ascending list.
   */
  percentiles: (source: string) => string;
}

const DIALECTS: Record<DbKind, Dialect> = {
  mariadb: {
    far: "TIMESTAMP'9999-12-31 00:00:00'",
    least: (...args) => `LEAST(${args.join(', ')})`,
    nowParam: 'CAST(? AS DATETIME(3))',
    elapsedMs: (from, to) => `TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000`,
    // Asia/Shanghai is UTC+8 all year (no DST since 1991), so a fixed shift gives its calendar day.
    shanghaiDay: (column) => `DATE_FORMAT(${column} + INTERVAL 8 HOUR, '%Y-%m-%d')`,
    // PERCENTILE_DISC(p) is nearest-rank: the first value whose cumulative distribution reaches p.
    percentiles: (source) => `SELECT DISTINCT x.k AS k,
              COUNT(*) OVER (PARTITION BY x.k) AS n,
              PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x.ms) OVER (PARTITION BY x.k) AS p50,
              PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY x.ms) OVER (PARTITION BY x.k) AS p90
         FROM (${source}) x`,
  },
  sqlite: {
    far: "'9999-12-31 00:00:00.000'",
    // SQLite's scalar min() of several arguments is LEAST.
    least: (...args) => `min(${args.join(', ')})`,
    // A bare parameter: CAST(? AS DATETIME) would apply NUMERIC affinity and turn the text into 2026.
    nowParam: '?',
    // Both times have whole milliseconds, so their difference in fractional seconds × 1000
    // is a whole number up to floating-point noise: rounding gives MariaDB's exact figure.
    elapsedMs: (from, to) => `CAST(round((unixepoch(${to}, 'subsec') - unixepoch(${from}, 'subsec')) * 1000) AS INTEGER)`,
    // Asia/Shanghai is UTC+8 all year (no DST since 1991), so a fixed shift gives its calendar day.
    shanghaiDay: (column) => `strftime('%Y-%m-%d', ${column}, '+8 hours')`,
    // SQLite's own percentile_disc(Y, P) takes the value at index ⌊P·(n−1)⌋ (the p90 of five
    // values is the 4th, not the 5th). So number the rows and take, as MariaDB's
    // PERCENTILE_DISC does, the first value whose share of the rows up to it (rn / n)
    // reaches p; ties hold equal values, so numbering them apart changes nothing.
    percentiles: (source) => `SELECT y.k AS k, y.n AS n,
              MIN(CASE WHEN y.rn * 1.0 / y.n >= 0.5 THEN y.ms END) AS p50,
              MIN(CASE WHEN y.rn * 1.0 / y.n >= 0.9 THEN y.ms END) AS p90
         FROM (
           SELECT x.k AS k, x.ms AS ms,
                  ROW_NUMBER() OVER (PARTITION BY x.k ORDER BY x.ms) AS rn,
                  COUNT(*) OVER (PARTITION BY x.k) AS n
             FROM (${source}) x
         ) y
        GROUP BY y.k, y.n`,
  },
};

/*
 * On-time rate of a time limit (DESIGN.md §2), the same reading as `overdueClocks` in
 * shared/sla.ts. For each ticket whose deadline for that clock is set:
 *   met       the clock's milestone happened at or before the deadline
 *             (respond: accepted, or resolved if earlier; onsite: checked in, or resolved
 *             if earlier; resolve: resolved; confirm: closed; revisit: return visit);
 *   breached  the milestone happened after the deadline, or has not happened and the
 *             deadline passed before the ticket was judged — now, or the moment it went
 *             on hold (a paused clock cannot breach), or the moment it was cancelled;
 *   otherwise (still running within its limit, or cancelled before the deadline) the
 *             ticket is not counted for that clock.
 *   rate = met / (met + breached); null when nobody was due.
 */
const earliest = (d: Dialect, a: string, b: string) => `NULLIF(${d.least(`COALESCE(${a}, ${d.far})`, `COALESCE(${b}, ${d.far})`)}, ${d.far})`;
const CLOCK_SQL: Record<SlaClock, { deadline: string; milestone: (d: Dialect) => string }> = {
  respond: { deadline: 't.respond_by', milestone: (d) => earliest(d, 't.responded_at', 't.resolved_at') },
  onsite: { deadline: 't.onsite_by', milestone: (d) => earliest(d, 't.onsite_at', 't.resolved_at') },
  resolve: { deadline: 't.resolve_by', milestone: () => 't.resolved_at' },
  confirm: { deadline: 't.confirm_by', milestone: () => 't.closed_at' },
  revisit: { deadline: 't.revisit_by', milestone: () => 't.revisited_at' },
};
/** Needs `p.now_at` (see nowJoin). */
const judgedAt = (d: Dialect) => d.least('p.now_at', `COALESCE(t.cancelled_at, ${d.far})`, `COALESCE(t.held_at, ${d.far})`);
const nowJoin = (d: Dialect) => `CROSS JOIN (SELECT ${d.nowParam} AS now_at) p`;

function clockSums(sql: Dialect, clock: SlaClock): string {
  const d = CLOCK_SQL[clock].deadline;
  const m = CLOCK_SQL[clock].milestone(sql);
  const met = `(${d} IS NOT NULL AND ${m} IS NOT NULL AND ${m} <= ${d})`;
  const breached = `(${d} IS NOT NULL AND (${m} > ${d} OR (${m} IS NULL AND ${d} < ${judgedAt(sql)})))`;
  return `SUM(CASE WHEN ${met} THEN 1 ELSE 0 END) AS ${clock}_met, SUM(CASE WHEN ${met} OR ${breached} THEN 1 ELSE 0 END) AS ${clock}_due`;
}

/** Satisfaction (DESIGN.md §2): a rating with attitude, timeliness and quality all ≥ 4. */
const SATISFIED = '(r.attitude >= 4 AND r.timeliness >= 4 AND r.quality >= 4)';
const COHORT = 't.community_id = ? AND t.created_at >= ? AND t.created_at < ?';

type Row = Record<string, string | number | null>;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(auth: StaffAuth, query: StatsQuery, now = new Date()): Promise<StatsView> {
    requireCommunityParam(auth, query.communityId);
    const { from, to } = statsWindow(query, now);
    const exists = await this.dataSource.getRepository(Community).exists({ where: { id: query.communityId } });
    if (!exists) throw notFound('小区');

    // One snapshot for every query, so the parts of the answer agree with each other.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const cohort = [query.communityId, from, to];
      const summary = await this.summary(m, cohort, now);
      const [firstResponse, resolution] = await this.durations(m, cohort);
      const owners = await this.owners(m, cohort, now);
      const trend = await this.trend(m, query.communityId, from, to);
      return {
        communityId: String(query.communityId),
        from: from.toISOString(),
        to: to.toISOString(),
        ...summary,
        firstResponse,
        resolution,
        owners,
        trend,
      };
    });
  }

  /** Counts, on-time rates, satisfaction, return visits and reopens in one pass, grouped by type and status. */
  private async summary(m: EntityManager, cohort: unknown[], now: Date) {
    const sql = DIALECTS[dbKind(m)];
    const rows: Row[] = await m.query(
      `SELECT t.type AS type, t.status AS status, COUNT(*) AS n,
              ${SLA_CLOCKS.map((clock) => clockSums(sql, clock)).join(',\n              ')},
              COUNT(r.id) AS rated,
              SUM(CASE WHEN ${SATISFIED} THEN 1 ELSE 0 END) AS satisfied,
              SUM(t.reopen_count > 0) AS reopened,
              SUM(t.resolved_at IS NOT NULL OR t.reopen_count > 0) AS resolved_once
         FROM tickets t ${nowJoin(sql)}
         LEFT JOIN ticket_ratings r ON r.ticket_id = t.id
        WHERE ${COHORT}
        GROUP BY t.type, t.status`,
      [now, ...cohort],
    );
    const byType = Object.fromEntries(TICKET_TYPES.map((k) => [k, 0])) as Record<TicketType, number>;
    const byStatus = Object.fromEntries(TICKET_STATUSES.map((k) => [k, 0])) as Record<TicketStatus, number>;
    const sum = (field: string) => rows.reduce((acc, r) => acc + num(r[field]), 0);
    for (const r of rows) {
      byType[r.type as TicketType] += num(r.n);
      byStatus[r.status as TicketStatus] += num(r.n);
    }
    const onTimeRate = Object.fromEntries(SLA_CLOCKS.map((c) => [c, ratio(sum(`${c}_met`), sum(`${c}_due`))])) as unknown as OnTimeRatesView;
    const rated = sum('rated');
    return {
      counts: { byType, byStatus, total: sum('n') },
      onTimeRate,
      satisfactionRate: ratio(sum('satisfied'), rated),
      ratedCount: rated,
      // A return visit happens on a closed ticket and moves it to `revisited`.
      revisitRate: ratio(byStatus.revisited, byStatus.closed + byStatus.revisited),
      // A reopen clears resolvedAt, so "resolved at least once" is resolvedAt set or reopened before.
      reopenRate: ratio(sum('reopened'), sum('resolved_once')),
    };
  }

  /**
   * Median and p90 of first response (respondedAt − createdAt) and resolution
   * (resolvedAt − createdAt), nearest-rank: the value at rank ⌈p·n⌉ of the ascending
   * list — exactly what MariaDB's PERCENTILE_DISC(p) returns (see Dialect.percentiles).
   */
  private async durations(m: EntityManager, cohort: unknown[]): Promise<[DurationStatsView, DurationStatsView]> {
    const sql = DIALECTS[dbKind(m)];
    const rows: Row[] = await m.query(
      sql.percentiles(`
           SELECT 'respond' AS k, ${sql.elapsedMs('t.created_at', 't.responded_at')} AS ms
             FROM tickets t WHERE ${COHORT} AND t.responded_at IS NOT NULL
           UNION ALL
           SELECT 'resolve' AS k, ${sql.elapsedMs('t.created_at', 't.resolved_at')} AS ms
             FROM tickets t WHERE ${COHORT} AND t.resolved_at IS NOT NULL
         `),
      [...cohort, ...cohort],
    );
    const view = (k: string): DurationStatsView => {
      const r = rows.find((row) => row.k === k);
      return r
        ? { count: num(r.n), medianSec: num(r.p50) / 1000, p90Sec: num(r.p90) / 1000 }
        : { count: 0, medianSec: null, p90Sec: null };
    };
    return [view('respond'), view('resolve')];
  }

  /** The first-contact accountability table (首接人): one row per current owner. */
  private async owners(m: EntityManager, cohort: unknown[], now: Date): Promise<OwnerStatsView[]> {
    const sql = DIALECTS[dbKind(m)];
    // One placeholder per open status: SQLite binds no arrays (mysql2 expanded `IN (?)` to the same SQL).
    const rows: Row[] = await m.query(
      `SELECT t.owner_id AS staff_id, s.name AS name, COUNT(*) AS owned,
              SUM(t.status IN (${placeholders(OPEN_STATUSES)})) AS open,
              ${clockSums(sql, 'resolve')},
              COUNT(r.id) AS rated,
              SUM(CASE WHEN ${SATISFIED} THEN 1 ELSE 0 END) AS satisfied
         FROM tickets t ${nowJoin(sql)}
         LEFT JOIN ticket_ratings r ON r.ticket_id = t.id
         LEFT JOIN staff s ON s.id = t.owner_id
        WHERE ${COHORT} AND t.owner_id IS NOT NULL
        GROUP BY t.owner_id, s.name
        ORDER BY owned DESC, t.owner_id`,
      [...OPEN_STATUSES, now, ...cohort],
    );
    return rows.map((r) => ({
      staffId: String(r.staff_id),
      name: r.name === null ? '' : String(r.name),
      owned: num(r.owned),
      open: num(r.open),
      onTimeRate: ratio(num(r.resolve_met), num(r.resolve_due)),
      satisfactionRate: ratio(num(r.satisfied), num(r.rated)),
      ratedCount: num(r.rated),
    }));
  }

  /**
   * One row per Asia/Shanghai day of the window: tickets created that day, tickets
   * resolved that day (their latest resolution; whenever created), and the satisfaction
   * of the ratings given that day — all within [from, to).
   */
  private async trend(m: EntityManager, communityId: string, from: Date, to: Date): Promise<TrendDayView[]> {
    const sql = DIALECTS[dbKind(m)];
    const window = [communityId, from, to];
    const created: Row[] = await m.query(
      `SELECT ${sql.shanghaiDay('t.created_at')} AS day, COUNT(*) AS n FROM tickets t WHERE ${COHORT} GROUP BY day`,
      window,
    );
    const resolved: Row[] = await m.query(
      `SELECT ${sql.shanghaiDay('t.resolved_at')} AS day, COUNT(*) AS n
         FROM tickets t WHERE t.community_id = ? AND t.resolved_at >= ? AND t.resolved_at < ? GROUP BY day`,
      window,
    );
    const ratings: Row[] = await m.query(
      `SELECT ${sql.shanghaiDay('r.created_at')} AS day, COUNT(*) AS n, SUM(CASE WHEN ${SATISFIED} THEN 1 ELSE 0 END) AS satisfied
         FROM ticket_ratings r JOIN tickets t ON t.id = r.ticket_id
        WHERE t.community_id = ? AND r.created_at >= ? AND r.created_at < ? GROUP BY day`,
      window,
    );
    const byDay = (rows: Row[]) => new Map(rows.map((r) => [String(r.day), r]));
    const [c, v, g] = [byDay(created), byDay(resolved), byDay(ratings)];
    return shanghaiDays(from, to).map((date) => ({
      date,
      created: num(c.get(date)?.n),
      resolved: num(v.get(date)?.n),
      satisfactionRate: ratio(num(g.get(date)?.satisfied), num(g.get(date)?.n)),
    }));
  }
}

/** [from, to): `to` defaults to now, `from` to 30 days before `to`; at most 366 days, from < to. */
export function statsWindow(query: Pick<StatsQuery, 'from' | 'to'>, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_WINDOW_MS);
  if (from.getTime() >= to.getTime()) {
    throw new AppError('VALIDATION_FAILED', '统计区间无效：开始时间必须早于结束时间', { from: ['from must be before to'] });
  }
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS) {
    throw new AppError('VALIDATION_FAILED', '统计区间最长 366 天，请缩小范围', { to: ['the window is at most 366 days'] });
  }
  return { from, to };
}

/** The Asia/Shanghai calendar days that [from, to) touches, as 'YYYY-MM-DD'. */
export function shanghaiDays(from: Date, to: Date): string[] {
  const start = localDateTime(from);
  const days: string[] = [];
  // Shanghai has no DST, so consecutive local midnights are exactly DAY_MS apart.
  for (let day = fromLocalDateTime({ ...start, hour: 0, minute: 0, second: 0, millisecond: 0 }); day < to; day = new Date(day.getTime() + DAY_MS)) {
    days.push(isoDateOf(localDateTime(day)));
  }
  return days;
}
