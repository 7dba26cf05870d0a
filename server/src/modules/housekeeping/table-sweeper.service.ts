import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { KEY_LIFETIME_MS } from '../../common/idempotency/idempotency.service';
import { PeriodicTask } from '../../common/periodic-task';
import { execute, placeholders } from '../../database/sql';

const DAY_MS = 86400_000;
/** At most this many batches of one table per pass; a pass that hit it runs again at once. */
const BATCHES_PER_PASS = 20;

/** One table's rule: which rows are past keeping, by an indexed column. */
interface SweepRule {
  name: string;
  table: string;
  key: string;
  /** The WHERE clause over an indexed column, and its parameters (null: this sweep is off). */
  condition(now: number): { where: string; params: unknown[]; order: string } | null;
}

export type SweepCounts = Record<string, number>;

/**
 * Keeps the tables that grow with use bounded (docs/operations.md): idempotency keys
 * past their 24 h window, refresh tokens past expiry, rate-limit windows that ended,
 * outbox rows finished (delivered, no consent, failed, skipped) more than
 * OUTBOX_KEEP_DAYS ago, and notices read more than READ_NOTICES_KEEP_DAYS ago (the
 * residents' inbox and the staff notices). Each table is swept in batches of
 * SWEEP_BATCH rows: the ids are read over an index, then deleted by primary key, each
 * batch its own short statement, so no lock is held for long. Every instance runs it
 * (every SWEEP_MS); two instances deleting the same rows is harmless.
 */
@Injectable()
export class TableSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Sweep');
  private readonly task = new PeriodicTask('table sweep', this.logger, async () => {
    const { counts, more } = await this.sweepOnce();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total)
      this.logger.log(
        `deleted ${Object.entries(counts)
          .filter(([, n]) => n)
          .map(([name, n]) => `${n} ${name}`)
          .join(', ')}`,
      );
    return more;
  });

  private readonly rules: SweepRule[] = [
    {
      name: 'idempotency keys',
      table: 'idempotency_keys',
      key: 'id',
      condition: (now) => ({ where: 'created_at < ?', params: [new Date(now - KEY_LIFETIME_MS)], order: 'created_at' }),
    },
    {
      name: 'expired refresh tokens',
      table: 'refresh_tokens',
      key: 'id',
      condition: (now) => ({ where: 'expires_at < ?', params: [new Date(now)], order: 'expires_at' }),
    },
    {
      name: 'rate-limit windows',
      table: 'rate_limit_counters',
      key: 'bucket',
      condition: (now) => ({ where: 'expires_at < ?', params: [new Date(now)], order: 'expires_at' }),
    },
    {
      name: 'finished outbox rows',
      table: 'outbox_messages',
      key: 'id',
      // Over the (status, next_attempt_at) index: a finished row's next_attempt_at is its last attempt.
      condition: (now) =>
        this.config.sweep.outboxKeepDays > 0
          ? {
              where: "status IN ('delivered', 'no_consent', 'failed', 'skipped') AND next_attempt_at < ?",
              params: [new Date(now - this.config.sweep.outboxKeepDays * DAY_MS)],
              order: 'next_attempt_at',
            }
          : null,
    },
    {
      name: 'finished WeCom messages',
      table: 'wecom_outbox',
      key: 'id',
      // Same retention as residents' messages; a finished row's next_attempt_at is its last attempt.
      // (The rate-limit digest counts only the last hour's sends, far inside the retention.)
      condition: (now) =>
        this.config.sweep.outboxKeepDays > 0
          ? {
              where: "status IN ('delivered', 'digested', 'failed', 'skipped') AND next_attempt_at < ?",
              params: [new Date(now - this.config.sweep.outboxKeepDays * DAY_MS)],
              order: 'next_attempt_at',
            }
          : null,
    },
    {
      name: 'read resident notices',
      table: 'notices',
      key: 'id',
      condition: (now) => this.readBefore(now),
    },
    {
      name: 'read staff notices',
      table: 'staff_notices',
      key: 'id',
      condition: (now) => this.readBefore(now),
    },
  ];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    // The first pass a minute after start (or sooner when the sweep runs more often).
    this.task.start(this.config.sweep.everyMs, Math.min(this.config.sweep.everyMs, 60_000));
  }

  /** Before the pool closes: the batch in hand finishes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass over every table; `more` when some table still had rows past keeping. Public for tests and tools. */
  async sweepOnce(now = Date.now()): Promise<{ counts: SweepCounts; more: boolean }> {
    const counts: SweepCounts = {};
    let more = false;
    for (const rule of this.rules) {
      const condition = rule.condition(now);
      counts[rule.name] = 0;
      if (!condition) continue;
      for (let batch = 0; ; batch++) {
        if (this.task.stopping) return { counts, more: false };
        if (batch === BATCHES_PER_PASS) {
          more = true;
          break;
        }
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT ${rule.key} AS k FROM ${rule.table} WHERE ${condition.where} ORDER BY ${condition.order} LIMIT ${this.config.sweep.batch}`,
          condition.params,
        );
        if (!rows.length) break;
        const keys = rows.map((r) => r.k);
        // The condition again: a row that changed since it was read (a token used, a notice unread) stays.
        const deleted = await execute(
          this.dataSource.manager,
          `DELETE FROM ${rule.table} WHERE ${rule.key} IN (${placeholders(keys)}) AND ${condition.where}`,
          [...keys, ...condition.params],
        );
        counts[rule.name] = (counts[rule.name] ?? 0) + deleted;
        if (rows.length < this.config.sweep.batch) break;
      }
    }
    return { counts, more };
  }

  private readBefore(now: number): { where: string; params: unknown[]; order: string } | null {
    const days = this.config.sweep.readNoticesKeepDays;
    return days > 0 ? { where: 'read_at < ?', params: [new Date(now - days * DAY_MS)], order: 'read_at' } : null;
  }
}
