import { Injectable } from '@nestjs/common';
import { EventVisibility } from '@yizhan/shared';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { FilesService } from '../files/files.service';
import type { TicketDetailView } from './dto/ticket.dto';
import { TicketActionRunner } from './ticket-action-runner';
import { TicketReview } from './ticket-review.service';
import { TicketEvent } from './ticket.entity';

/** A resident may urge (催单) at most this often. */
const URGE_INTERVAL_MS = 30 * 60_000;

/** The conversation on a request: the resident's follow-ups, staff public replies and internal notes, and 催单. */
@Injectable()
export class TicketConversation {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly review: TicketReview,
    private readonly files: FilesService,
  ) {}

  /**
   * A resident's follow-up, a staff public reply (公开回复, the resident reads it) or an
   * internal note (内部备注, staff only — the default for staff, so nothing is public by accident).
   */
  async comment(auth: AuthContext, meta: RequestMeta, id: string, note: string, photoIds?: string[], visibility?: EventVisibility): Promise<TicketDetailView> {
    if (auth.kind === 'resident' && visibility === 'internal') {
      throw new AppError('VALIDATION_FAILED', '业主的补充说明对处理人员可见，不能设为内部备注', { visibility: ['业主不能发内部备注'] });
    }
    const shown: EventVisibility = auth.kind === 'resident' ? 'public' : (visibility ?? 'internal');
    const flagged = await this.review.screen(auth, note);
    return this.runner.run(auth, meta, id, 'comment', async (ticket, manager, now) => {
      const ids = await this.files.attach(manager, auth, photoIds, ticket.id);
      const photosNeedReview = (await this.files.needingReview(manager, ids)).length > 0;
      if ((flagged || photosNeedReview) && !ticket.flagged) await this.review.flag(manager, ticket, now);
      return { type: 'commented', note, visibility: shown, publicNote: shown === 'public' ? note : null, photoIds: ids.length ? ids : null };
    });
  }

  /** 催单: a resident nudges an open request, at most once per 30 minutes. */
  async urge(auth: AuthContext, meta: RequestMeta, id: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'urge', async (ticket, manager, now) => {
      const last = await manager
        .getRepository(TicketEvent)
        .createQueryBuilder('e')
        .where('e.ticket_id = :id AND e.type = :type', { id: ticket.id, type: 'urged' })
        .orderBy('e.at', 'DESC')
        .getOne();
      if (last && now.getTime() - last.at.getTime() < URGE_INTERVAL_MS) {
        const wait = Math.ceil((URGE_INTERVAL_MS - (now.getTime() - last.at.getTime())) / 60_000);
        throw new AppError('URGE_TOO_SOON', `已为您催办，${wait} 分钟后可再次催单`);
      }
      return { type: 'urged', note: '业主催办', data: { ownerId: ticket.ownerId } };
    });
  }
}
