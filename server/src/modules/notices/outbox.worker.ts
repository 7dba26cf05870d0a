import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { fromLocalDateTime, localDateTime } from '@yizhan/shared';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { forUpdate, placeholders, skipLocked } from '../../database/sql';
import { PeriodicTask } from '../../common/periodic-task';
import { MetricsService } from '../metrics/metrics.service';
import { Resident } from '../residents/resident.entity';
import { WechatApiError, WechatClient } from '../wechat/wechat.client';
import { OutboxMessage } from './notice.entities';
import { templateData } from '../../common/config/wechat-templates';

/** WeChat says the message itself is wrong: retrying cannot help (WECHAT.md). */
const FINAL_ERRORS = new Set([40003, 40037, 41030, 47003]);
const NO_CONSENT = 43101;
const DAILY_QUOTA = 45009;
const MAX_ATTEMPTS = 16; // 10 s doubling to 1 h, then hourly: about a day of trying
const BATCH = 50;
const SEND_CONCURRENCY = 10;

export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

/** The next Asia/Shanghai midnight (+1 minute), when WeChat's daily quotas reset. */
export function nextQuotaReset(now: Date): Date {
  const l = localDateTime(new Date(now.getTime() + 86400_000));
  return new Date(fromLocalDateTime({ year: l.year, month: l.month, day: l.day, hour: 0, minute: 1, second: 0, millisecond: 0 }).getTime());
}

export interface DrainResult {
  claimed: number;
  delivered: number;
}

interface Claimed {
  row: OutboxMessage;
  openid: string;
}

