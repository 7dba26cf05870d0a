import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { AppError } from '../errors/app-error';
import { IdempotencyKey } from './idempotency-key.entity';
import { isDuplicateKey, rowLock } from '../../database/sql';

const KEY_PATTERN = /^[\x21-\x7e]{1,64}$/;
/** How long a key is remembered (API.md: 24 h); older rows are swept (TableSweeper). */
export const KEY_LIFETIME_MS = 24 * 3600 * 1000;

export function idempotencyScope(auth: AuthContext, operation: string): string {
  return `${auth.kind === 'resident' ? `r${auth.residentId}` : `s${auth.staffId}`}:${operation}`;
}

export type Replayable<T> = { replayed: false; value: T } | { replayed: true; value: unknown };

/**
 * API.md: the same Idempotency-Key from the same caller within 24 h returns the first
 * result and creates nothing new. The key row is claimed FIRST inside the caller's
 * transaction: a concurrent duplicate waits on the unique index until the first
 * commits, then reads its answer; if the first rolls back, the duplicate proceeds.
 */
@Injectable()
export class IdempotencyService {
  static validateKey(key: string | undefined): string | undefined {
    if (key === undefined || key === '') return undefined;
    if (!KEY_PATTERN.test(key)) {
      throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 须为 1–64 个可见字符', {
        'Idempotency-Key': ['must be 1–64 printable ASCII characters'],
      });
    }
    return key;
  }

  /**
   * `record` picks what a replay needs from the first answer (by default all of it); it is
   * what a replay gets back as `value`.
   */
  async once<T>(
    manager: EntityManager,
    scope: string,
    key: string | undefined,
    statusCode: number,
    work: () => Promise<T>,
    record: (value: T) => unknown = (value) => value,
  ): Promise<Replayable<T>> {
    if (!key) return { replayed: false, value: await work() };
    const row = await this.claim(manager, scope, key);
    if (!row.claimed) return { replayed: true, value: row.response };
    const value = await work();
    // Plain SQL: this runs once per submission (npm run bench).
    await manager.query('UPDATE idempotency_keys SET status_code = ?, response = ? WHERE scope = ? AND idem_key = ?', [
      statusCode,
      JSON.stringify(record(value)),
      scope,
      key,
    ]);
    return { replayed: false, value };
  }

  /**
   * `work` in its own transaction, the key written with its answer as the transaction's
   * last statement (one statement instead of a claim and an answer: the submission's path,
   * npm run bench). A concurrent duplicate runs its work too, but its key's INSERT waits on
   * the unique index until the first commits, then fails: its transaction rolls back — it
   * created nothing — and it answers with the first result. If the first rolls back, the
   * duplicate's INSERT goes through and its own work stands.
   */
  async inTransaction<T>(
    dataSource: DataSource,
    scope: string,
    key: string | undefined,
    statusCode: number,
    work: (manager: EntityManager) => Promise<T>,
    record: (value: T) => unknown = (value) => value,
  ): Promise<Replayable<T>> {
    if (!key) return { replayed: false, value: await dataSource.transaction(work) };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const value = await dataSource.transaction(async (manager) => {
          const done = await work(manager);
          try {
            await manager.query('INSERT INTO idempotency_keys (scope, idem_key, status_code, response, created_at) VALUES (?, ?, ?, ?, ?)', [
              scope,
              key,
              statusCode,
              JSON.stringify(record(done)),
              new Date(),
            ]);
          } catch (e) {
            if (e instanceof QueryFailedError && isDuplicateKey(e)) throw new KeyTaken();
            throw e;
          }
          return done;
        });
        return { replayed: false, value };
      } catch (e) {
        if (!(e instanceof KeyTaken)) throw e;
      }
      const repo = dataSource.getRepository(IdempotencyKey);
      const existing = await repo.findOne({ where: { scope, idemKey: key } });
      if (!existing) continue;
      if (existing.createdAt.getTime() < Date.now() - KEY_LIFETIME_MS) {
        await repo.delete({ id: existing.id });
        continue;
      }
      if (existing.statusCode === null) break;
      return { replayed: true, value: existing.response };
    }
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理中，请稍候');
  }

  private async claim(manager: EntityManager, scope: string, key: string): Promise<{ claimed: true } | { claimed: false; response: unknown }> {
    const repo = manager.getRepository(IdempotencyKey);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await manager.query('INSERT INTO idempotency_keys (scope, idem_key, created_at) VALUES (?, ?, ?)', [scope, key, new Date()]);
        return { claimed: true };
      } catch (e) {
        if (!(e instanceof QueryFailedError) || !isDuplicateKey(e)) throw e;
      }
      // A locking read sees the latest committed row, whatever this transaction's snapshot.
      const existing = await repo.findOne({ where: { scope, idemKey: key }, lock: rowLock(repo.manager, 'pessimistic_read') });
      if (!existing) continue;
      if (existing.createdAt.getTime() < Date.now() - KEY_LIFETIME_MS) {
        await repo.delete({ id: existing.id });
        continue;
      }
      if (existing.statusCode === null) {
        throw new AppError('IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理中，请稍候');
      }
      return { claimed: false, response: existing.response };
    }
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理中，请稍候');
  }
}

/** The key was written by another request first (inTransaction). */
class KeyTaken extends Error {}
