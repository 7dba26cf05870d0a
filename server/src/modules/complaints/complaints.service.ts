import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ATTITUDE_CATEGORY, CLOCK_BIT, ComplaintLevel, LABELS, TicketState, friendlyTime, nextDueAt } from '@yizhan/shared';
import { canSeeTicket } from '../../common/access/access';
import { AuthContext, RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError, notFound } from '../../common/errors/app-error';
import { insertRow, insertRows } from '../../database/plain-insert';
import { rowLock } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { NoticesService } from '../notices/notices.service';
import { RoutingDecision, RoutingService } from '../routing/routing.service';
import { SlaPolicyService } from '../sla/sla-policy.service';
import { resolveDeadline } from '../sla/working-days';
import { Staff } from '../staff/staff.entity';
import { StaffService } from '../staff/staff.service';
import { Ticket, TicketEvent } from '../tickets/ticket.entity';
import type { ActionStep } from '../tickets/ticket-action-runner';
import { EventSpec, actorEvent } from '../tickets/timeline';
import { ComplaintInvestigation, TicketComplaint } from './complaint.entities';
import type { FormalReplyDto, GradeDto, InvestigateDto, JudgeDto } from './dto/complaint.dto';

/** What intake decided about a new complaint, before the ticket row exists. */
export interface ComplaintIntake {
  level: ComplaintLevel;
  subjectStaffId: string | null;
  subjectName: string | null;
  /** About a person (named, or the category 服务态度): a supervisor handles it. */
  aboutStaff: boolean;
}

/** The complaint fields of a new request (CreateTicketDto). */
export interface ComplaintInput {
  type: string;
  category: string;
  complaintLevel?: ComplaintLevel;
  subjectName?: string;
  subjectStaffId?: string;
}

/** A detail view of the ticket, as the caller may see it (TicketViews.detail, given by the tickets module). */
export type DetailRenderer<T> = (manager: EntityManager, ticketId: string, auth: AuthContext) => Promise<T>;

/**
 * Complaint handling (投诉处理, DESIGN.md "Complaints"): the level and its time limits, the
 * rule that a complaint about a person goes to a supervisor and never to that person, the
 * owner's finding, investigation tasks, and the formal reply without which a complaint
 * cannot be resolved (the shared state machine's FORMAL_REPLY_REQUIRED).
 */
