import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dbKind } from '../../database/sql';
import { TICKET_NO_PREFIX, TicketType, shanghaiDate, ticketNo } from '@yizhan/shared';

/**
 * Ticket numbers: BX/TS/FW + the Asia/Shanghai date + a per-day sequence.
 * The counter is bumped in its own autocommit statement (LAST_INSERT_ID trick on MariaDB,
 * RETURNING on SQLite), not in
 * the ticket's transaction: its row lock is held for microseconds instead of the
 * whole transaction, so submissions do not queue behind each other. A rolled-back
 * submission leaves a gap in the numbers, which is harmless.
 */
@Injectable()
export class TicketNumberService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async next(type: TicketType, at: Date): Promise<string> {
    const day = shanghaiDate(at);
    const prefix = `${TICKET_NO_PREFIX[type]}${day}`;
    if (dbKind(this.dataSource) === 'sqlite') {
      const [row] = await this.dataSource.query(
        'INSERT INTO ticket_sequences (prefix, seq) VALUES (?, 1) ON CONFLICT (prefix) DO UPDATE SET seq = seq + 1 RETURNING seq',
        [prefix],
      );
      return ticketNo(type, day, Number(row.seq));
    }
    const result = await this.dataSource.query(
      'INSERT INTO ticket_sequences (prefix, seq) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE seq = LAST_INSERT_ID(seq + 1)',
      [prefix],
    );
    return ticketNo(type, day, Number(result.insertId));
  }
}
