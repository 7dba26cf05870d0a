import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { PeriodicTask } from '../../common/periodic-task';
import { placeholders, skipLocked } from '../../database/sql';
import { backoffMs } from '../notices/outbox.worker';
import { quietUntil } from './wecom-kinds';
import { StaffWecom, WecomOutbox } from './wecom.entities';
import { WecomApiError, WecomClient, WecomMessage } from './wecom.client';
import { digestFor, messageFor } from './wecom-messages';

/**
 * WeCom says the message can never reach this member (WECOM.md): 81013 not in the app's
 * visible range / left, 82001 no valid recipient, 40003/40031/60111 invalid userid,
 * 60020 this server's IP is not a trusted IP, 48002/60011 the app lacks the right,
 * 40056 wrong agentid; 44004/45002/47001 the message itself is malformed (empty, too
 * long, bad format — a bug here, logged). Retrying cannot help; the reason goes on the
 * member's profile.
 */
export const FINAL_WECOM_ERRORS = new Set([81013, 82001, 40003, 40031, 60111, 60020, 48002, 60011, 40056, 44004, 45002, 47001]);
const MAX_ATTEMPTS = 16; // 10 s doubling to 1 h, then hourly: about a day of trying
const BATCH = 50;
const SEND_CONCURRENCY = 10;
/** WeCom's limits for one app to one member; the excess is dropped silently by WeCom, so we never send it. */
export const PER_MINUTE = 30;
export const PER_HOUR = 1000;

export interface WecomDrainResult {
  claimed: number;
  /** Messages WeCom took (a digest counts once). */
  sent: number;
  held: number;
  failed: number;
}

/** A time read by raw SQL: a Date from MariaDB, "YYYY-MM-DD HH:MM:SS.sss" (UTC) text from SQLite. */
function rawTime(value: Date | string | null): number {
  if (value === null || value === undefined) return NaN;
  if (value instanceof Date) return value.getTime();
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : value.replace(' ', 'T') + 'Z').getTime();
}

/**
 * Sends the WeCom outbox, as OutboxWorker sends residents' one: a pass claims a batch in
 * one short READ COMMITTED transaction (FOR UPDATE SKIP LOCKED on MariaDB; SQLite has one
 * writer) by moving next_attempt_at one lease ahead, commits, and only then calls WeCom.
 * A row is not claimed while an earlier one of the same member is leased or backing off,
 * and a member's rows are claimed by one instance at a time (see claim), so one member's
 * messages go in the order they were written. Per member and lane: rows
 * in quiet hours are held until the morning (urgent kinds go), WeCom's 30-a-minute and
 * 1000-an-hour limits are kept by counting what was sent, and what exceeds them goes as
 * one digest message instead of being lost.
 */
