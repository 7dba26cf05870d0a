import { Controller, Get, Headers, HttpCode, MessageEvent, Param, Post, Query, SetMetadata, Sse } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, filter, from, interval, merge, mergeMap, startWith, concatMap, defer, map, takeWhile } from 'rxjs';
import type { StaffAuth } from '../../common/auth/auth-context';
import { QUERY_TOKEN_ALLOWED } from '../../common/auth/auth.guard';
import { Caller, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { StaffNoticePage, StaffNoticeQuery, StaffNoticeView } from './dto/notice.dto';
import { NoticesService } from './notices.service';

const POLL_MS = 2000;

@ApiTags('staff')
@StaffOnly()
@Controller('staff')
export class StaffEventsController {
  constructor(private readonly notices: NoticesService) {}

  @Get('notices') @ApiOkResponse({ type: StaffNoticePage })
  list(@Caller() auth: StaffAuth, @Query() query: StaffNoticeQuery): Promise<StaffNoticePage> {
    return this.notices.staffNotices(auth, query);
  }

  @Post('notices/:id/read') @HttpCode(204) @ApiNoContentResponse()
  read(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<void> {
    return this.notices.markStaffRead(auth, id);
  }

  /**
   * Live staff notices as server-sent events (`event: ticket.routed` …, data = the
   * notice JSON, id = notice id). EventSource cannot send headers, so the access token
   * may come as `?access_token=`. Each connection reads the table (so notices written by
   * any instance arrive), woken at once by this instance's own writes and every 2 s
   * otherwise; `Last-Event-ID` resumes after a reconnect. The stream ends once the
   * account is deactivated or its access changes (the reconnect then needs a new token).
   */
  @Sse('events')
  @SetMetadata(QUERY_TOKEN_ALLOWED, true)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'server-sent events: `event:` a staff event type, `data:` one StaffNoticeView as JSON, `id:` its id', schema: { type: 'string' } })
  events(@Caller() auth: StaffAuth, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    let after: string | null = lastEventId && /^\d{1,20}$/.test(lastEventId) ? lastEventId : null;
    const wake = merge(
      interval(POLL_MS),
      this.notices.staffNoticeCreated.pipe(filter((n) => n.staffId === auth.staffId)),
    ).pipe(startWith(0));
    return defer(async () => (after ??= await this.notices.latestStaffNoticeId(auth.staffId))).pipe(
      mergeMap(() => wake),
      concatMap(() => from(this.notices.staffNoticesAfter(auth, after!))),
      takeWhile((items): items is StaffNoticeView[] => items !== null),
      mergeMap((items) => from(items)),
      filter((n) => BigInt(n.id) > BigInt(after!)),
      map((n) => {
        after = n.id;
        return { id: n.id, type: n.type, data: n } as MessageEvent;
      }),
    );
  }
}
