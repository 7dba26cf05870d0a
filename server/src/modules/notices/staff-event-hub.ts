import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { placeholders } from '../../database/sql';

/** How often an instance looks for staff notices written anywhere (its streams' wake-up). */
export const HUB_POLL_MS = 1000;
/** How long a notice may take from insert to commit and still wake its streams. */
export const LATE_COMMIT_MS = 30_000;
/** Rows read per statement when many notices arrived at once. */
const PAGE = 5000;

interface Listener {
  accessVersion: number;
  wake: () => void;
}

/**
 * One poll per instance for all its staff event streams (issue #21 point 4). Each pass
 * reads the staff notices written in the last LATE_COMMIT_MS by any instance (ids and
 * recipients only, a primary-key range) and wakes the streams of the staff they are for;
 * and reads, in one statement, whether the accounts behind the open streams are still
 * active at their token's access version, waking the streams whose account changed (the
 * stream's own check then ends it). A stream reads its notices only when woken, so 500
 * open streams cost this instance two statements a pass instead of a thousand.
 * Ids are taken at insert but rows appear at commit: a notice that commits after one with
 * a higher id is still inside the window the next pass reads, and wakes its stream then.
 */
@Injectable()
export class StaffEventHub implements BeforeApplicationShutdown {
  private readonly logger = new Logger(StaffEventHub.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Every notice id at or below this was seen and is older than the look-back. */
  private floor: string | null = null;
  /** Ids seen inside the look-back, with when they were written (ms). */
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Statements the hub has sent (for /metrics and the bench). */
  statements = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Emits whenever something may have arrived for this staff member, or their access may have changed. */
  wakes(staffId: string, accessVersion: number): Observable<void> {
    return new Observable<void>((subscriber) => {
      const listener: Listener = { accessVersion, wake: () => subscriber.next() };
      let set = this.listeners.get(staffId);
      if (!set) this.listeners.set(staffId, (set = new Set()));
      set.add(listener);
      this.schedule();
      return () => {
        set!.delete(listener);
        if (!set!.size) this.listeners.delete(staffId);
      };
    });
  }

  /** Open streams on this instance. */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((e: Error) => this.logger.warn(`staff event poll failed: ${e.message}`))
        .finally(() => {
          this.timer = null;
          this.running = null;
          // Idle (no stream open): no polling until the next stream; the look-back starts afresh then.
          if (this.listeners.size) this.schedule();
          else {
            this.floor = null;
            this.seen.clear();
          }
        });
    }, HUB_POLL_MS);
    this.timer.unref();
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    this.statements++;
    return this.dataSource.query(sql, params);
  }

  private async pass(): Promise<void> {
    if (!this.listeners.size) return;
    const now = Date.now();
    if (this.floor === null) {
      // A stream starts after its own latest notice, so the hub need only look from here on.
      const [row] = await this.query<{ id: string | number | null }>('SELECT MAX(id) AS id FROM staff_notices', []);
      this.floor = String(row?.id ?? 0);
      // A notice written between a stream's start and this first read is below the floor: each stream looks once.
      for (const set of this.listeners.values()) for (const l of set) l.wake();
      return;
    }
    const woken = new Set<string>();
    let from = this.floor;
    for (;;) {
      const rows = await this.query<{ id: string | number; staffId: string | number; createdAt: Date | string }>(
        `SELECT id, staff_id AS staffId, created_at AS createdAt FROM staff_notices WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
        [from],
      );
      for (const r of rows) {
        const id = String(r.id);
        if (this.seen.has(id)) continue;
        this.seen.set(id, new Date(r.createdAt).getTime());
        woken.add(String(r.staffId));
      }
      if (rows.length < PAGE) break;
      from = String(rows[rows.length - 1]!.id);
    }
    const since = now - LATE_COMMIT_MS;
    for (const [id, at] of this.seen) {
      if (at >= since) continue;
      this.seen.delete(id);
      if (BigInt(id) > BigInt(this.floor)) this.floor = id;
    }
    // Accounts deactivated or changed since their stream's token was issued.
    const staffIds = [...this.listeners.keys()];
    for (let i = 0; i < staffIds.length; i += 1000) {
      const chunk = staffIds.slice(i, i + 1000);
      const rows = await this.query<{ id: string | number; active: unknown; accessVersion: unknown }>(
        `SELECT id, active, access_version AS accessVersion FROM staff WHERE id IN (${placeholders(chunk)})`,
        chunk,
      );
      const current = new Map(rows.map((r) => [String(r.id), Number(r.active) ? Number(r.accessVersion) : null]));
      for (const staffId of chunk) {
        for (const l of this.listeners.get(staffId) ?? []) if (current.get(staffId) !== l.accessVersion) l.wake();
      }
    }
    for (const staffId of woken) for (const l of this.listeners.get(staffId) ?? []) l.wake();
  }
}
