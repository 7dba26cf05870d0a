import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TicketAction, nextDueAt, queueDueAt, transition } from '@yizhan/shared';
import { canSeeTicket } from '../../common/access/access';
import { AuthContext, RequestMeta, actorOf } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError, notFound } from '../../common/errors/app-error';
import { IdempotencyService, idempotencyScope } from '../../common/idempotency/idempotency.service';
import { insertRows } from '../../database/plain-insert';
import { rowLock } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { ComplaintsService } from '../complaints/complaints.service';
import { NoticesService } from '../notices/notices.service';
import type { TicketDetailView } from './dto/ticket.dto';
import { TicketViews } from './ticket-views.service';
import { Ticket, TicketEvent, TicketRating } from './ticket.entity';
import { EventSpec, actorEvent } from './timeline';
import { machineStateOf } from './ticket-state';

/** What an action does to the locked ticket; returns its timeline entry. */
export type ActionStep = (ticket: Ticket, manager: EntityManager, now: Date) => EventSpec | Promise<EventSpec>;

/**
 * The one way a life-cycle action happens (TicketWork, TicketClosing, TicketConversation):
 * the shared state machine decides, the step applies, the timeline, notices and audit follow.
 */
@Injectable()
export class TicketActionRunner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly views: TicketViews,
    private readonly notices: NoticesService,
    private readonly complaints: ComplaintsService,
  ) {}

  /**
   * Every life-cycle action: lock the row, ask the shared state machine, apply the
   * change, append the timeline event — in one transaction. Tickets the caller may
   * not see are 404, whatever the action.
   */
  async run(auth: AuthContext, meta: RequestMeta, id: string, action: TicketAction, apply: ActionStep): Promise<TicketDetailView> {
    const key = IdempotencyService.validateKey(meta.idempotencyKey);
    // With a key, the action is done once: a retry (the staff side's offline queue sending
    // again after a lost answer) gets the ticket as it is now, and nothing is applied twice.
    const outcome = await this.dataSource.transaction(async (manager) =>
      this.idempotency.once(
        manager,
        idempotencyScope(auth, `ticket.${action}:${id}`),
        key,
        200,
        () => this.applyAction(manager, auth, meta, id, action, apply),
        (ticket) => ({ id: ticket.id }),
      ),
    );
    return outcome.replayed ? this.views.detail(this.dataSource.manager, id, auth) : outcome.value;
  }

  private async applyAction(
    manager: EntityManager,
    auth: AuthContext,
    meta: RequestMeta,
    id: string,
    action: TicketAction,
    apply: ActionStep,
  ): Promise<TicketDetailView> {
    const repo = manager.getRepository(Ticket);
    const ticket = await repo.findOne({ where: { id }, lock: rowLock(repo.manager) });
    if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
    const rated = action === 'rate' ? (await manager.getRepository(TicketRating).count({ where: { ticketId: id } })) > 0 : false;
    // A complaint's own state: resolving one needs its formal reply first.
    const state = machineStateOf(ticket, { rated, complaint: await this.complaints.stateOf(manager, ticket) });
    const verdict = transition(state, action, actorOf(auth));
    // The state machine names the refusal, with its own code for a lost claim or a second rating.
    if (!verdict.allowed) throw new AppError(verdict.conflict ?? verdict.code, verdict.reason);
    const now = new Date();
    const spec = await apply(ticket, manager, now);
    if (ticket.status === state.status) ticket.status = verdict.to;
    ticket.updatedAt = now;
    ticket.nextDueAt = nextDueAt(ticket, this.config.sla);
    ticket.clockDueAt = queueDueAt(ticket);
    await repo.save(ticket, { reload: false });
    const entry = actorEvent(ticket.id, auth, now, spec);
    const then = (spec.then ?? []).map((next) => actorEvent(ticket.id, auth, now, next));
    await insertRows(manager, TicketEvent, [entry, ...then]);
    await this.notices.onTicketChange(manager, {
      ticket,
      event: spec.type,
      actor: auth,
      at: now,
      // Residents' notices carry only the resident-facing text, never the staff's note.
      publicNote: entry.publicNote ?? null,
      visibility: entry.visibility!,
      data: spec.data ?? null,
      assigneeName: typeof spec.data?.assigneeName === 'string' ? spec.data.assigneeName : null,
      ownerName: auth.kind === 'staff' && String(ticket.ownerId) === auth.staffId ? auth.name : null,
    });
    // The entries that follow in the same step (确认并评价's rating) tell staff too (a low rating …).
    for (const [i, next] of then.entries()) {
      const nextSpec = spec.then![i]!;
      await this.notices.onTicketChange(manager, {
        ticket,
        event: nextSpec.type,
        actor: auth,
        at: now,
        publicNote: next.publicNote ?? null,
        visibility: next.visibility!,
        data: nextSpec.data ?? null,
      });
    }
    if (auth.kind === 'staff' && !['comment', 'transfer'].includes(action)) {
      await this.audit.record(manager, auth, meta, { action: `ticket.${action}`, targetType: 'ticket', targetId: ticket.id });
    }
    return this.views.detail(manager, ticket.id, auth);
  }
}
