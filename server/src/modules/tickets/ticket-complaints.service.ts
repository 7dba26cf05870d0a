import { Injectable } from '@nestjs/common';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { ComplaintsService } from '../complaints/complaints.service';
import type { FormalReplyDto, GradeDto, InvestigateDto, JudgeDto } from '../complaints/dto/complaint.dto';
import type { TicketDetailView } from './dto/ticket.dto';
import { TicketActionRunner } from './ticket-action-runner';
import { TicketViews } from './ticket-views.service';

/**
 * The staff's steps on a complaint (投诉处理, DESIGN.md "Complaints"), as ticket actions: each
 * runs through the action runner — the shared state machine (with the complaint's own state)
 * decides, the complaint service applies it, the timeline, notices and audit follow in the same
 * transaction — and answers with the ticket as the caller sees it.
 */
@Injectable()
export class TicketComplaints {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly complaints: ComplaintsService,
    private readonly views: TicketViews,
  ) {}

  grade(auth: StaffAuth, meta: RequestMeta, id: string, dto: GradeDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'grade', this.complaints.grade(dto));
  }

  judge(auth: StaffAuth, meta: RequestMeta, id: string, dto: JudgeDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'judge', this.complaints.judge(dto));
  }

  investigate(auth: StaffAuth, meta: RequestMeta, id: string, dto: InvestigateDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'investigate', this.complaints.investigate(auth, dto));
  }

  /** An investigation's result: the investigator's (or the owner's) step, outside the life cycle. */
  report(auth: StaffAuth, meta: RequestMeta, id: string, investigationId: string, result: string): Promise<TicketDetailView> {
    return this.complaints.report(auth, meta, id, investigationId, result, (manager, ticketId, caller) => this.views.detail(manager, ticketId, caller));
  }

  formalReply(auth: StaffAuth, meta: RequestMeta, id: string, dto: FormalReplyDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'formal_reply', this.complaints.formalReply(auth, dto));
  }
}
