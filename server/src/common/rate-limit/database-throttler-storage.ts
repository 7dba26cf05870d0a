import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { DataSource } from 'typeorm';
import { dbKind } from '../../database/sql';
import { RateLimitCounter } from './rate-limit-counter.entity';

/**
 * Rate-limit counters in the database, so N instances enforce one limit (not N times
 * it). A key's window starts at its first hit and lasts `ttl`, as in the throttler's own
 * memory store: a hit adds one to the key's row, or starts a new window when the old one
 * has ended — one atomic upsert that also reads the count back (MariaDB through
 * LAST_INSERT_ID(expr), SQLite through RETURNING). A caller over the limit is refused
 * until the window ends (only then is the end read, for Retry-After). Ended rows are
 * swept (TableSweeper).
 *
 * Windows are not aligned to the clock on purpose: aligned ones let a burst straddling
 * a minute boundary through twice.
 */
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = new Date();
    const totalHits = await this.hit(key, now, new Date(now.getTime() + ttl));
    const isBlocked = totalHits > limit;
    let timeToExpire = Math.ceil(ttl / 1000);
    if (isBlocked) {
      const row = await this.dataSource.getRepository(RateLimitCounter).findOne({ where: { bucket: key }, select: { bucket: true, expiresAt: true } });
      if (row) timeToExpire = Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000));
    }
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  private async hit(bucket: string, now: Date, expiresAt: Date): Promise<number> {
    if (dbKind(this.dataSource) === 'sqlite') {
      // SET sees the row as it was: both CASEs judge the old window.
      const rows: { hits: number }[] = await this.dataSource.query(
        `INSERT INTO rate_limit_counters (bucket, hits, expires_at) VALUES (?, 1, ?)
         ON CONFLICT (bucket) DO UPDATE SET hits = CASE WHEN expires_at <= ? THEN 1 ELSE hits + 1 END,
                                            expires_at = CASE WHEN expires_at <= ? THEN excluded.expires_at ELSE expires_at END
         RETURNING hits`,
        [bucket, expiresAt, now, now],
      );
      return Number(rows[0]!.hits);
    }
    // LAST_INSERT_ID(expr) hands the new count back in the statement's own answer (insertId).
    // MariaDB applies the assignments left to right: `hits` is judged on the old expires_at.
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(
        `INSERT INTO rate_limit_counters (bucket, hits, expires_at) VALUES (?, LAST_INSERT_ID(1), ?)
         ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(IF(expires_at <= ?, 1, hits + 1)), expires_at = IF(expires_at <= ?, VALUES(expires_at), expires_at)`,
        [bucket, expiresAt, now, now],
        true,
      );
      return Number((result.raw as { insertId: number | string }).insertId);
    } finally {
      await runner.release();
    }
  }
}