@Injectable()
export class ComplaintsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly routing: RoutingService,
    private readonly policies: SlaPolicyService,
    private readonly staff: StaffService,
    private readonly notices: NoticesService,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------- intake

  /**
   * Checks a new request's complaint fields and finds the staff member it names. Residents
   * name a person in words (matched to an active staff member of the community with exactly
   * that name); staff registering a complaint pick the person and may set the level.
   */
  async checkIntake(manager: EntityManager, auth: AuthContext, communityId: string, input: ComplaintInput): Promise<ComplaintIntake | null> {
    const named = input.subjectName?.trim() || null;
    if (input.type !== 'complaint') {
      if (input.complaintLevel || named || input.subjectStaffId) {
        throw new AppError('VALIDATION_FAILED', '投诉等级和被投诉人员只用于投诉', { complaintLevel: ['complaint only'] });
      }
      return null;
    }
    if (auth.kind === 'resident' && (input.complaintLevel || input.subjectStaffId)) {
      throw new AppError('VALIDATION_FAILED', '投诉等级由物业评定；如投诉工作人员，请填写其姓名', { complaintLevel: ['staff only'] });
    }
    let subjectStaffId: string | null = null;
    let subjectName = named;
    if (input.subjectStaffId) {
      const person = await this.staff.findActiveIn(manager, communityId, input.subjectStaffId, ['agent', 'technician', 'supervisor', 'admin']);
      if (!person) throw new AppError('INVALID_STAFF', '被投诉人员须是本小区在职员工');
      subjectStaffId = String(person.id);
      subjectName ??= person.name;
    } else if (named) {
      const matches: { id: string }[] = await manager.query(
        `SELECT s.id AS id FROM staff s JOIN staff_communities sc ON sc.staff_id = s.id AND sc.community_id = ?
          WHERE s.name = ? AND s.active = 1 LIMIT 2`,
        [communityId, named],
      );
      // One person of that name: it is them. None or several: a supervisor still handles it, by the name given.
      if (matches.length === 1) subjectStaffId = String(matches[0]!.id);
    }
    return {
      level: input.complaintLevel ?? 'general',
      subjectStaffId,
      subjectName,
      aboutStaff: subjectName !== null || subjectStaffId !== null || input.category.trim() === ATTITUDE_CATEGORY,
    };
  }

  /**
   * Who owns a complaint about a person: a supervisor other than that person. A supervisor
   * registering it keeps it (first-contact rule 1) unless it is about them. Null: the usual
   * first-contact routing applies.
   */
  async routeFor(manager: EntityManager, auth: AuthContext, communityId: string, intake: ComplaintIntake | null): Promise<RoutingDecision | null> {
    if (!intake?.aboutStaff) return null;
    if (auth.kind === 'staff' && auth.roles.includes('supervisor') && auth.staffId !== intake.subjectStaffId) return null;
    return this.routing.chooseSupervisor(manager, communityId, intake.subjectStaffId);
  }

  /** The complaint's row, written with its ticket. */
  async record(manager: EntityManager, ticket: Pick<Ticket, 'id' | 'communityId' | 'createdAt'>, intake: ComplaintIntake): Promise<void> {
    await manager.getRepository(TicketComplaint).insert({
      ticketId: String(ticket.id),
      communityId: String(ticket.communityId),
      level: intake.level,
      subjectStaffId: intake.subjectStaffId,
      subjectName: intake.subjectName,
      aboutStaff: intake.aboutStaff,
      createdAt: ticket.createdAt,
    });
  }

  /** The level a ticket's time limits are looked up with ('general' for every other type). */
  async levelOf(manager: EntityManager, ticket: Pick<Ticket, 'id' | 'type'>): Promise<ComplaintLevel> {
    if (ticket.type !== 'complaint') return 'general';
    const row = await manager.getRepository(TicketComplaint).findOne({ where: { ticketId: String(ticket.id) }, select: { ticketId: true, level: true } });
    return row?.level ?? 'general';
  }

  /** The state machine's view of a complaint (null for other types): has the formal reply been given? */
  async stateOf(manager: EntityManager, ticket: Pick<Ticket, 'id' | 'type'>): Promise<TicketState['complaint']> {
    if (ticket.type !== 'complaint') return null;
    const row = await manager.getRepository(TicketComplaint).findOne({ where: { ticketId: String(ticket.id) }, select: { ticketId: true, repliedAt: true } });
    return { formallyReplied: row?.repliedAt != null };
  }

  /**
   * A complaint about a person is never theirs to own, investigate or be dispatched to:
   * refused with 409 SUBJECT_OF_COMPLAINT. Claiming or receiving it by transfer is for
   * supervisors only (403 FORBIDDEN / 400 INVALID_STAFF).
   */
  async checkHandler(
    manager: EntityManager,
    ticket: Pick<Ticket, 'id' | 'type'>,
    staff: { id: string; roles: readonly string[] },
    as: 'owner' | 'claim' | 'assignee' | 'investigator',
  ): Promise<void> {
    if (ticket.type !== 'complaint') return;
    const row = await manager.getRepository(TicketComplaint).findOne({ where: { ticketId: String(ticket.id) } });
    if (!row?.aboutStaff) return;
    if (row.subjectStaffId !== null && String(row.subjectStaffId) === String(staff.id)) {
      throw new AppError('SUBJECT_OF_COMPLAINT', '该投诉涉及此员工本人，不能由其处理或调查');
    }
    if (as === 'claim' && !staff.roles.includes('supervisor')) {
      throw new AppError('FORBIDDEN', '涉及工作人员或服务态度的投诉由客服主管处理');
    }
    if (as === 'owner' && !staff.roles.includes('supervisor')) {
      throw new AppError('INVALID_STAFF', '涉及工作人员或服务态度的投诉只能转给客服主管');
    }
  }

  // ---------------------------------------------------------------- actions

  // Each step below is run by the tickets' action runner (TicketActionRunner.run with the
  // action of the same name): the shared state machine decides, with the complaint's own
  // state; the timeline entry, notices and audit follow in the same transaction.

  /** 定级: the level, and the time limits with it (from creation; after a reopen, from now). */
  grade(dto: GradeDto): ActionStep {
    return async (ticket, manager, now) => {
      const complaint = await this.rowOf(manager, ticket);
      if (complaint.level === dto.level) throw new AppError('VALIDATION_FAILED', `该投诉已是${LABELS.complaintLevel[dto.level]}投诉`, { level: ['unchanged'] });
      const from = complaint.level;
      complaint.level = dto.level;
      await manager.getRepository(TicketComplaint).update({ ticketId: ticket.id }, { level: dto.level });
      await this.applyLimits(manager, ticket, dto.level, now);
      const reason = dto.reason?.trim();
      return {
        type: 'graded',
        note: `定为${LABELS.complaintLevel[dto.level]}投诉${reason ? `：${reason}` : ''}`,
        data: { from, level: dto.level, respondBy: ticket.respondBy?.toISOString() ?? null, resolveBy: ticket.resolveBy?.toISOString() ?? null },
      };
    };
  }

  /** 认定: valid or invalid, with the grounds (staff only). */
  judge(dto: JudgeDto): ActionStep {
    return async (ticket, manager, now) => {
      await this.rowOf(manager, ticket);
      await manager.getRepository(TicketComplaint).update({ ticketId: ticket.id }, { validity: dto.validity, judgedAt: now });
      return { type: 'judged', note: `认定为${LABELS.complaintValidity[dto.validity]}：${dto.note.trim()}`, data: { validity: dto.validity } };
    };
  }

  /** 交办调查: a task for a department or a staff member (not the person complained about); the owner stays the owner. */
  investigate(auth: StaffAuth, dto: InvestigateDto): ActionStep {
    return async (ticket, manager, now) => {
      if (!dto.department && !dto.assigneeId)
        throw new AppError('VALIDATION_FAILED', '请选择负责调查的部门或人员', { department: ['department or assigneeId'] });
      const dueAt = new Date(dto.dueAt);
      if (dueAt.getTime() <= now.getTime()) throw new AppError('VALIDATION_FAILED', '调查反馈时间须晚于现在', { dueAt: ['must be in the future'] });
      let assignee: Staff | null = null;
      if (dto.assigneeId) {
        // Agents and supervisors see every request of their community; a technician-only account would not see the complaint.
        assignee = await this.staff.findActiveIn(manager, ticket.communityId, dto.assigneeId, ['agent', 'supervisor']);
        if (!assignee) throw new AppError('INVALID_STAFF', '调查人员须是本小区在职的客服或主管；交给维修人员请选择工程部');
        await this.checkHandler(manager, ticket, { id: String(assignee.id), roles: assignee.roles }, 'investigator');
      }
      const task = dto.task.trim();
      const investigationId = await insertRow(manager, ComplaintInvestigation, {
        ticketId: ticket.id,
        department: dto.department ?? null,
        assigneeId: assignee ? String(assignee.id) : null,
        task,
        dueAt,
        createdById: auth.staffId,
        createdAt: now,
      });
      const whom = [dto.department, assignee?.name].filter(Boolean).join(' ');
      return {
        type: 'investigation_assigned',
        note: `交办${whom}调查（${friendlyTime(dueAt)}前反馈）：${task}`,
        data: {
          investigationId,
          department: dto.department ?? null,
          assigneeId: assignee ? String(assignee.id) : null,
          assigneeName: assignee?.name ?? null,
          dueAt: dueAt.toISOString(),
        },
      };
    };
  }

  /** The investigator (or the owner, for a department's answer) reports the result, once. */
  async report<T>(auth: StaffAuth, meta: RequestMeta, id: string, investigationId: string, result: string, render: DetailRenderer<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await manager.getRepository(Ticket).findOne({ where: { id }, lock: rowLock(manager) });
      if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
      const task = await manager.getRepository(ComplaintInvestigation).findOne({ where: { id: investigationId, ticketId: id } });
      if (!task) throw notFound('调查任务');
      const mine = task.assigneeId !== null && String(task.assigneeId) === auth.staffId;
      if (!mine && String(ticket.ownerId) !== auth.staffId) throw new AppError('FORBIDDEN', '只有调查人员或首接人可以反馈调查结果');
      if (task.reportedAt) throw new AppError('INVALID_TRANSITION', '该调查任务已反馈结果');
      if (!['accepted', 'dispatched', 'in_progress'].includes(ticket.status))
        throw new AppError('INVALID_TRANSITION', `工单当前为「${LABELS.status[ticket.status]}」，不能反馈调查结果`);
      const now = new Date();
      await manager.getRepository(ComplaintInvestigation).update({ id: task.id }, { result: result.trim(), reportedAt: now, reportedById: auth.staffId });
      const spec: EventSpec = {
        type: 'investigation_reported',
        note: `调查结果${task.department ? `（${task.department}）` : ''}：${result.trim()}`,
        data: { investigationId: String(task.id), late: now > task.dueAt },
      };
      await this.write(manager, auth, meta, ticket, spec, now, 'investigation_report');
      return render(manager, id, auth);
    });
  }

  /** 正式答复: the result and the corrective measures, told to the resident; the complaint can then be resolved. */
  formalReply(auth: StaffAuth, dto: FormalReplyDto): ActionStep {
    return async (ticket, manager, now) => {
      await this.rowOf(manager, ticket);
      const result = dto.result.trim();
      const measures = dto.measures.trim();
      await manager
        .getRepository(TicketComplaint)
        .update({ ticketId: ticket.id }, { replyResult: result, replyMeasures: measures, repliedAt: now, repliedById: auth.staffId });
      const text = `处理结果：${result}\n整改措施：${measures}`;
      return { type: 'formally_replied', note: text, publicNote: text, visibility: 'public' };
    };
  }

  // ---------------------------------------------------------------- machinery

  /** A complaint's row; one written now for a complaint filed before complaints had their own (all general, nothing known). */
  private async rowOf(manager: EntityManager, ticket: Ticket): Promise<TicketComplaint> {
    const repo = manager.getRepository(TicketComplaint);
    const found = await repo.findOne({ where: { ticketId: ticket.id } });
    if (found) return found;
    const row = {
      ticketId: String(ticket.id),
      communityId: String(ticket.communityId),
      level: 'general' as const,
      subjectStaffId: null,
      subjectName: null,
      aboutStaff: ticket.category === ATTITUDE_CATEGORY,
      createdAt: ticket.createdAt,
    };
    await repo.insert(row);
    return repo.create({ ...row, validity: null, judgedAt: null, replyResult: null, replyMeasures: null, repliedAt: null, repliedById: null });
  }

  private async write(manager: EntityManager, auth: StaffAuth, meta: RequestMeta, ticket: Ticket, spec: EventSpec, now: Date, action: string): Promise<void> {
    ticket.updatedAt = now;
    ticket.nextDueAt = nextDueAt(ticket, this.config.sla);
    await manager.getRepository(Ticket).save(ticket, { reload: false });
    const entry = actorEvent(ticket.id, auth, now, spec);
    await insertRows(manager, TicketEvent, [entry]);
    await this.notices.onTicketChange(manager, {
      ticket,
      event: spec.type,
      actor: auth,
      at: now,
      publicNote: entry.publicNote ?? null,
      visibility: entry.visibility!,
      data: spec.data ?? null,
    });
    await this.audit.record(manager, auth, meta, { action: `ticket.${action}`, targetType: 'ticket', targetId: ticket.id });
  }

  /**
   * The level's time limits on a complaint already under way: the response limit while it
   * is not yet accepted, the resolution limit while it is not resolved — counted from its
   * creation (from now after a reopen, like a reopen's own fresh clock), plus any time it was
   * on hold. A clock the new limit moves into the future is watched (and can breach) anew.
   */
  private async applyLimits(manager: EntityManager, ticket: Ticket, level: ComplaintLevel, now: Date): Promise<void> {
    const policy = await this.policies.policyFor(manager, ticket.communityId, ticket.type, ticket.priority, level);
    const paused = ticket.heldSeconds * 1000;
    if (ticket.respondedAt === null && ticket.resolvedAt === null) {
      ticket.respondBy = new Date(ticket.createdAt.getTime() + policy.respondWithinSec * 1000 + paused);
      if (ticket.respondBy > now) this.rewatch(ticket, CLOCK_BIT.respond);
    }
    if (ticket.resolvedAt === null) {
      ticket.resolveBy = ticket.reopenCount > 0 ? resolveDeadline(policy, now) : new Date(resolveDeadline(policy, ticket.createdAt).getTime() + paused);
      if (ticket.resolveBy > now) this.rewatch(ticket, CLOCK_BIT.resolve);
    }
  }

  private rewatch(ticket: Ticket, bit: number): void {
    ticket.slaWarned &= ~bit;
    ticket.slaBreached &= ~bit;
  }
}
