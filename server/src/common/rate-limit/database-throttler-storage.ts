import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { DataSource } from 'typeorm';
import { dbKind } from '../../database/sql';

/**
 * Rate-limit counters in the database, so N instances enforce one limit (not N times
 * it). Fixed windows: a hit adds one to the row of the current window of its key
 * (`rate_limit_counters`, one atomic upsert that also reads the count back — MariaDB
 * through LAST_INSERT_ID(expr), SQLite through RETURNING). A caller over the limit is
 * refused until the window ends. The rows of past windows are swept (TableSweeper).
 */
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const windowStart = Math.floor(now / ttl) * ttl;
    const windowEnd = windowStart + ttl;
    const totalHits = await this.hit(`${key}:${windowStart / 1000}`, new Date(windowEnd));
    const timeToExpire = Math.max(1, Math.ceil((windowEnd - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  private async hit(bucket: string, expiresAt: Date): Promise<number> {
    if (dbKind(this.dataSource) === 'sqlite') {
      const rows: { hits: number }[] = await this.dataSource.query(
        'INSERT INTO rate_limit_counters (bucket, hits, expires_at) VALUES (?, 1, ?) ON CONFLICT (bucket) DO UPDATE SET hits = hits + 1 RETURNING hits',
        [bucket, expiresAt],
      );
      return Number(rows[0]!.hits);
    }
    // LAST_INSERT_ID(expr) hands the new count back in the statement's own answer (insertId).
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(
        'INSERT INTO rate_limit_counters (bucket, hits, expires_at) VALUES (?, LAST_INSERT_ID(1), ?) ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)',
        [bucket, expiresAt],
        true,
      );
      return Number((result.raw as { insertId: number | string }).insertId);
    } finally {
      await runner.release();
    }
  }
}
