import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dbKind } from '../../database/sql';
import { TICKET_NO_PREFIX, TicketType, shanghaiDate, ticketNo } from '@yizhan/shared';

/** At most this many numbers taken by one bump of a counter. */
const MAX_BLOCK = 64;
/** Numbers an instance takes ahead, so most submissions bump no counter and commit once. */
const AHEAD = 16;

interface Waiter {
  resolve: (seq: number) => void;
  reject: (e: unknown) => void;
}

/**
 * Ticket numbers: BX/TS/FW + the Asia/Shanghai date + a per-day sequence.
 *
 * The counter is bumped in its own autocommit statement (LAST_INSERT_ID trick on MariaDB,
 * RETURNING on SQLite), not in the ticket's transaction: there its row lock would be held
 * until the commit (its log flush included), and every submission of the day would queue
 * behind the one before (npm run bench: the submission's statements replayed raw fell from
 * 266 to 135 a second). And a bump is rare: each instance takes a block of numbers ahead
 * (AHEAD, or as many as are waiting when more are) and hands them out in order, so a
 * submission usually costs no statement and no commit of its own here. On one instance a
 * day's numbers run in order; two instances interleave their blocks (numbers say which
 * request, ids say which came first), and a restart or a refused submission leaves a gap,
 * which is harmless.
 */
@Injectable()
export class TicketNumberService {
  private readonly waiting = new Map<string, Waiter[]>();
  /** Numbers taken ahead and not yet handed out, per prefix: [next, last]. */
  private readonly ahead = new Map<string, [number, number]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async next(type: TicketType, at: Date): Promise<string> {
    const day = shanghaiDate(at);
    const prefix = `${TICKET_NO_PREFIX[type]}${day}`;
    // Nobody waiting on a bump: a number taken ahead, if one is left (else queue, in order).
    if (!this.waiting.has(prefix)) {
      const { first, count } = this.takeAhead(prefix, 1);
      if (count) return ticketNo(type, day, first);
    }
    const seq = await new Promise<number>((resolve, reject) => {
      const queue = this.waiting.get(prefix);
      if (queue) queue.push({ resolve, reject });
      else {
        this.waiting.set(prefix, [{ resolve, reject }]);
        void this.drain(prefix);
      }
    });
    return ticketNo(type, day, seq);
  }

  /** Bumps the counter for everyone waiting on `prefix`, block by block, until nobody is. */
  private async drain(prefix: string): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(prefix)!;
      if (!queue.length) {
        this.waiting.delete(prefix);
        return;
      }
      const served = queue.splice(0, MAX_BLOCK);
      try {
        // Numbers already taken ahead first; what they do not cover, from a new bump.
        const { first: spareFirst, count: fromSpare } = this.takeAhead(prefix, served.length);
        for (let i = 0; i < fromSpare; i++) served[i]!.resolve(spareFirst + i);
        const rest = served.length - fromSpare;
        if (rest === 0) continue;
        const block = Math.max(rest, AHEAD);
        const last = await this.bump(prefix, block);
        const first = last - block + 1;
        for (let i = 0; i < rest; i++) served[fromSpare + i]!.resolve(first + i);
        if (block > rest) {
          // Yesterday's spare numbers are never used again.
          for (const old of this.ahead.keys()) if (old.slice(0, -8) === prefix.slice(0, -8)) this.ahead.delete(old);
          this.ahead.set(prefix, [first + rest, last]);
        }
      } catch (e) {
        served.forEach((w) => w.reject(e));
      }
    }
  }

  /** Up to `n` numbers taken ahead for `prefix`: the first of them and how many (0 when none are left). */
  private takeAhead(prefix: string, n: number): { first: number; count: number } {
    const spare = this.ahead.get(prefix);
    if (!spare) return { first: 0, count: 0 };
    const first = spare[0];
    const count = Math.min(n, spare[1] - first + 1);
    spare[0] += count;
    if (spare[0] > spare[1]) this.ahead.delete(prefix);
    return { first, count };
  }

  /** Takes `n` numbers; answers the last of them. */
  private async bump(prefix: string, n: number): Promise<number> {
    if (dbKind(this.dataSource) === 'sqlite') {
      const [row] = await this.dataSource.query(
        'INSERT INTO ticket_sequences (prefix, seq) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET seq = seq + ? RETURNING seq',
        [prefix, n, n],
      );
      return Number(row.seq);
    }
    const result = await this.dataSource.query(
      'INSERT INTO ticket_sequences (prefix, seq) VALUES (?, LAST_INSERT_ID(?)) ON DUPLICATE KEY UPDATE seq = LAST_INSERT_ID(seq + ?)',
      [prefix, n, n],
    );
    return Number(result.insertId);
  }
}
