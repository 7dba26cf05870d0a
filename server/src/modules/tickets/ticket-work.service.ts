import { Injectable } from '@nestjs/common';
import { deadlinesAtResolution, friendlyTime, milestonesOf, resumeDeadlines, runningClocks } from '@yizhan/shared';
import { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { FilesService } from '../files/files.service';
import { SlaPolicyService } from '../sla/sla-policy.service';
import { Staff } from '../staff/staff.entity';
import { StaffService } from '../staff/staff.service';
import type { DispatchDto, RescheduleDto, ResolveDto, TicketDetailView, TransferDto } from './dto/ticket.dto';
import { ComplaintsService } from '../complaints/complaints.service';
import { TicketActionRunner } from './ticket-action-runner';
import { Ticket } from './ticket.entity';

/** Staff working a request: claim, accept, dispatch and visit times, on site, hold and resume, resolve, and the supervisor's transfer. */
@Injectable()
export class TicketWork {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly staff: StaffService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly policies: SlaPolicyService,
    private readonly complaints: ComplaintsService,
  ) {}

  async claim(auth: StaffAuth, meta: RequestMeta, id: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'claim', async (ticket, manager, now) => {
      await this.complaints.checkHandler(manager, ticket, { id: auth.staffId, roles: auth.roles }, 'claim');
      // The conditional UPDATE is the arbiter: of two concurrent claims exactly one
      // changes the row; the other sees affected = 0 and gets ALREADY_OWNED.
      const result = await manager
        .createQueryBuilder()
        .update(Ticket)
        .set({ ownerId: auth.staffId, updatedAt: now })
        .where('id = :id AND owner_id IS NULL', { id })
        .execute();
      if (!result.affected) throw new AppError('ALREADY_OWNED', '该工单已被同事领取');
      ticket.ownerId = auth.staffId;
      return { type: 'claimed', note: `${auth.name} 领取了工单，成为首接人`, publicNote: `已由客服 ${auth.name} 负责您的诉求` };
    });
  }

  async accept(auth: StaffAuth, meta: RequestMeta, id: string, note?: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'accept', (ticket, _m, now) => {
      ticket.respondedAt = now;
      return { type: 'accepted', note: note ?? null };
    });
  }

  async dispatch(auth: StaffAuth, meta: RequestMeta, id: string, dto: DispatchDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'dispatch', async (ticket, manager) => {
      const technician = await this.staff.findActiveIn(manager, ticket.communityId, dto.assigneeId, ['technician']);
      if (!technician) throw new AppError('INVALID_ASSIGNEE', '请选择本小区在职的维修技师');
      await this.complaints.checkHandler(manager, ticket, { id: String(technician.id), roles: technician.roles }, 'assignee');
      const previous = ticket.assigneeId;
      const previousAppointmentAt = ticket.appointmentAt?.toISOString() ?? null;
      ticket.assigneeId = String(technician.id);
      ticket.appointmentAt = dto.appointmentAt ? new Date(dto.appointmentAt) : null;
      const appointmentAt = ticket.appointmentAt?.toISOString() ?? null;
      // Dispatch never changes the owner (first-contact rule 3).
      const when = ticket.appointmentAt ? `于 ${friendlyTime(ticket.appointmentAt)} ` : '';
      // Re-dispatching the same technician with another time is a new visit time for the resident.
      const rescheduled = previous !== null && String(previous) === String(technician.id) && previousAppointmentAt !== appointmentAt;
      // The staff's line says to whom and for when, then their own note.
      const whom = `派给 ${technician.name}${ticket.appointmentAt ? `，预约 ${friendlyTime(ticket.appointmentAt)}` : ''}`;
      return {
        type: 'dispatched',
        note: dto.note?.trim() ? `${whom}。${dto.note.trim()}` : whom,
        publicNote: rescheduled
          ? ticket.appointmentAt
            ? `上门时间改为 ${friendlyTime(ticket.appointmentAt)}`
            : '上门时间待重新约定'
          : `已安排 ${technician.name} ${when}上门处理`,
        data: { assigneeId: String(technician.id), assigneeName: technician.name, appointmentAt, previousAssigneeId: previous, previousAppointmentAt },
      };
    });
  }

  /**
   * A new visit time (改约) by the technician or the owner, with a reason. The timeline
   * records it as a dispatch to the same technician with the new time, so the resident
   * gets the "师傅上门" notice again, with the new time.
   */
  async reschedule(auth: StaffAuth, meta: RequestMeta, id: string, dto: RescheduleDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'reschedule', async (ticket, manager) => {
      const previous = ticket.appointmentAt;
      ticket.appointmentAt = new Date(dto.appointmentAt);
      const assignee = await manager.getRepository(Staff).findOne({ where: { id: ticket.assigneeId! }, select: { id: true, name: true } });
      return {
        type: 'dispatched',
        note: `上门时间改为 ${friendlyTime(ticket.appointmentAt)}：${dto.reason.trim()}`,
        // The resident is told the new time; the reason stays with the staff.
        publicNote: `${assignee?.name ?? '师傅'}上门时间改为 ${friendlyTime(ticket.appointmentAt)}`,
        data: {
          rescheduled: true,
          assigneeId: String(ticket.assigneeId),
          assigneeName: assignee?.name ?? '',
          appointmentAt: ticket.appointmentAt.toISOString(),
          previousAppointmentAt: previous ? previous.toISOString() : null,
        },
      };
    });
  }

  async start(auth: StaffAuth, meta: RequestMeta, id: string, note?: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'start', (ticket, _m, now) => {
      ticket.onsiteAt ??= now;
      return { type: 'started', note: note ?? null };
    });
  }

  /** `publicReason` is what the resident is told (等待配件 …); the staff's `reason` stays internal. */
  async hold(auth: StaffAuth, meta: RequestMeta, id: string, reason: string, publicReason?: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'hold', (ticket, _m, now) => {
      ticket.heldAt = now;
      return { type: 'held', note: reason, publicNote: publicReason?.trim() || '处理暂时中止，恢复后我们会继续为您处理' };
    });
  }

  async resume(auth: StaffAuth, meta: RequestMeta, id: string, reason?: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'resume', (ticket, _m, now) => {
      const heldAt = ticket.heldAt!;
      const before = this.deadlinesOf(ticket);
      const after = resumeDeadlines(before, runningClocks(milestonesOf(ticket)), heldAt, now);
      Object.assign(ticket, after);
      ticket.heldSeconds += Math.max(0, Math.round((now.getTime() - heldAt.getTime()) / 1000));
      ticket.heldAt = null;
      return {
        type: 'resumed',
        note: reason?.trim() || null,
        publicNote: '已恢复处理',
        data: { pausedSec: Math.round((now.getTime() - heldAt.getTime()) / 1000) },
      };
    });
  }

  async resolve(auth: StaffAuth, meta: RequestMeta, id: string, dto: ResolveDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'resolve', async (ticket, manager, now) => {
      const photoIds = await this.files.attach(manager, auth, dto.photoIds, ticket.id);
      const policy = await this.policies.policyFor(manager, ticket.communityId, ticket.type, ticket.priority, await this.complaints.levelOf(manager, ticket));
      const { confirmBy, revisitBy } = deadlinesAtResolution(policy, now);
      Object.assign(ticket, { resolvedAt: now, confirmBy, revisitBy, fee: dto.fee ?? ticket.fee });
      return {
        type: 'resolved',
        note: dto.note,
        publicNote: dto.note,
        photoIds: photoIds.length ? photoIds : null,
        data: dto.fee !== undefined ? { fee: dto.fee } : null,
      };
    });
  }

  /** Only a supervisor moves ownership, with a reason, audited (first-contact rule 4). */
  async transfer(auth: StaffAuth, meta: RequestMeta, id: string, dto: TransferDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'transfer', async (ticket, manager) => {
      const target = await this.staff.findActiveIn(manager, ticket.communityId, dto.toStaffId, ['agent', 'supervisor']);
      if (!target) throw new AppError('INVALID_STAFF', '只能转给本小区在职的客服或主管');
      if (String(target.id) === ticket.ownerId) throw new AppError('INVALID_STAFF', '该员工已是首接人');
      await this.complaints.checkHandler(manager, ticket, { id: String(target.id), roles: target.roles }, 'owner');
      const from = ticket.ownerId;
      ticket.ownerId = String(target.id);
      await this.audit.record(manager, auth, meta, {
        action: 'ticket.transfer',
        targetType: 'ticket',
        targetId: ticket.id,
        detail: { from, to: ticket.ownerId, reason: dto.reason },
      });
      return {
        type: 'transferred',
        note: dto.reason,
        publicNote: `您的诉求已转由 ${target.name} 负责`,
        data: { fromOwnerId: from, toOwnerId: ticket.ownerId, toOwnerName: target.name },
      };
    });
  }

  private deadlinesOf(t: Ticket) {
    return { respondBy: t.respondBy, onsiteBy: t.onsiteBy, resolveBy: t.resolveBy, confirmBy: t.confirmBy, revisitBy: t.revisitBy };
  }
}
