import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dbKind } from '../../database/sql';
import { TICKET_NO_PREFIX, TicketType, shanghaiDate, ticketNo } from '@yizhan/shared';

/**
 * Ticket numbers: BX/TS/FW + the Asia/Shanghai date + a per-day sequence, bumped in one
 * statement (LAST_INSERT_ID trick on MariaDB, RETURNING on SQLite). A submission bumps it
 * inside its own transaction (one commit, not two), as late as it can — right before the
 * ticket's INSERT — so the counter's row lock is held for the last few statements only.
 */
@Injectable()
export class TicketNumberService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async next(type: TicketType, at: Date, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const day = shanghaiDate(at);
    const prefix = `${TICKET_NO_PREFIX[type]}${day}`;
    if (dbKind(this.dataSource) === 'sqlite') {
      const [row] = await manager.query(
        'INSERT INTO ticket_sequences (prefix, seq) VALUES (?, 1) ON CONFLICT (prefix) DO UPDATE SET seq = seq + 1 RETURNING seq',
        [prefix],
      );
      return ticketNo(type, day, Number(row.seq));
    }
    const result = await manager.query(
      'INSERT INTO ticket_sequences (prefix, seq) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE seq = LAST_INSERT_ID(seq + 1)',
      [prefix],
    );
    return ticketNo(type, day, Number(result.insertId));
  }
}