/**
 * Sends the outbox. A pass claims a batch in one short transaction (FOR UPDATE SKIP
 * LOCKED on MariaDB) by moving the rows' next_attempt_at one lease ahead (and taking their
 * subscription credits, a few statements for the whole batch), commits, and
 * only then talks to WeChat — no lock is held across a network call, so ticket writes
 * never wait for WeChat and a send cannot be rolled back after WeChat took it (a
 * deadlock victim used to be sent again). If this process dies mid-send, the rows fall
 * due again when the lease ends: the only repeat is a send WeChat took in the moment
 * before the kill. The subscription credit is reserved once per row (credit_reserved),
 * in the same transaction as that mark, so a retried row never spends a second credit.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly task = new PeriodicTask('outbox pass', this.logger, async () => (await this.drainOnce()).claimed >= BATCH);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.outboxPollMs);
  }

  /** Before the pool closes: the pass in hand finishes its sends in flight and gives back the rest of its batch. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: claim a batch, send it, record the outcomes. Public for tests and tools. */
  async drainOnce(now = new Date()): Promise<DrainResult> {
    const { batch, taken } = await this.claim(now);
    // One lane per resident, sent in order: their notices reach WeChat in the order they
    // were written, and when credits run short it is the earliest notice that gets one
    // (sent side by side, whichever reserved first won).
    const lanes = new Map<string, Claimed[]>();
    for (const item of batch) {
      const key = String(item.row.residentId);
      const lane = lanes.get(key);
      if (lane) lane.push(item);
      else lanes.set(key, [item]);
    }
    const queue = [...lanes.values()];
    let delivered = 0;
    let next = 0;
    const sender = async () => {
      while (next < queue.length && !this.task.stopping) {
        for (const item of queue[next++]!) if (await this.deliver(item.row, item.openid, now)) delivered++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, sender));
    // Shutting down: lanes not started are given back now rather than when the lease ends.
    const unsent = queue.slice(next).flatMap((lane) => lane.map((item) => item.row.id));
    if (unsent.length) await this.release(unsent, now);
    return { claimed: taken, delivered };
  }

  private async release(ids: string[], now: Date): Promise<void> {
    await this.dataSource.getRepository(OutboxMessage).update({ id: In(ids), status: 'pending' }, { nextAttemptAt: now });
    this.logger.log(`gave back ${ids.length} claimed subscribe message(s) on shutdown`);
  }

  /** The rows to send now, and how many rows the pass took in all (settled ones included). */
  private async claim(now: Date): Promise<{ batch: Claimed[]; taken: number }> {
    const [any] = await this.dataSource.query(`SELECT id FROM outbox_messages WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 1`, [now]);
    if (!any) return { batch: [], taken: 0 };
    // READ COMMITTED: the claim locks only the rows it takes, no gaps, so a ticket
    // transaction inserting its outbox row never waits on it (under REPEATABLE READ the
    // two deadlocked — found by scripts/reliability with two instances under load).
    return this.dataSource.transaction('READ COMMITTED', (manager) => this.claimIn(manager, now));
  }

  /**
   * Takes a batch one lease ahead: rows that cannot be sent are settled at once (no
   * template, no openid: skipped; no subscription credit left: no_consent), the others get
   * their credit — a few statements for the whole batch, in the claim's transaction.
   */
  private async claimIn(manager: EntityManager, now: Date): Promise<{ batch: Claimed[]; taken: number }> {
    const due: { id: string | number }[] = await manager.query(
      `SELECT id FROM outbox_messages WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ${BATCH}${skipLocked(manager)}`,
      [now],
    );
    if (!due.length) return { batch: [], taken: 0 };
    const ids = due.map((r) => String(r.id));
    const repo = manager.getRepository(OutboxMessage);
    // Every row taken moves one lease ahead: its last attempt, for the sweep (OUTBOX_KEEP_DAYS), is now + the lease.
    await repo.update({ id: In(ids) }, { nextAttemptAt: new Date(now.getTime() + this.config.outboxLeaseMs) });
    const rows = await repo.find({ where: { id: In(ids) }, order: { id: 'ASC' } });
    const residents = await manager
      .getRepository(Resident)
      .find({ where: { id: In([...new Set(rows.map((r) => r.residentId))]) }, select: { id: true, openid: true } });
    const openids = new Map(residents.map((r) => [String(r.id), r.openid]));
    const claimed: Claimed[] = [];
    const noTemplate: string[] = [];
    const noOpenid: string[] = [];
    for (const row of rows) {
      const openid = openids.get(String(row.residentId)) ?? null;
      if (!this.config.wechatTemplates[row.kind]) noTemplate.push(row.id);
      else if (!openid) noOpenid.push(row.id);
      else claimed.push({ row, openid });
    }
    if (noTemplate.length) await repo.update({ id: In(noTemplate) }, { status: 'skipped', lastError: 'no template configured' });
    if (noOpenid.length) await repo.update({ id: In(noOpenid) }, { status: 'skipped', lastError: 'resident has no openid' });
    const refused = await this.reserveCredits(
      manager,
      claimed.filter((c) => !c.row.creditReserved).map((c) => c.row),
    );
    const sendable = claimed.filter((c) => !refused.has(c.row.id));
    return { batch: sendable, taken: due.length };
  }

  /**
   * One credit per row, the earliest rows first: a resident's credits for a template are
   * read with a row lock and taken in one statement for the whole batch, so two rows
   * cannot spend one accept. Without one the in-app notice is all the resident gets
   * (no_consent). Answers the ids refused.
   */
  private async reserveCredits(manager: EntityManager, rows: OutboxMessage[]): Promise<Set<string>> {
    const refused = new Set<string>();
    if (!rows.length) return refused;
    const keyOf = (residentId: string, templateId: string) => `${residentId}\u0000${templateId}`;
    const wanted = new Map<string, { residentId: string; templateId: string }>();
    for (const row of rows) {
      const templateId = this.config.wechatTemplates[row.kind]!.templateId;
      wanted.set(keyOf(String(row.residentId), templateId), { residentId: String(row.residentId), templateId });
    }
    const pairs = [...wanted.values()];
    const match = pairs.map(() => '(resident_id = ? AND template_id = ?)').join(' OR ');
    const params = pairs.flatMap((p) => [p.residentId, p.templateId]);
    const held: { residentId: string; templateId: string; credits: number }[] = await manager.query(
      `SELECT resident_id AS residentId, template_id AS templateId, credits FROM subscription_credits WHERE ${match}${forUpdate(manager)}`,
      params,
    );
    const left = new Map(held.map((h) => [keyOf(String(h.residentId), h.templateId), Number(h.credits)]));
    const taken = new Map<string, number>();
    const granted: string[] = [];
    for (const row of rows) {
      const key = keyOf(String(row.residentId), this.config.wechatTemplates[row.kind]!.templateId);
      if ((left.get(key) ?? 0) > 0) {
        left.set(key, left.get(key)! - 1);
        taken.set(key, (taken.get(key) ?? 0) + 1);
        granted.push(row.id);
      } else refused.add(row.id);
    }
    if (taken.size) {
      const spent = [...taken].map(([key, n]) => ({ ...wanted.get(key)!, n }));
      await manager.query(
        `UPDATE subscription_credits SET credits = credits - CASE ${spent.map(() => 'WHEN resident_id = ? AND template_id = ? THEN ?').join(' ')} ELSE 0 END
          WHERE ${spent.map(() => '(resident_id = ? AND template_id = ?)').join(' OR ')}`,
        [...spent.flatMap((x) => [x.residentId, x.templateId, x.n]), ...spent.flatMap((x) => [x.residentId, x.templateId])],
      );
      await manager.getRepository(OutboxMessage).update({ id: In(granted) }, { creditReserved: true });
    }
    if (refused.size) {
      // attempts + 1 for each: a refused row was tried once.
      await manager.query(
        `UPDATE outbox_messages SET status = 'no_consent', attempts = attempts + 1, last_error = 'no subscription credit' WHERE id IN (${placeholders([...refused])})`,
        [...refused],
      );
    }
    return refused;
  }

  private async deliver(row: OutboxMessage, openid: string, now: Date): Promise<boolean> {
    const template = this.config.wechatTemplates[row.kind]!;
    try {
      await this.wechat.callWithToken('/cgi-bin/message/subscribe/send', {
        touser: openid,
        template_id: template.templateId,
        page: row.page,
        miniprogram_state: this.config.wechat.miniprogramState,
        lang: 'zh_CN',
        data: templateData(template, row.values),
      });
    } catch (e) {
      const outcome = await this.dataSource.transaction((manager) => this.recordFailure(manager, row, template.templateId, e, now));
      this.metrics.sends.inc({ outcome, errcode: String(e instanceof WechatApiError ? e.errcode : -2) });
      return false;
    }
    this.metrics.sends.inc({ outcome: 'delivered', errcode: '0' });
    // Marked one by one as WeChat takes them: a crash repeats at most the sends in flight.
    await this.dataSource.query(
      `UPDATE outbox_messages SET status = 'delivered', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'`,
      [row.attempts + 1, new Date(), row.id],
    );
    return true;
  }

  /** Records a failed send; says what became of the row (for the metrics). */
  private async recordFailure(
    manager: EntityManager,
    row: OutboxMessage,
    templateId: string,
    e: unknown,
    now: Date,
  ): Promise<'no_consent' | 'failed' | 'retry'> {
    const repo = manager.getRepository(OutboxMessage);
    const attempts = row.attempts + 1;
    const message = (e as Error).message.slice(0, 300);
    // Not sent: the reserved credit goes back (unless WeChat says there is none).
    await repo.update({ id: row.id }, { creditReserved: false });
    if (e instanceof WechatApiError && e.errcode === NO_CONSENT) {
      // WeChat says there is no credit: our count was too high; trust WeChat.
      await repo.update({ id: row.id }, { status: 'no_consent', attempts, lastError: message });
      await manager.query('UPDATE subscription_credits SET credits = 0 WHERE resident_id = ? AND template_id = ?', [row.residentId, templateId]);
      return 'no_consent';
    }
    await manager.query('UPDATE subscription_credits SET credits = credits + 1 WHERE resident_id = ? AND template_id = ?', [row.residentId, templateId]);
    if (e instanceof WechatApiError && FINAL_ERRORS.has(e.errcode)) {
      this.logger.error(`subscribe message ${row.id} refused for good: ${message}`);
      await repo.update({ id: row.id }, { status: 'failed', attempts, lastError: message });
      return 'failed';
    }
    if (e instanceof WechatApiError && e.errcode === DAILY_QUOTA) {
      await repo.update({ id: row.id }, { attempts, nextAttemptAt: nextQuotaReset(now), lastError: message });
      return 'retry';
    }
    // -1 (busy), network errors, HTTP 5xx, anything unexpected: try again later.
    if (attempts >= MAX_ATTEMPTS) {
      this.logger.error(`subscribe message ${row.id} given up after ${attempts} attempts: ${message}`);
      await repo.update({ id: row.id }, { status: 'failed', attempts, lastError: message });
      return 'failed';
    }
    await repo.update({ id: row.id }, { attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: message });
    return 'retry';
  }
}
