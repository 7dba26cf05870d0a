import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK_BIT, TicketEventType, friendlyTime } from '@yizhan/shared';
import { canSeeTicket } from '../../common/access/access';
import { AuthContext, RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError, notFound } from '../../common/errors/app-error';
import { insertRows } from '../../database/plain-insert';
import { isDuplicateKey } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { SlaPolicyService } from '../sla/sla-policy.service';
import { resolveDeadline } from '../sla/working-days';
import type { RatingDto, RevisitDto, TicketDetailView } from './dto/ticket.dto';
import { ComplaintsService } from '../complaints/complaints.service';
import { TicketActionRunner } from './ticket-action-runner';
import { TicketViews } from './ticket-views.service';
import { Ticket, TicketEvent, TicketRating } from './ticket.entity';
import { EventSpec, actorEvent } from './timeline';

/**
 * The end of a request: the resident confirms and rates (or reopens), the owner verifies and
 * revisits, anyone entitled cancels; and a booking's move to another slot, which shares the
 * cancellation's cut-off.
 */
@Injectable()
export class TicketClosing {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TicketActionRunner,
    private readonly audit: AuditService,
    private readonly views: TicketViews,
    private readonly catalogue: CatalogueService,
    private readonly policies: SlaPolicyService,
    private readonly complaints: ComplaintsService,
  ) {}

  /** 确认并评价: the resident confirms the result and, optionally, rates it — one step, one transaction. */
  async confirm(auth: AuthContext, meta: RequestMeta, id: string, rating?: RatingDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'confirm', async (ticket, manager, now) => {
      ticket.closedAt = now;
      if (!rating) return { type: 'confirmed', note: '业主已确认完成' };
      return { type: 'confirmed', note: '业主已确认完成', then: [await this.insertRating(manager, ticket, rating, now)] };
    });
  }

  async verify(auth: StaffAuth, meta: RequestMeta, id: string, note?: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'verify', (ticket, _m, now) => {
      ticket.closedAt = now;
      return { type: 'verified', note: note ?? null, publicNote: '已核实处理完成' };
    });
  }

  async reopen(auth: AuthContext, meta: RequestMeta, id: string, reason: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'reopen', async (ticket, manager, now) => this.applyReopen(ticket, manager, now, reason, 'reopened'));
  }

  /** The owner's return visit (回访). Unsatisfied reopens the request to the same owner. */
  async revisit(auth: StaffAuth, meta: RequestMeta, id: string, dto: RevisitDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'revisit', async (ticket, manager, now) => {
      ticket.revisitedAt = now;
      if (dto.satisfied) return { type: 'revisited', note: dto.note ?? null, publicNote: '已完成回访', data: { satisfied: true } };
      await insertRows(manager, TicketEvent, [
        actorEvent(ticket.id, auth, now, { type: 'revisited', note: dto.note ?? null, publicNote: '已完成回访', data: { satisfied: false } }),
      ]);
      ticket.revisitedAt = null;
      return { ...(await this.applyReopen(ticket, manager, now, dto.note ?? '回访不满意', 'reopened', 'accepted')), publicNote: '回访后将继续为您处理' };
    });
  }

  async cancel(auth: AuthContext, meta: RequestMeta, id: string, reason: string): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'cancel', (ticket, _m, now) => {
      // A booking is the resident's to cancel up to the cut-off; its slot is free again at once
      // (slots count the requests not cancelled).
      if (auth.kind === 'resident') this.checkBookingChangeable(ticket, now, '取消');
      ticket.cancelledAt = now;
      ticket.heldAt = null;
      // A cancellation's reason is told to the resident, whoever cancels (the admin pages say so).
      return { type: 'cancelled', note: reason, publicNote: reason };
    });
  }

  /**
   * The resident moves a booked service to another slot, up to the cut-off before the
   * booked one: the new slot is reserved (SLOT_FULL when taken), the old one freed, the
   * on-site limit follows the new start, and the owner and technician hear of it.
   */
  async rebook(auth: AuthContext, meta: RequestMeta, id: string, slotStartIso: string): Promise<TicketDetailView> {
    if (auth.kind !== 'resident') throw new AppError('FORBIDDEN', '改约由业主在小程序中操作；工作人员请与业主约定后重新派工');
    return this.runner.run(auth, meta, id, 'comment', async (ticket, manager, now) => {
      if (ticket.type !== 'home_service' || !ticket.slotStart || !ticket.serviceItemId) throw new AppError('INVALID_TRANSITION', '只有预约的上门服务可以改约');
      if (!['submitted', 'accepted', 'dispatched'].includes(ticket.status)) throw new AppError('INVALID_TRANSITION', '服务已开始或已结束，不能改约');
      this.checkBookingChangeable(ticket, now, '改约');
      const slotStart = new Date(slotStartIso);
      if (slotStart.getTime() === ticket.slotStart.getTime()) throw new AppError('VALIDATION_FAILED', '请选择一个新的时段', { slotStart: ['same slot'] });
      const item = await this.catalogue.requireBookable(manager, ticket.communityId, ticket.serviceItemId);
      await this.catalogue.reserveSlot(manager, item, slotStart, now);
      const from = ticket.slotStart;
      ticket.slotStart = slotStart;
      // The on-site limit of a booking is its slot; it is watched anew for the new time.
      ticket.onsiteBy = slotStart;
      ticket.slaWarned &= ~CLOCK_BIT.onsite;
      ticket.slaBreached &= ~CLOCK_BIT.onsite;
      const text = `预约改到 ${friendlyTime(slotStart)}（原 ${friendlyTime(from)}）`;
      return { type: 'commented', note: text, publicNote: text, data: { rescheduledFrom: from.toISOString(), slotStart: slotStart.toISOString() } };
    });
  }

  private checkBookingChangeable(ticket: Ticket, now: Date, what: '改约' | '取消'): void {
    if (ticket.type !== 'home_service' || !ticket.slotStart) return;
    const cutoffMs = this.config.bookingChangeCutoffSec * 1000;
    if (ticket.slotStart.getTime() - now.getTime() < cutoffMs) {
      const hours = Math.round((cutoffMs / 3600_000) * 10) / 10;
      throw new AppError('BOOKING_LOCKED', `距上门不足 ${hours} 小时，如需${what}请联系物业客服`);
    }
  }

  async rate(auth: AuthContext, meta: RequestMeta, id: string, dto: RatingDto): Promise<TicketDetailView> {
    return this.runner.run(auth, meta, id, 'rate', async (ticket, manager, now) => this.insertRating(manager, ticket, dto, now));
  }

  /** The resident's rating row; returns its timeline entry. */
  private async insertRating(manager: EntityManager, ticket: Ticket, dto: RatingDto, now: Date): Promise<EventSpec> {
    const tags = dto.tags?.length ? dto.tags : null;
    try {
      await manager.getRepository(TicketRating).insert({
        ticketId: ticket.id,
        communityId: ticket.communityId,
        residentId: ticket.residentId!,
        attitude: dto.attitude,
        timeliness: dto.timeliness,
        quality: dto.quality,
        comment: dto.comment?.trim() || null,
        tags,
        createdAt: now,
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('ALREADY_RATED', '您已评价过该工单');
      throw e;
    }
    return {
      type: 'rated',
      note: dto.comment?.trim() || null,
      data: { attitude: dto.attitude, timeliness: dto.timeliness, quality: dto.quality, ...(tags ? { tags } : {}) },
    };
  }

  /** The owner (or a supervisor) answers the resident's rating — once; a second answer replaces the first. */
  async replyToRating(auth: StaffAuth, meta: RequestMeta, id: string, reply: string): Promise<TicketDetailView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await manager.getRepository(Ticket).findOne({ where: { id } });
      if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
      if (String(ticket.ownerId) !== auth.staffId && !auth.roles.includes('supervisor')) {
        throw new AppError('FORBIDDEN', '只有首接人或主管可以回复评价');
      }
      const result = await manager.getRepository(TicketRating).update({ ticketId: id }, { reply: reply.trim() });
      if (!result.affected) throw new AppError('INVALID_TRANSITION', '业主尚未评价，暂不能回复');
      await this.audit.record(manager, auth, meta, { action: 'ticket.rating_reply', targetType: 'ticket', targetId: id });
      return this.views.detail(manager, id, auth);
    });
  }

  /** Back to the owner for another round: a fresh resolve clock, the resolution milestones cleared. */
  private async applyReopen(
    ticket: Ticket,
    manager: EntityManager,
    now: Date,
    reason: string,
    type: TicketEventType,
    to: 'accepted' = 'accepted',
  ): Promise<EventSpec> {
    // A complaint's level keeps its own limit for the new round.
    const policy = await this.policies.policyFor(manager, ticket.communityId, ticket.type, ticket.priority, await this.complaints.levelOf(manager, ticket));
    Object.assign(ticket, {
      status: to,
      assigneeId: null,
      resolvedAt: null,
      closedAt: null,
      confirmBy: null,
      revisitBy: null,
      resolveBy: resolveDeadline(policy, now),
      reopenCount: ticket.reopenCount + 1,
      // A fresh round of resolution: its clocks are watched (and can breach) anew.
      slaWarned: ticket.slaWarned & ~(CLOCK_BIT.resolve | CLOCK_BIT.confirm | CLOCK_BIT.revisit),
      slaBreached: ticket.slaBreached & ~(CLOCK_BIT.resolve | CLOCK_BIT.confirm | CLOCK_BIT.revisit),
    });
    return { type, note: reason, data: { reopenCount: ticket.reopenCount } };
  }
}
