import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { fromLocalDateTime, localDateTime } from '@yizhan/shared';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { PeriodicTask } from '../../common/periodic-task';
import { Resident } from '../residents/resident.entity';
import { WechatApiError, WechatClient } from '../wechat/wechat.client';
import { OutboxMessage } from './notice.entities';
import { templateData } from './template-values';

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

/**
 * Sends the outbox. Each row is claimed with SELECT … FOR UPDATE SKIP LOCKED and kept
 * locked while its send runs, so several instances drain one outbox and never send a
 * row twice; if this process dies mid-send the transaction rolls back and the row
 * returns to the queue (the only window for a repeat is between WeChat accepting a
 * send and our commit — milliseconds). A credit is spent only on errcode 0.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly task = new PeriodicTask('outbox pass', this.logger, async () => (await this.drainOnce()).claimed >= BATCH);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.outboxPollMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: claim a batch, send it, record the outcomes. Public for tests and tools. */
  async drainOnce(now = new Date()): Promise<DrainResult> {
    const due = `FROM outbox_messages WHERE status = 'pending' AND next_attempt_at <= ?`;
    const [any] = await this.dataSource.query(`SELECT id ${due} LIMIT 1`, [now]);
    if (!any) return { claimed: 0, delivered: 0 };
    // Each message is claimed, sent and recorded in its own transaction: a crash repeats
    // at most the sends in flight, not a whole batch WeChat already took (found by
    // scripts/reliability/crash.js: a SIGKILL re-sent every message of the open batch).
    let claimed = 0;
    let delivered = 0;
    const worker = async () => {
      while (claimed < BATCH) {
        const outcome = await this.dataSource.transaction(async (manager) => {
          const [next]: { id: string }[] = await manager.query(`SELECT id ${due} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`, [now]);
          if (!next) return null;
          claimed++;
          const row = await manager.getRepository(OutboxMessage).findOneByOrFail({ id: String(next.id) });
          const resident = await manager.getRepository(Resident).findOneBy({ id: String(row.residentId) });
          return this.deliver(manager, row, resident?.openid ?? null, now);
        });
        if (outcome === null) return;
        if (outcome) delivered++;
      }
    };
    await Promise.all(Array.from({ length: SEND_CONCURRENCY }, worker));
    return { claimed, delivered };
  }

  private async deliver(manager: EntityManager, row: OutboxMessage, openid: string | null, now: Date): Promise<boolean> {
    const repo = manager.getRepository(OutboxMessage);
    const template = this.config.wechatTemplates[row.kind];
    if (!template || !openid) {
      await repo.update({ id: row.id }, { status: 'skipped', lastError: template ? 'resident has no openid' : 'no template configured' });
      return false;
    }
    // Reserve the credit before sending (a conditional decrement), so two messages of one
    // batch for the same resident and template cannot both spend one accept.
    const reserved = await manager.query(
      'UPDATE subscription_credits SET credits = credits - 1 WHERE resident_id = ? AND template_id = ? AND credits > 0',
      [row.residentId, template.templateId],
    );
    if (!reserved.affectedRows) {
      // No consent left: the in-app notice is all the resident gets.
      await repo.update({ id: row.id }, { status: 'no_consent', attempts: row.attempts + 1, lastError: 'no subscription credit' });
      return false;
    }
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
      // Not sent: give the credit back (unless WeChat says there is none, see recordFailure).
      await manager.query('UPDATE subscription_credits SET credits = credits + 1 WHERE resident_id = ? AND template_id = ?', [row.residentId, template.templateId]);
      await this.recordFailure(manager, row, template.templateId, e, now);
      return false;
    }
    await repo.update({ id: row.id }, { status: 'delivered', attempts: row.attempts + 1, sentAt: new Date(), lastError: null });
    return true;
  }

  private async recordFailure(manager: EntityManager, row: OutboxMessage, templateId: string, e: unknown, now: Date): Promise<void> {
    const repo = manager.getRepository(OutboxMessage);
    const attempts = row.attempts + 1;
    const message = (e as Error).message.slice(0, 300);
    if (e instanceof WechatApiError && e.errcode === NO_CONSENT) {
      // WeChat says there is no credit: our count was too high; trust WeChat.
      await repo.update({ id: row.id }, { status: 'no_consent', attempts, lastError: message });
      await manager.query('UPDATE subscription_credits SET credits = 0 WHERE resident_id = ? AND template_id = ?', [row.residentId, templateId]);
      return;
    }
    if (e instanceof WechatApiError && FINAL_ERRORS.has(e.errcode)) {
      this.logger.error(`subscribe message ${row.id} refused for good: ${message}`);
      await repo.update({ id: row.id }, { status: 'failed', attempts, lastError: message });
      return;
    }
    if (e instanceof WechatApiError && e.errcode === DAILY_QUOTA) {
      await repo.update({ id: row.id }, { attempts, nextAttemptAt: nextQuotaReset(now), lastError: message });
      return;
    }
    // -1 (busy), network errors, HTTP 5xx, anything unexpected: try again later.
    if (attempts >= MAX_ATTEMPTS) {
      this.logger.error(`subscribe message ${row.id} given up after ${attempts} attempts: ${message}`);
      await repo.update({ id: row.id }, { status: 'failed', attempts, lastError: message });
      return;
    }
    await repo.update({ id: row.id }, { attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: message });
  }
}
