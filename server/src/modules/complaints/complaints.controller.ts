import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Authenticated, Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { TicketDetailView } from '../tickets/dto/ticket.dto';
import { TicketActionRunner } from '../tickets/ticket-action-runner';
import { TicketViews } from '../tickets/ticket-views.service';
import { ComplaintsService } from './complaints.service';
import { FormalReplyDto, GradeDto, InvestigateDto, InvestigationParams, InvestigationReportDto, JudgeDto } from './dto/complaint.dto';

/**
 * API.md "What a ticket carries": the staff's steps on a complaint (投诉处理). Each answers
 * with the ticket as the caller sees it; the steps run through the tickets' action runner, so
 * who may do what is the shared state machine's. Registered by the tickets module.
 */
@ApiTags('tickets')
@Authenticated()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key within 24 h → the step is applied once; a retry gets the ticket as it is now' })
@Controller('tickets')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly runner: TicketActionRunner,
    private readonly views: TicketViews,
  ) {}

  private readonly render = this.views.detail.bind(this.views);

  @Post(':id/grade')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  grade(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: GradeDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'grade', this.complaints.grade(dto));
  }

  @Post(':id/judge')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  judge(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: JudgeDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'judge', this.complaints.judge(dto));
  }

  @Post(':id/investigations')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  investigate(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: InvestigateDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'investigate', this.complaints.investigate(auth, dto));
  }

  @Post(':id/investigations/:investigationId/report')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  report(
    @Caller() auth: StaffAuth,
    @Meta() meta: RequestMeta,
    @Param() { id, investigationId }: InvestigationParams,
    @Body() dto: InvestigationReportDto,
  ): Promise<TicketDetailView> {
    return this.complaints.report(auth, meta, id, investigationId, dto.result, this.render);
  }

  @Post(':id/formal-reply')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  formalReply(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: FormalReplyDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'formal_reply', this.complaints.formalReply(auth, dto));
  }
}
