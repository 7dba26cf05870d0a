import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { MediaCheckService } from '../files/media-check.service';
import { WechatPushEvents } from '../wechat/wechat-push.service';
import { TicketReview } from './ticket-review.service';

/**
 * Applies WeChat's image-check verdicts as they are pushed: the photo's state is
 * recorded (a risky one hidden from residents) and, if it is already on a request,
 * the request is flagged for staff.
 */
@Injectable()
export class PhotoCheckListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PhotoCheck');
  private subscription: Subscription | null = null;

  constructor(
    private readonly push: WechatPushEvents,
    private readonly mediaCheck: MediaCheckService,
    private readonly review: TicketReview,
  ) {}

  onModuleInit(): void {
    this.subscription = this.push.events.subscribe((event) => {
      if (event.Event !== 'wxa_media_check' || typeof event.trace_id !== 'string') return;
      this.apply(event.trace_id, event.result?.suggest).catch((e) => this.logger.error(`image verdict not applied: ${(e as Error).message}`));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async apply(traceId: string, suggest: string | undefined): Promise<void> {
    const verdict = await this.mediaCheck.recordVerdict(traceId, suggest);
    if (!verdict?.ticketId || verdict.verdict === 'pass') return;
    await this.review.flagForReview(verdict.ticketId, verdict.verdict === 'risky' ? '照片未通过内容检查，已对业主隐藏' : '照片需人工复核');
  }
}