@Injectable()
export class WecomOutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WecomOutbox');
  private readonly task = new PeriodicTask('WeCom outbox pass', this.logger, async () => (await this.drainOnce()).claimed >= BATCH);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wecom: WecomClient,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.wecom) {
      new Logger('WeCom').log('WeCom is off (no WECOM_CORP_ID): staff notices stay in the admin pages');
      return;
    }
    this.task.start(this.config.outboxPollMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: claim a batch, send it lane by lane, record the outcomes. Public for tests and tools. */
  async drainOnce(now = new Date()): Promise<WecomDrainResult> {
    const result: WecomDrainResult = { claimed: 0, sent: 0, held: 0, failed: 0 };
    if (!this.config.wecom) return result;
    const rows = await this.claim(now);
    result.claimed = rows.length;
    if (!rows.length) return result;
    const staffIds = [...new Set(rows.map((r) => String(r.staffId)))];
    const members = new Map((await this.dataSource.getRepository(StaffWecom).find({ where: { staffId: In(staffIds) } })).map((m) => [String(m.staffId), m]));
    const active = new Set(
      (await this.dataSource.query(`SELECT id FROM staff WHERE active = 1 AND id IN (${placeholders(staffIds)})`, staffIds)).map((r: { id: string }) =>
        String(r.id),
      ),
    );
    const lanes = new Map<string, WecomOutbox[]>();
    for (const row of rows) {
      const lane = lanes.get(String(row.staffId));
      if (lane) lane.push(row);
      else lanes.set(String(row.staffId), [row]);
    }
    const queue = [...lanes.entries()];
    let next = 0;
    const sender = async () => {
      while (next < queue.length) {
        const [staffId, lane] = queue[next++]!;
        const member = members.get(staffId);
        await this.sendLane(lane, member && active.has(staffId) ? member : null, now, result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, sender));
    return result;
  }

  /**
   * Claims due rows lane by lane. The members whose rows are due are locked first (their
   * staff_wecom rows, SKIP LOCKED: a member another instance is claiming is left to it);
   * only then are their rows read — under READ COMMITTED that read sees every earlier
   * claim of those members committed, so a row is never taken while an earlier one of the
   * same member is leased elsewhere, and one member's messages keep their order even
   * with several instances.
   */
  private async claim(now: Date): Promise<WecomOutbox[]> {
    const due: { staffId: string | number }[] = await this.dataSource.query(
      `SELECT DISTINCT staff_id AS staffId FROM wecom_outbox WHERE status = 'pending' AND next_attempt_at <= ? LIMIT ${BATCH}`,
      [now],
    );
    if (!due.length) return [];
    const leaseEnd = new Date(now.getTime() + this.config.outboxLeaseMs);
    const claimInTransaction = async (manager: EntityManager) => {
      const candidates = due.map((r) => String(r.staffId));
      const lanes: { staffId: string | number }[] = await manager.query(
        `SELECT staff_id AS staffId FROM staff_wecom WHERE staff_id IN (${placeholders(candidates)}) ORDER BY staff_id${skipLocked(manager)}`,
        candidates,
      );
      if (!lanes.length) return [];
      const locked = lanes.map((l) => String(l.staffId));
      const rows: { id: string | number }[] = await manager.query(
        `SELECT o.id FROM wecom_outbox o
          WHERE o.staff_id IN (${placeholders(locked)}) AND o.status = 'pending' AND o.next_attempt_at <= ?
            AND NOT EXISTS (SELECT 1 FROM wecom_outbox p
                             WHERE p.staff_id = o.staff_id AND p.status = 'pending' AND p.held = 0 AND p.id < o.id AND p.next_attempt_at > ?)
          ORDER BY o.next_attempt_at, o.id LIMIT ${BATCH}`,
        [...locked, now, now],
      );
      const ids = rows.map((r) => String(r.id));
      if (ids.length) await manager.update(WecomOutbox, { id: In(ids) }, { nextAttemptAt: leaseEnd });
      return ids;
    };
    const ids = await this.dataSource.transaction('READ COMMITTED', claimInTransaction);
    if (!ids.length) return [];
    return this.dataSource.getRepository(WecomOutbox).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  private async sendLane(lane: WecomOutbox[], member: StaffWecom | null, now: Date, result: WecomDrainResult): Promise<void> {
    const repo = this.dataSource.getRepository(WecomOutbox);
    if (!member?.userid) {
      // Unbound or deactivated since the row was written: the in-app notice is all there is.
      await repo.update(
        { id: In(lane.map((r) => r.id)) },
        { status: 'skipped', lastError: member ? 'not bound to a WeCom userid' : 'no WeCom binding or account inactive' },
      );
      return;
    }
    // Quiet hours: non-urgent rows wait for the morning; they do not block urgent ones.
    // A kind turned off since the row was written is not sent after all.
    const quietEnd = quietUntil(now, member.quietStart, member.quietEnd);
    const muted = new Set(member.mutedKinds);
    const sendable: WecomOutbox[] = [];
    const toHold: string[] = [];
    const toSkip: string[] = [];
    for (const row of lane) {
      if (!row.urgent && muted.has(row.kind)) toSkip.push(row.id);
      else if (quietEnd && !row.urgent) toHold.push(row.id);
      else sendable.push(row);
    }
    if (toSkip.length) await repo.update({ id: In(toSkip) }, { status: 'skipped', lastError: 'kind turned off by the member' });
    if (toHold.length) {
      await repo.update({ id: In(toHold) }, { held: true, nextAttemptAt: quietEnd! });
      result.held += toHold.length;
    }
    if (!sendable.length) return;

    // WeCom's per-member limits, counted from what this and every other instance sent.
    const [counts] = await this.dataSource.query(
      `SELECT COALESCE(SUM(CASE WHEN sent_at > ? THEN 1 ELSE 0 END), 0) AS minute, COUNT(*) AS hour,
              MIN(CASE WHEN sent_at > ? THEN sent_at END) AS minuteOldest, MIN(sent_at) AS hourOldest
         FROM wecom_outbox WHERE staff_id = ? AND status = 'delivered' AND sent_at > ?`,
      [new Date(now.getTime() - 60_000), new Date(now.getTime() - 60_000), member.staffId, new Date(now.getTime() - 3600_000)],
    );
    const minuteLeft = PER_MINUTE - Number(counts.minute);
    const budget = Math.min(minuteLeft, PER_HOUR - Number(counts.hour));
    if (budget <= 0) {
      // Full: try again when the oldest send leaves the window; by then the rest may go as one digest.
      const oldest = rawTime(minuteLeft <= 0 ? counts.minuteOldest : counts.hourOldest);
      const windowEnd = oldest + (minuteLeft <= 0 ? 60_000 : 3600_000) + 1;
      await repo.update(
        { id: In(sendable.map((r) => r.id)) },
        { nextAttemptAt: new Date(Number.isFinite(windowEnd) ? Math.max(windowEnd, now.getTime() + 1000) : now.getTime() + 60_000) },
      );
      return;
    }
    const single = sendable.length <= budget ? sendable : sendable.slice(0, budget - 1);
    const digest = sendable.length <= budget ? [] : sendable.slice(budget - 1);
    for (let i = 0; i < single.length; i++) {
      const row = single[i]!;
      const ok = await this.deliver([row], member, messageFor(row, this.config.wecom!, this.config.publicBaseUrl), now, result);
      if (!ok) {
        // Keep the order: the rest of this member's rows wait behind the one that failed
        // (released from the lease now; the claim skips them while it is backing off).
        await this.release([...single.slice(i + 1), ...digest], now);
        return;
      }
    }
    if (digest.length) await this.deliver(digest, member, digestFor(digest, this.config.publicBaseUrl), now, result);
  }

  /** Sends one message for `rows` (one row, or a digest of several) and records the outcome on all of them. */
  private async deliver(rows: WecomOutbox[], member: StaffWecom, message: WecomMessage, now: Date, result: WecomDrainResult): Promise<boolean> {
    const ids = rows.map((r) => r.id);
    const carrier = rows[rows.length - 1]!;
    try {
      const answer = await this.wecom.send(member.userid!, message);
      if (answer.invalidUsers.includes(member.userid!)) {
        throw new WecomApiError(81013, `invaliduser ${member.userid}: not reached (left the corp or outside the app's visible range)`, '/cgi-bin/message/send');
      }
    } catch (e) {
      return this.recordFailure(rows, member, e, now, result);
    }
    // On the pass's clock, which the per-member limits are counted against.
    const sentAt = now;
    await this.dataSource.transaction(async (manager) => {
      const r = manager.getRepository(WecomOutbox);
      if (rows.length > 1) {
        await r.update({ id: In(ids.slice(0, -1)), status: 'pending' }, { status: 'digested', held: false, sentAt, lastError: null });
      }
      await r.update(
        { id: carrier.id, status: 'pending' },
        { status: 'delivered', held: false, attempts: carrier.attempts + 1, sentAt, lastError: null, digestCount: rows.length > 1 ? rows.length : 0 },
      );
      await manager.getRepository(StaffWecom).update({ staffId: member.staffId }, { lastSentAt: sentAt });
    });
    result.sent++;
    return true;
  }

  private async recordFailure(rows: WecomOutbox[], member: StaffWecom, e: unknown, now: Date, result: WecomDrainResult): Promise<boolean> {
    const repo = this.dataSource.getRepository(WecomOutbox);
    const ids = rows.map((r) => r.id);
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
    const message = (e as Error).message.slice(0, 300);
    if (e instanceof WecomApiError && FINAL_WECOM_ERRORS.has(e.errcode)) {
      this.logger.error(`WeCom message for staff ${member.staffId} (${member.userid}) refused for good: ${message}`);
      await repo.update({ id: In(ids) }, { status: 'failed', attempts, lastError: message });
      await this.dataSource.getRepository(StaffWecom).update({ staffId: member.staffId }, { lastError: message, lastErrorAt: now });
      result.failed += rows.length;
      // A final refusal concerns this member, not the order of what follows: go on.
      return true;
    }
    // -1 (busy), 45009/45033 (frequency), network errors, HTTP 5xx: try again later.
    if (attempts >= MAX_ATTEMPTS) {
      this.logger.error(`WeCom message for staff ${member.staffId} given up after ${attempts} attempts: ${message}`);
      await repo.update({ id: In(ids) }, { status: 'failed', attempts, lastError: message });
      await this.dataSource
        .getRepository(StaffWecom)
        .update({ staffId: member.staffId }, { lastError: `多次重试失败：${message}`.slice(0, 300), lastErrorAt: now });
      result.failed += rows.length;
      return true;
    }
    await repo.update({ id: In(ids) }, { attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: message });
    return false;
  }

  private async release(rows: WecomOutbox[], now: Date): Promise<void> {
    if (rows.length) await this.dataSource.getRepository(WecomOutbox).update({ id: In(rows.map((r) => r.id)) }, { nextAttemptAt: now });
  }
}
