import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { LABELS, SlaClock, transition } from '@yizhan/shared';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { PeriodicTask } from '../../common/periodic-task';
import { NoticesService } from '../notices/notices.service';
import { RoutingService } from '../routing/routing.service';
import { Staff } from '../staff/staff.entity';
import { Ticket, TicketEvent } from '../tickets/ticket.entity';
import { CLOCK_BIT, nextDueAt, watchedClocks } from './sla-watch';
import { inCommaList, skipLocked } from '../../database/sql';

const BATCH = 500;

export interface ScanResult {
  scanned: number;
  warned: number;
  breached: number;
  escalated: number;
  autoConfirmed: number;
}

/**
 * Keeps the time limits (DESIGN.md §2): warns the owner before a deadline, records a
 * breach once per clock (an `overdue` event), escalates to the community's supervisors
 * and — if still unhandled — to the admins, and auto-confirms resolved requests whose
 * confirmation window passed. It never moves ownership. Tickets are claimed with
 * FOR UPDATE SKIP LOCKED over the indexed `next_due_at`, so several instances can
 * scan at once without doing anything twice.
 */
@Injectable()
export class SlaScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SlaScanner');
  private readonly task = new PeriodicTask('SLA scan', this.logger, async () => (await this.scan()).scanned >= BATCH);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticesService,
    private readonly routing: RoutingService,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.sla.scanMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass over the tickets that are due now. Public for tests and tools. */
  async scan(now = new Date()): Promise<ScanResult> {
    const result: ScanResult = { scanned: 0, warned: 0, breached: 0, escalated: 0, autoConfirmed: 0 };
    await this.dataSource.transaction(async (manager) => {
      const due: { id: string }[] = await manager.query(
        `SELECT id FROM tickets WHERE next_due_at <= ? ORDER BY next_due_at LIMIT ${BATCH}${skipLocked(manager)}`,
        [now],
      );
      // One read for the whole batch (not one per ticket), handled in due order.
      const rows = due.length ? await manager.getRepository(Ticket).find({ where: { id: In(due.map((d) => String(d.id))) } }) : [];
      const byId = new Map(rows.map((t) => [String(t.id), t]));
      // A community's supervisors are looked up once per pass, not once per breached ticket.
      const supervisors = new Map<string, Promise<string[]>>();
      const supervisorsOf = (communityId: string) => {
        const key = String(communityId);
        if (!supervisors.has(key)) supervisors.set(key, this.notices.supervisors(manager, key));
        return supervisors.get(key)!;
      };
      for (const { id } of due) {
        const ticket = byId.get(String(id));
        if (!ticket) continue;
        await this.handle(manager, ticket, now, result, supervisorsOf);
        result.scanned++;
      }
    });
    return result;
  }

  private async handle(
    manager: EntityManager,
    ticket: Ticket,
    now: Date,
    result: ScanResult,
    supervisorsOf: (communityId: string) => Promise<string[]> = (cid) => this.notices.supervisors(manager, cid),
  ): Promise<void> {
    const lead = this.config.sla.warnLeadSec * 1000;
    const events = manager.getRepository(TicketEvent);
    const breachedNow: SlaClock[] = [];
    for (const { clock, deadline } of watchedClocks(ticket)) {
      const bit = CLOCK_BIT[clock];
      if (clock === 'confirm') {
        if (deadline.getTime() <= now.getTime() && (await this.autoConfirm(manager, ticket, now))) result.autoConfirmed++;
        continue;
      }
      if (ticket.slaBreached & bit) continue;
      if (deadline.getTime() < now.getTime()) {
        ticket.slaBreached |= bit;
        breachedNow.push(clock);
        result.breached++;
        await events.insert(systemEvent(ticket.id, now, 'overdue', `已超过${LABELS.clock[clock]}`, { clock }));
      } else if (lead > 0 && !(ticket.slaWarned & bit) && deadline.getTime() - lead <= now.getTime()) {
        ticket.slaWarned |= bit;
        result.warned++;
        await this.notify(manager, ticket, 'sla_warning', `${LABELS.clock[clock]}即将到期`, now);
      }
    }
    if (breachedNow.length) {
      const clocks = breachedNow.map((c) => LABELS.clock[c]).join('、');
      await this.notify(manager, ticket, 'sla_overdue', `已超时：${clocks}`, now);
      if (ticket.escalationLevel === 0) {
        // First level: the community's supervisors, at once (first-contact rule 5).
        const supervisors = await supervisorsOf(ticket.communityId);
        await this.staffNotice(manager, ticket, supervisors, `工单超时升级：${clocks}`, now);
        await events.insert(systemEvent(ticket.id, now, 'escalated', `超时升级至主管：${clocks}`, { level: 1 }));
        ticket.escalationLevel = 1;
        ticket.escalatedAt = now;
        result.escalated++;
      }
    }
    const stillBreached = watchedClocks(ticket).some(({ clock }) => ticket.slaBreached & CLOCK_BIT[clock]);
    if (
      ticket.escalationLevel === 1 &&
      stillBreached &&
      ticket.escalatedAt &&
      ticket.escalatedAt.getTime() + this.config.sla.escalateAfterSec * 1000 <= now.getTime()
    ) {
      // Second level: still unhandled after the grace period → the admins.
      const admins = await manager.getRepository(Staff).createQueryBuilder('s').select('s.id', 'id').where(`s.active = 1 AND ${inCommaList(manager, "'admin'", 's.roles')}`).getRawMany<{ id: string }>();
      await this.staffNotice(manager, ticket, admins.map((a) => String(a.id)), '超时工单仍未处理，已升级至管理员', now);
      await events.insert(systemEvent(ticket.id, now, 'escalated', '超时仍未处理，升级至管理员', { level: 2 }));
      ticket.escalationLevel = 2;
      ticket.escalatedAt = now;
      result.escalated++;
    }
    ticket.nextDueAt = nextDueAt(ticket, this.config.sla);
    await manager.getRepository(Ticket).update(
      { id: ticket.id },
      {
        status: ticket.status,
        closedAt: ticket.closedAt,
        slaWarned: ticket.slaWarned,
        slaBreached: ticket.slaBreached,
        escalationLevel: ticket.escalationLevel,
        escalatedAt: ticket.escalatedAt,
        nextDueAt: ticket.nextDueAt,
        updatedAt: ticket.status === 'closed' ? now : ticket.updatedAt,
      },
    );
  }

  private async autoConfirm(manager: EntityManager, ticket: Ticket, now: Date): Promise<boolean> {
    const verdict = transition(
      { status: ticket.status, ownerId: ticket.ownerId, assigneeId: ticket.assigneeId, residentId: ticket.residentId, onHold: ticket.heldAt !== null, rated: false },
      'auto_confirm',
      { kind: 'system' },
    );
    if (!verdict.allowed) return false;
    ticket.status = verdict.to;
    ticket.closedAt = now;
    await manager.getRepository(TicketEvent).insert(systemEvent(ticket.id, now, 'auto_confirmed', '业主未在时限内确认，系统自动确认完成', null));
    await this.notices.onTicketChange(manager, { ticket, event: 'auto_confirmed', actor: null, at: now });
    return true;
  }

  /** The owner hears of it; a pool ticket's warnings go to whoever is on duty. */
  private async notify(manager: EntityManager, ticket: Ticket, kind: 'sla_warning' | 'sla_overdue', title: string, now: Date): Promise<void> {
    const targets = ticket.ownerId ? [String(ticket.ownerId)] : await this.routing.onDutyAgents(manager, ticket.communityId, now);
    await this.notices.insertStaffNotices(manager, targets.map((staffId) => ({ staffId, ticketId: ticket.id, kind, title, body: `${ticket.no} ${ticket.category}：${ticket.description}`.slice(0, 300), at: now })));
  }

  private async staffNotice(manager: EntityManager, ticket: Ticket, staffIds: string[], title: string, now: Date): Promise<void> {
    await this.notices.insertStaffNotices(
      manager,
      staffIds.map((staffId) => ({ staffId, ticketId: ticket.id, kind: 'escalated' as const, title, body: `${ticket.no} ${ticket.category}：${ticket.description}`.slice(0, 300), at: now })),
    );
  }
}

function systemEvent(ticketId: string, at: Date, type: TicketEvent['type'], note: string, data: TicketEvent['data']): Partial<TicketEvent> {
  return { ticketId, type, at, actorKind: 'system', actorId: null, actorName: '系统', note, data, photoIds: null };
}
