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
import { DbKind, byIdNumber, dbKind, placeholders } from '../../database/sql';
import { Community } from '../communities/community.entities';
import type {
  ComplaintCategoryStatsView,
  ComplaintStatsView,
  DurationStatsView,
  OnTimeRatesView,
  OwnerStatsView,
  StatsQuery,
  StatsView,
  TrendDayView,
} from './dto/stats.dto';

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
  /** The statement's `now`, from a bound parameter. */
  nowParam: string;
  /** Whole milliseconds from `from` to `to`. */
  elapsedMs: (from: string, to: string) => string;
  /** The Asia/Shanghai calendar day ('YYYY-MM-DD') of a UTC time. */
  shanghaiDay: (column: string) => string;
}

const DIALECTS: Record<DbKind, Dialect> = {
  mariadb: {
    nowParam: 'CAST(? AS DATETIME(3))',
    elapsedMs: (from, to) => `TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000`,
    // Asia/Shanghai is UTC+8 all year (no DST since 1991), so a fixed shift gives its calendar day.
    shanghaiDay: (column) => `DATE_FORMAT(${column} + INTERVAL 8 HOUR, '%Y-%m-%d')`,
  },
  sqlite: {
    // A bare parameter: CAST(? AS DATETIME) would apply NUMERIC affinity and turn the text into 2026.
    nowParam: '?',
    // Both times have whole milliseconds, so their difference in fractional seconds × 1000
    // is a whole number up to floating-point noise: rounding gives MariaDB's exact figure.
    elapsedMs: (from, to) => `CAST(round((unixepoch(${to}, 'subsec') - unixepoch(${from}, 'subsec')) * 1000) AS INTEGER)`,
    // Asia/Shanghai is UTC+8 all year (no DST since 1991), so a fixed shift gives its calendar day.
    shanghaiDay: (column) => `strftime('%Y-%m-%d', ${column}, '+8 hours')`,
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
const CLOCK_SQL: Record<SlaClock, { deadline: string; milestone: string[] }> = {
  // The milestone is the earliest of these times that is set.
  respond: { deadline: 't.respond_by', milestone: ['t.responded_at', 't.resolved_at'] },
  onsite: { deadline: 't.onsite_by', milestone: ['t.onsite_at', 't.resolved_at'] },
  resolve: { deadline: 't.resolve_by', milestone: ['t.resolved_at'] },
  confirm: { deadline: 't.confirm_by', milestone: ['t.closed_at'] },
  revisit: { deadline: 't.revisit_by', milestone: ['t.revisited_at'] },
};
/** The clocks of the work (read per ticket: the owner table needs them) and of its closing (only summed). */
const WORKING_CLOCKS: SlaClock[] = ['respond', 'onsite', 'resolve'];
const CLOSING_CLOCKS: SlaClock[] = ['confirm', 'revisit'];
const NOT_COUNTED = 0;
const MET = 1;
const BREACHED = 2;

/**
 * One ticket's outcome for a clock: MET, BREACHED or NOT_COUNTED, as above. Needs
 * `p.now_at` (see nowJoin). Written with plain comparisons (no LEAST/COALESCE, which
 * MariaDB evaluates slowly on times): the earliest milestone is at or before the deadline
 * when any of them is, and has happened when any of them has; a comparison with an unset
 * time is never true; "the deadline passed before the ticket was judged" is the deadline
 * before now, before the cancellation if any, and before the hold if any.
 */
function clockOutcome(clock: SlaClock): string {
  const { deadline: d, milestone } = CLOCK_SQL[clock];
  return `CASE WHEN ${d} IS NULL THEN ${NOT_COUNTED}
            WHEN ${milestone.map((m) => `${m} <= ${d}`).join(' OR ')} THEN ${MET}
            WHEN ${milestone.map((m) => `${m} IS NOT NULL`).join(' OR ')} THEN ${BREACHED}
            WHEN ${d} < p.now_at AND (t.cancelled_at IS NULL OR ${d} < t.cancelled_at) AND (t.held_at IS NULL OR ${d} < t.held_at) THEN ${BREACHED}
            ELSE ${NOT_COUNTED} END`;
}
const nowJoin = (d: Dialect) => `CROSS JOIN (SELECT ${d.nowParam} AS now_at) p`;

/** Satisfaction (DESIGN.md §2): a rating with attitude, timeliness and quality all ≥ 4. */
const SATISFIED = '(r.attitude >= 4 AND r.timeliness >= 4 AND r.quality >= 4)';
const COHORT = 't.community_id = ? AND t.created_at >= ? AND t.created_at < ?';

type Row = Record<string, string | number | null>;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Sums over a set of tickets of the cohort. */
interface Tally {
  n: number;
  open: number;
  met: Record<SlaClock, number>;
  due: Record<SlaClock, number>;
  rated: number;
  satisfied: number;
}
const clockCounts = () => Object.fromEntries(SLA_CLOCKS.map((c) => [c, 0])) as Record<SlaClock, number>;
const emptyTally = (): Tally => ({ n: 0, open: 0, met: clockCounts(), due: clockCounts(), rated: 0, satisfied: 0 });
const OPEN = new Set<string>(OPEN_STATUSES);

/**
 * Nearest-rank percentile of an ascending list: the value at rank ⌈p·n⌉, p = percent / 100.
 * n · percent is a whole number, so dividing it by 100 lands exactly on an integer when
 * p·n is one, and at least 0.01 away from any otherwise: ceil cannot be pushed a rank off.
 */
const nearestRank = (ascending: number[], percent: number): number => ascending[Math.ceil((ascending.length * percent) / 100) - 1]!;

function durationView(ms: number[]): DurationStatsView {
  if (ms.length === 0) return { count: 0, medianSec: null, p90Sec: null };
  ms.sort((a, b) => a - b);
  return { count: ms.length, medianSec: nearestRank(ms, 50) / 1000, p90Sec: nearestRank(ms, 90) / 1000 };
}

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
      const { summary, firstResponse, resolution, owners } = await this.cohort(m, [query.communityId, from, to], now);
      const trend = await this.trend(m, query.communityId, from, to);
      const complaints = await this.complaints(m, [query.communityId, from, to], now);
      return {
        communityId: String(query.communityId),
        from: from.toISOString(),
        to: to.toISOString(),
        ...summary,
        firstResponse,
        resolution,
        owners,
        trend,
        complaints,
      };
    });
  }

  /**
   * Everything about the cohort from two passes over it, each read from an index alone
   * (ticket.entity.ts: the stats indexes; a row lookup per ticket was most of the cost at
   * scale): a row per ticket with its working clocks' outcomes, rating and elapsed times,
   * folded here into the summary, the durations and the owner table (a row per ticket lets
   * both databases share the percentiles); and the confirm and revisit clocks, summed.
   */
  private async cohort(m: EntityManager, cohort: unknown[], now: Date) {
    const sql = DIALECTS[dbKind(m)];
    const rows: Row[] = await m.query(
      `SELECT t.type AS type, t.status AS status, t.owner_id AS owner_id,
              ${WORKING_CLOCKS.map((clock) => `${clockOutcome(clock)} AS ${clock}_outcome`).join(',\n              ')},
              CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS rated,
              CASE WHEN ${SATISFIED} THEN 1 ELSE 0 END AS satisfied,
              t.reopen_count AS reopen_count,
              ${sql.elapsedMs('t.created_at', 't.responded_at')} AS respond_ms,
              ${sql.elapsedMs('t.created_at', 't.resolved_at')} AS resolve_ms
         FROM tickets t ${nowJoin(sql)}
         LEFT JOIN ticket_ratings r ON r.ticket_id = t.id
        WHERE ${COHORT}`,
      [now, ...cohort],
    );

    const byType = Object.fromEntries(TICKET_TYPES.map((k) => [k, 0])) as Record<TicketType, number>;
    const byStatus = Object.fromEntries(TICKET_STATUSES.map((k) => [k, 0])) as Record<TicketStatus, number>;
    const all = emptyTally();
    const byOwner = new Map<string, Tally>();
    const respondMs: number[] = [];
    const resolveMs: number[] = [];
    let reopened = 0;
    let resolvedOnce = 0;
    for (const r of rows) {
      byType[r.type as TicketType] += 1;
      byStatus[r.status as TicketStatus] += 1;
      const reopen = num(r.reopen_count) > 0;
      if (reopen) reopened += 1;
      // A reopen clears resolvedAt, so "resolved at least once" is resolvedAt set or reopened before.
      if (r.resolve_ms !== null || reopen) resolvedOnce += 1;
      // respondedAt / resolvedAt set exactly when their elapsed time is.
      if (r.respond_ms !== null) respondMs.push(num(r.respond_ms));
      if (r.resolve_ms !== null) resolveMs.push(num(r.resolve_ms));

      let owner: Tally | undefined;
      if (r.owner_id !== null) {
        const id = String(r.owner_id);
        owner = byOwner.get(id);
        if (!owner) byOwner.set(id, (owner = emptyTally()));
      }
      for (const tally of owner ? [all, owner] : [all]) {
        tally.n += 1;
        if (OPEN.has(r.status as string)) tally.open += 1;
        tally.rated += num(r.rated);
        tally.satisfied += num(r.satisfied);
        for (const clock of WORKING_CLOCKS) {
          const outcome = num(r[`${clock}_outcome`]);
          if (outcome === MET) tally.met[clock] += 1;
          if (outcome === MET || outcome === BREACHED) tally.due[clock] += 1;
        }
      }
    }
    // The closing clocks' outcomes, counted per combination (at most nine rows): each clock judged once a ticket.
    const closing: Row[] = await m.query(
      `SELECT ${CLOSING_CLOCKS.map((clock) => `${clockOutcome(clock)} AS ${clock}_outcome`).join(', ')}, COUNT(*) AS n
         FROM tickets t ${nowJoin(sql)}
        WHERE ${COHORT}
        GROUP BY ${CLOSING_CLOCKS.map((clock) => `${clock}_outcome`).join(', ')}`,
      [now, ...cohort],
    );
    for (const r of closing) {
      for (const clock of CLOSING_CLOCKS) {
        const outcome = num(r[`${clock}_outcome`]);
        if (outcome === MET) all.met[clock] += num(r.n);
        if (outcome === MET || outcome === BREACHED) all.due[clock] += num(r.n);
      }
    }

    const summary = {
      counts: { byType, byStatus, total: all.n },
      onTimeRate: Object.fromEntries(SLA_CLOCKS.map((c) => [c, ratio(all.met[c], all.due[c])])) as unknown as OnTimeRatesView,
      satisfactionRate: ratio(all.satisfied, all.rated),
      ratedCount: all.rated,
      // A return visit happens on a closed ticket and moves it to `revisited`.
      revisitRate: ratio(byStatus.revisited, byStatus.closed + byStatus.revisited),
      reopenRate: ratio(reopened, resolvedOnce),
    };
    return {
      summary,
      // Median and p90 of first response (respondedAt − createdAt) and resolution (resolvedAt − createdAt).
      firstResponse: durationView(respondMs),
      resolution: durationView(resolveMs),
      owners: await this.owners(m, byOwner),
    };
  }

  /** The first-contact accountability table (首接人): one row per current owner, most tickets first, then by id. */
  private async owners(m: EntityManager, byOwner: Map<string, Tally>): Promise<OwnerStatsView[]> {
    const ids = [...byOwner.keys()];
    const names = new Map<string, string>();
    if (ids.length > 0) {
      // One placeholder per id: SQLite binds no arrays.
      const staff: Row[] = await m.query(`SELECT s.id AS id, s.name AS name FROM staff s WHERE s.id IN (${placeholders(ids)})`, ids);
      for (const s of staff) names.set(String(s.id), s.name === null ? '' : String(s.name));
    }
    return [...byOwner]
      .sort(([a, x], [b, y]) => y.n - x.n || byIdNumber(a, b))
      .map(([id, tally]) => ({
        staffId: id,
        name: names.get(id) ?? '',
        owned: tally.n,
        open: tally.open,
        onTimeRate: ratio(tally.met.resolve, tally.due.resolve),
        satisfactionRate: ratio(tally.satisfied, tally.rated),
        ratedCount: tally.rated,
      }));
  }

  /**
   * The complaints created in the window (投诉统计), per category: how many, how many 重大,
   * the owners' findings (有效 / 无效 / not yet), formal replies given, and the resolve
   * clock's on-time rate. One range over ticket_complaints (community, created_at), each
   * row joined to its ticket by primary key.
   */
  private async complaints(m: EntityManager, cohort: unknown[], now: Date): Promise<ComplaintStatsView> {
    const sql = DIALECTS[dbKind(m)];
    const rows: Row[] = await m.query(
      `SELECT t.category AS category, c.level AS level, c.validity AS validity,
              CASE WHEN c.replied_at IS NULL THEN 0 ELSE 1 END AS replied,
              ${clockOutcome('resolve')} AS resolve_outcome
         FROM ticket_complaints c JOIN tickets t ON t.id = c.ticket_id ${nowJoin(sql)}
        WHERE c.community_id = ? AND c.created_at >= ? AND c.created_at < ?`,
      [now, ...cohort],
    );
    const empty = (category: string): ComplaintCategoryStatsView => ({
      category,
      count: 0,
      major: 0,
      valid: 0,
      invalid: 0,
      unjudged: 0,
      replied: 0,
      onTimeRate: null,
    });
    const total = empty('');
    const byCategory = new Map<string, ComplaintCategoryStatsView>();
    const due = new Map<ComplaintCategoryStatsView, { met: number; due: number }>();
    for (const r of rows) {
      const category = String(r.category);
      let line = byCategory.get(category);
      if (!line) byCategory.set(category, (line = empty(category)));
      for (const tally of [total, line]) {
        tally.count += 1;
        if (r.level === 'major') tally.major += 1;
        if (r.validity === 'valid') tally.valid += 1;
        else if (r.validity === 'invalid') tally.invalid += 1;
        else tally.unjudged += 1;
        tally.replied += num(r.replied);
        const clock = due.get(tally) ?? { met: 0, due: 0 };
        const outcome = num(r.resolve_outcome);
        if (outcome === MET) clock.met += 1;
        if (outcome === MET || outcome === BREACHED) clock.due += 1;
        due.set(tally, clock);
      }
    }
    for (const [tally, clock] of due) tally.onTimeRate = ratio(clock.met, clock.due);
    const { category: _all, ...summary } = total;
    return {
      ...summary,
      byCategory: [...byCategory.values()].sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
    };
  }

  /**
   * One row per Asia/Shanghai day of the window: tickets created that day, tickets
   * resolved that day (their latest resolution; whenever created), and the satisfaction
   * of the ratings given that day — all within [from, to).
   */
  private async trend(m: EntityManager, communityId: string, from: Date, to: Date): Promise<TrendDayView[]> {
    const sql = DIALECTS[dbKind(m)];
    const window = [communityId, from, to];
    const created: Row[] = await m.query(`SELECT ${sql.shanghaiDay('t.created_at')} AS day, COUNT(*) AS n FROM tickets t WHERE ${COHORT} GROUP BY day`, window);
    const resolved: Row[] = await m.query(
      `SELECT ${sql.shanghaiDay('t.resolved_at')} AS day, COUNT(*) AS n
         FROM tickets t WHERE t.community_id = ? AND t.resolved_at >= ? AND t.resolved_at < ? GROUP BY day`,
      window,
    );
    const ratings: Row[] = await m.query(
      `SELECT ${sql.shanghaiDay('r.created_at')} AS day, COUNT(*) AS n, SUM(CASE WHEN ${SATISFIED} THEN 1 ELSE 0 END) AS satisfied
         FROM ticket_ratings r
        WHERE r.community_id = ? AND r.created_at >= ? AND r.created_at < ? GROUP BY day`,
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
