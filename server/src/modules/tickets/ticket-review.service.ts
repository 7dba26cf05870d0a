import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { insertRows } from '../../database/plain-insert';
import { rowLock } from '../../database/sql';
import { NoticesService } from '../notices/notices.service';
import { ContentCheckService } from '../wechat/content-check.service';
import { Ticket, TicketEvent } from './ticket.entity';
import { systemEvent } from './timeline';

/** Residents' text screened at the door, and requests flagged for a human look (content checks). */
@Injectable()
export class TicketReview {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contentCheck: ContentCheckService,
    private readonly notices: NoticesService,
  ) {}

  /**
   * Residents' text goes through WeChat's content check: risky is refused with a kind
   * message; review (or a check that could not run) is accepted and flagged for staff.
   * Staff text is not checked (they are accountable by name).
   */
  async screen(auth: AuthContext, text: string): Promise<boolean> {
    if (auth.kind !== 'resident') return false;
    const verdict = await this.contentCheck.checkText(auth.openid, text);
    if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '内容中含有不适宜的信息，请修改后再提交');
    return verdict === 'review';
  }

  /** A later verdict (WeChat's image check) asks for a human look at a ticket. */
  async flagForReview(ticketId: string, note: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ticket = await manager.getRepository(Ticket).findOne({ where: { id: ticketId }, lock: rowLock(manager) });
      if (ticket && !ticket.flagged) await this.flag(manager, ticket, new Date(), note);
    });
  }

  /** Marks the ticket for review; returns the timeline line it wrote. */
  async flag(manager: EntityManager, ticket: Ticket, now: Date, note = '内容需人工复核'): Promise<Partial<TicketEvent>> {
    await manager.getRepository(Ticket).update({ id: ticket.id }, { flagged: true });
    ticket.flagged = true;
    const event = systemEvent(ticket.id, now, { type: 'flagged', note });
    await insertRows(manager, TicketEvent, [event]);
    await this.notices.onTicketChange(manager, { ticket, event: 'flagged', actor: null, at: now });
    return event;
  }
}
