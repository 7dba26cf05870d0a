import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext, RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Authenticated, Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { WriteLimit } from '../../common/rate-limit/rate-limit';
import { IdParam } from '../../common/id-param';
import {
  CommentDto,
  HoldDto,
  CreateTicketDto,
  DispatchDto,
  NoteDto,
  ConfirmDto,
  RatingDto,
  RatingReplyDto,
  RescheduleDto,
  ReasonDto,
  ResumeDto,
  RebookDto,
  ResolveDto,
  RevealedPhoneView,
  RevisitDto,
  TicketDetailView,
  TicketListQuery,
  TicketPage,
  TransferDto,
} from './dto/ticket.dto';
import { TicketClosing } from './ticket-closing.service';
import { TicketConversation } from './ticket-conversation.service';
import { TicketIntake } from './ticket-intake.service';
import { TicketQueue } from './ticket-queue.service';
import { TicketWork } from './ticket-work.service';

/**
 * API.md "Requests". Residents and staff share the routes; who may do what is decided
 * by the shared state machine inside the service, and visibility by the access rules.
 */
@ApiTags('tickets')
@Authenticated()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key within 24 h → the action is applied once; a retry gets the ticket as it is now' })
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly intake: TicketIntake,
    private readonly queue: TicketQueue,
    private readonly work: TicketWork,
    private readonly closing: TicketClosing,
    private readonly conversation: TicketConversation,
  ) {}

  @Post()
  @WriteLimit()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key within 24 h → the first result, nothing new created' })
  @ApiCreatedResponse({ type: TicketDetailView })
  async create(
    @Caller() auth: AuthContext,
    @Meta() meta: RequestMeta,
    @Body() dto: CreateTicketDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TicketDetailView> {
    const { replayed, ticket } = await this.intake.create(auth, meta, dto, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return ticket;
  }

  @Get()
  @ApiOkResponse({ type: TicketPage })
  list(@Caller() auth: AuthContext, @Query() query: TicketListQuery): Promise<TicketPage> {
    return this.queue.list(auth, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TicketDetailView })
  get(@Caller() auth: AuthContext, @Param() { id }: IdParam): Promise<TicketDetailView> {
    return this.queue.get(auth, id);
  }

  @Post(':id/claim')
  @StaffOnly('agent', 'supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  claim(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<TicketDetailView> {
    return this.work.claim(auth, meta, id);
  }

  @Post(':id/accept')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  accept(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: NoteDto): Promise<TicketDetailView> {
    return this.work.accept(auth, meta, id, dto.note);
  }

  @Post(':id/dispatch')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  dispatch(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: DispatchDto): Promise<TicketDetailView> {
    return this.work.dispatch(auth, meta, id, dto);
  }

  @Post(':id/reschedule')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  reschedule(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: RescheduleDto): Promise<TicketDetailView> {
    return this.work.reschedule(auth, meta, id, dto);
  }

  @Post(':id/start')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  start(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: NoteDto): Promise<TicketDetailView> {
    return this.work.start(auth, meta, id, dto.note);
  }

  @Post(':id/hold')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  hold(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: HoldDto): Promise<TicketDetailView> {
    return this.work.hold(auth, meta, id, dto.reason, dto.publicReason);
  }

  @Post(':id/resume')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  resume(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: ResumeDto): Promise<TicketDetailView> {
    return this.work.resume(auth, meta, id, dto.reason);
  }

  @Post(':id/resolve')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  resolve(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: ResolveDto): Promise<TicketDetailView> {
    return this.work.resolve(auth, meta, id, dto);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  confirm(@Caller() auth: AuthContext, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: ConfirmDto): Promise<TicketDetailView> {
    return this.closing.confirm(auth, meta, id, dto.rating);
  }

  @Post(':id/verify')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  verify(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: NoteDto): Promise<TicketDetailView> {
    return this.closing.verify(auth, meta, id, dto.note);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  reopen(@Caller() auth: AuthContext, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: ReasonDto): Promise<TicketDetailView> {
    return this.closing.reopen(auth, meta, id, dto.reason);
  }

  @Post(':id/revisit')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  revisit(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: RevisitDto): Promise<TicketDetailView> {
    return this.closing.revisit(auth, meta, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  cancel(@Caller() auth: AuthContext, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: ReasonDto): Promise<TicketDetailView> {
    return this.closing.cancel(auth, meta, id, dto.reason);
  }

  @Post(':id/rebook')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  rebook(@Caller() auth: AuthContext, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: RebookDto): Promise<TicketDetailView> {
    return this.closing.rebook(auth, meta, id, dto.slotStart);
  }

  @Post(':id/transfer')
  @StaffOnly('supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  transfer(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: TransferDto): Promise<TicketDetailView> {
    return this.work.transfer(auth, meta, id, dto);
  }

  @Post(':id/comments')
  @WriteLimit()
  @ApiCreatedResponse({ type: TicketDetailView })
  comment(@Caller() auth: AuthContext, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: CommentDto): Promise<TicketDetailView> {
    return this.conversation.comment(auth, meta, id, dto.note, dto.photoIds, dto.visibility);
  }

  @Post(':id/rating')
  @ApiCreatedResponse({ type: TicketDetailView })
  rate(@Caller() auth: AuthContext, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: RatingDto): Promise<TicketDetailView> {
    return this.closing.rate(auth, meta, id, dto);
  }

  @Post(':id/rating/reply')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  replyToRating(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: RatingReplyDto): Promise<TicketDetailView> {
    return this.closing.replyToRating(auth, meta, id, dto.reply);
  }

  @Post(':id/urge')
  @WriteLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  urge(@Caller() auth: AuthContext, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<TicketDetailView> {
    return this.conversation.urge(auth, meta, id);
  }

  @Post(':id/reveal-phone')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: RevealedPhoneView })
  revealPhone(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam): Promise<RevealedPhoneView> {
    return this.queue.revealPhone(auth, meta, id);
  }
}
