import { Controller, Get, Headers, HttpCode, MessageEvent, Param, Post, Query, SetMetadata, Sse } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  EMPTY,
  Observable,
  concatMap,
  concatWith,
  defer,
  endWith,
  filter,
  finalize,
  from,
  ignoreElements,
  interval,
  map,
  merge,
  mergeMap,
  of,
  share,
  startWith,
  takeUntil,
  takeWhile,
} from 'rxjs';
import type { StaffAuth } from '../../common/auth/auth-context';
import { QUERY_TOKEN_ALLOWED } from '../../common/auth/auth.guard';
import { Caller, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { DrainService, RECONNECT_RETRY_MS } from '../../common/lifecycle/drain.service';
import { MetricsService } from '../metrics/metrics.service';
import { StaffNoticePage, StaffNoticeQuery, StaffNoticeView } from './dto/notice.dto';
import { NoticeInbox } from './notice-inbox.service';
import { NoticesService } from './notices.service';
import { LATE_COMMIT_MS, StaffEventHub } from './staff-event-hub';

/**
 * How often a quiet stream says it is alive (`event: ping`): the admin pages treat a
 * stream that has said nothing for three of these as dead (a laptop that slept, a
 * network that dropped without closing the connection) and open a new one.
 */
export const HEARTBEAT_MS = 15_000;

@ApiTags('staff')
@StaffOnly()
@Controller('staff')
export class StaffEventsController {
  constructor(
    private readonly notices: NoticesService,
    private readonly inbox: NoticeInbox,
    private readonly drain: DrainService,
    private readonly metrics: MetricsService,
    private readonly hub: StaffEventHub,
  ) {}

  @Get('notices')
  @ApiOkResponse({ type: StaffNoticePage })
  list(@Caller() auth: StaffAuth, @Query() query: StaffNoticeQuery): Promise<StaffNoticePage> {
    return this.inbox.staffNotices(auth, query);
  }

  @Post('notices/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  read(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<void> {
    return this.inbox.markStaffRead(auth, id);
  }

  /**
   * Live staff notices as server-sent events (`event: ticket.routed` …, data = the
   * notice JSON, id = notice id). EventSource cannot send headers, so the access token
   * may come as `?access_token=`. Each connection reads the table (so notices written by
   * any instance arrive) when woken: at once by this instance's own writes, and by the
   * instance's one poll (StaffEventHub, every second) when a notice for this staff member
   * was written anywhere or the account changed; `Last-Event-ID` (or `?lastEventId=`) resumes after a reconnect. The stream ends once the
   * account is deactivated or its access changes (the reconnect then needs a new token).
   * When the instance shuts down, each stream gets a `retry:` hint (1–2 s, spread so the
   * streams do not all come back in the same instant) and ends: EventSource reconnects,
   * through the balancer, to an instance that is up. Every 15 s the stream sends
   * `event: ping` (data `{"at": …}`, no id), so a client can tell a quiet stream from a dead one.
   */
  @Sse('events')
  @SetMetadata(QUERY_TOKEN_ALLOWED, true)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'server-sent events: `event:` a staff event type, `data:` one StaffNoticeView as JSON, `id:` its id; every 15 s `event: ping` (no id)',
    schema: { type: 'string' },
  })
  events(@Caller() auth: StaffAuth, @Headers('last-event-id') lastEventId?: string, @Query('lastEventId') lastEventIdQuery?: string): Observable<MessageEvent> {
    // The header is EventSource's own reconnect; the query is the admin pages' new
    // EventSource after the browser gave one up (it cannot set the header).
    const resumeFrom = lastEventId || lastEventIdQuery;
    let after: string | null = resumeFrom && /^\d{1,20}$/.test(resumeFrom) ? resumeFrom : null;
    // Ids are taken at insert but rows appear at commit: a notice can turn up after a
    // higher id was already sent. So each poll also looks back LATE_COMMIT_MS for ids
    // below the cursor that were not sent yet; the SSE id stays the highest id sent (the
    // resume cursor), whatever the notice's own id.
    let floor: string | null = null;
    const sent = new Map<string, number>(); // id → written at (ms), while inside the look-back
    const poll = async (): Promise<StaffNoticeView[] | null> => {
      const items = await this.inbox.staffNoticesAfter(auth, after!);
      if (items === null) return null;
      const since = Date.now() - LATE_COMMIT_MS;
      const lateIds = (await this.inbox.lateStaffNoticeIds(auth.staffId, floor!, after!, new Date(since))).filter((id) => !sent.has(id));
      const late = await this.inbox.staffNoticesByIds(auth.staffId, lateIds);
      for (const [id, at] of sent) {
        if (at >= since) continue;
        sent.delete(id);
        if (BigInt(id) > BigInt(floor!)) floor = id;
      }
      return [...late, ...items].filter((n) => !sent.has(n.id));
    };
    const wake = merge(this.hub.wakes(auth.staffId, auth.accessVersion), this.notices.staffNoticeCreated.pipe(filter((n) => n.staffId === auth.staffId))).pipe(
      startWith(0),
    );
    const live = defer(async () => (floor = after ??= await this.inbox.latestStaffNoticeId(auth.staffId))).pipe(
      mergeMap(() => wake),
      concatMap(() => from(poll())),
      takeWhile((items): items is StaffNoticeView[] => items !== null),
      mergeMap((items) => from(items)),
      map((n) => {
        sent.set(n.id, Date.parse(n.createdAt));
        if (BigInt(n.id) > BigInt(after!)) after = n.id;
        return { id: after!, type: n.type, data: n } as MessageEvent;
      }),
    );
    // Draining: a last message with only a retry delay (no data, so EventSource
    // dispatches nothing), then the stream ends.
    const reconnect = () => ({ retry: RECONNECT_RETRY_MS + Math.floor(Math.random() * RECONNECT_RETRY_MS), comment: 'reconnect' }) as unknown as MessageEvent;
    return defer(() => {
      this.metrics.openStreams.inc();
      const notices = live.pipe(share());
      const heartbeat = interval(HEARTBEAT_MS).pipe(
        map(() => ({ type: 'ping', data: { at: new Date().toISOString() } }) as MessageEvent),
        takeUntil(notices.pipe(ignoreElements(), endWith(null))),
      );
      return merge(notices, heartbeat).pipe(
        takeUntil(this.drain.drain$),
        concatWith(defer(() => (this.drain.draining ? of(reconnect()) : EMPTY))),
        finalize(() => this.metrics.openStreams.dec()),
      );
    });
  }
}
