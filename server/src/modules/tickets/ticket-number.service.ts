import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dbKind } from '../../database/sql';
import { TICKET_NO_PREFIX, TicketType, shanghaiDate, ticketNo } from '@yizhan/shared';

/** At most this many numbers taken by one bump of a counter. */
const MAX_BLOCK = 64;

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
 * 266 to 135 a second). And submissions arriving together share one bump: the requests
 * waiting while a bump is under way take the next block of numbers (as many as are
 * waiting) in one statement — one at a time when the desk is quiet, so a day's numbers
 * still run 0001, 0002, … in order on one instance. A rolled-back submission leaves a gap,
 * which is harmless.
 */
@Injectable()
export class TicketNumberService {
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async next(type: TicketType, at: Date): Promise<string> {
    const day = shanghaiDate(at);
    const prefix = `${TICKET_NO_PREFIX[type]}${day}`;
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
        const last = await this.bump(prefix, served.length);
        served.forEach((w, i) => w.resolve(last - served.length + 1 + i));
      } catch (e) {
        served.forEach((w) => w.reject(e));
      }
    }
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
