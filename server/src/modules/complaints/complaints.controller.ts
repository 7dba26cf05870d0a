import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { Authenticated, Caller, Meta, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { TicketDetailView } from '../tickets/dto/ticket.dto';
import { TicketComplaints } from '../tickets/ticket-complaints.service';
import { FormalReplyDto, GradeDto, InvestigateDto, InvestigationParams, InvestigationReportDto, JudgeDto } from './dto/complaint.dto';

/**
 * API.md "What a ticket carries": the staff's steps on a complaint (投诉处理). Each answers
 * with the ticket as the caller sees it (TicketComplaints). Registered by the tickets module.
 */
@ApiTags('tickets')
@Authenticated()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key within 24 h → the step is applied once; a retry gets the ticket as it is now' })
@Controller('tickets')
export class ComplaintsController {
  constructor(private readonly complaints: TicketComplaints) {}

  @Post(':id/grade')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  grade(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: GradeDto): Promise<TicketDetailView> {
    return this.complaints.grade(auth, meta, id, dto);
  }

  @Post(':id/judge')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  judge(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: JudgeDto): Promise<TicketDetailView> {
    return this.complaints.judge(auth, meta, id, dto);
  }

  @Post(':id/investigations')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  investigate(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: InvestigateDto): Promise<TicketDetailView> {
    return this.complaints.investigate(auth, meta, id, dto);
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
    return this.complaints.report(auth, meta, id, investigationId, dto.result);
  }

  @Post(':id/formal-reply')
  @StaffOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: TicketDetailView })
  formalReply(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: FormalReplyDto): Promise<TicketDetailView> {
    return this.complaints.formalReply(auth, meta, id, dto);
  }
}
