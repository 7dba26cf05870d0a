import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CLOCK_BIT, LABELS, SlaClock, nextDueAt, queueDueAt, transition, watchedClocks } from '@yizhan/shared';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { PeriodicTask } from '../../common/periodic-task';
import { NoticesService } from '../notices/notices.service';
import { RoutingService } from '../routing/routing.service';
import { Staff } from '../staff/staff.entity';
import type { StaffNoticeRow, TicketChange } from '../notices/notices.service';
import { Ticket, TicketEvent } from '../tickets/ticket.entity';
import { systemEvent } from '../tickets/timeline';
import { inCommaList, placeholders, skipLocked } from '../../database/sql';
import { insertRows } from '../../database/plain-insert';
import { machineStateOf } from '../tickets/ticket-state';

/** Rows per statement when a pass writes what it collected. */
const CHUNK = 500;

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
export class SlaScanner implements OnApplicationBootstrap, BeforeApplicationShutdown {
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

  /** Before the pool closes: the pass in hand finishes. */
  beforeApplicationShutdown(): Promise<void> {
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
      const pass = new ScanPass(
        manager,
        this.notices,
        this.routing,
        now,
        rows.map((t) => String(t.communityId)),
      );
      for (const { id } of due) {
        const ticket = byId.get(String(id));
        if (!ticket) continue;
        await this.handle(manager, ticket, now, result, pass);
        result.scanned++;
      }
      // The ticket updates, timeline lines and staff notices of the whole pass, a few statements in all.
      await pass.flush();
    });
    return result;
  }

  private async handle(manager: EntityManager, ticket: Ticket, now: Date, result: ScanResult, pass: ScanPass): Promise<void> {
    const lead = this.config.sla.warnLeadSec * 1000;
    const breachedNow: SlaClock[] = [];
    for (const { clock, deadline } of watchedClocks(ticket)) {
      const bit = CLOCK_BIT[clock];
      if (clock === 'confirm') {
        if (deadline.getTime() <= now.getTime() && (await this.autoConfirm(manager, ticket, now, pass))) result.autoConfirmed++;
        continue;
      }
      if (ticket.slaBreached & bit) continue;
      if (deadline.getTime() < now.getTime()) {
        ticket.slaBreached |= bit;
        breachedNow.push(clock);
        result.breached++;
        pass.event(systemEvent(ticket.id, now, { type: 'overdue', note: `已超过${LABELS.clock[clock]}`, data: { clock } }));
      } else if (lead > 0 && !(ticket.slaWarned & bit) && deadline.getTime() - lead <= now.getTime()) {
        ticket.slaWarned |= bit;
        result.warned++;
        await this.notify(pass, ticket, 'sla_warning', `${LABELS.clock[clock]}即将到期`, now);
      }
    }
    if (breachedNow.length && ticket.residentId) {
      // The resident hears once that we are late — on the first broken respond / on-site / resolve
      // limit of the request — with a fixed apology, never the staff's breach notes.
      const working = CLOCK_BIT.respond | CLOCK_BIT.onsite | CLOCK_BIT.resolve;
      const before = ticket.slaBreached & ~breachedNow.reduce((bits, c) => bits | CLOCK_BIT[c], 0);
      if (breachedNow.some((c) => CLOCK_BIT[c] & working) && !(before & working)) {
        pass.apology({ ticket, event: 'overdue', actor: null, at: now, publicNote: '处理时间超出承诺，我们已督办' });
      }
    }
    if (breachedNow.length) {
      const clocks = breachedNow.map((c) => LABELS.clock[c]).join('、');
      await this.notify(pass, ticket, 'sla_overdue', `已超时：${clocks}`, now);
      if (ticket.escalationLevel === 0) {
        // First level: the community's supervisors, at once (first-contact rule 5).
        const supervisors = await pass.supervisorsOf(ticket.communityId);
        this.staffNotice(pass, ticket, supervisors, `工单超时升级：${clocks}`, now);
        pass.event(systemEvent(ticket.id, now, { type: 'escalated', note: `超时升级至主管：${clocks}`, data: { level: 1 } }));
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
      this.staffNotice(pass, ticket, await pass.admins(), '超时工单仍未处理，已升级至管理员', now);
      pass.event(systemEvent(ticket.id, now, { type: 'escalated', note: '超时仍未处理，升级至管理员', data: { level: 2 } }));
      ticket.escalationLevel = 2;
      ticket.escalatedAt = now;
      result.escalated++;
    }
    ticket.nextDueAt = nextDueAt(ticket, this.config.sla);
    ticket.clockDueAt = queueDueAt(ticket);
    pass.update(ticket);
  }

  private async autoConfirm(manager: EntityManager, ticket: Ticket, now: Date, pass: ScanPass): Promise<boolean> {
    const verdict = transition(machineStateOf(ticket), 'auto_confirm', { kind: 'system' });
    if (!verdict.allowed) {
      // Unpaid (paid services): it waits in the unpaid queue instead; the confirm clock is not looked at again.
      if (verdict.conflict === 'PAYMENT_DUE') ticket.slaBreached |= CLOCK_BIT.confirm;
      return false;
    }
    ticket.status = verdict.to;
    ticket.closedAt = now;
    // Queued with the pass's other timeline lines, so this ticket's lines keep their order.
    pass.event(
      systemEvent(ticket.id, now, { type: 'auto_confirmed', note: '业主未在时限内确认，系统自动确认完成', publicNote: '您未在时限内确认，系统已自动确认完成' }),
    );
    await this.notices.onTicketChange(manager, { ticket, event: 'auto_confirmed', actor: null, at: now });
    return true;
  }

  /** The owner hears of it; a pool ticket's warnings go to whoever is on duty. */
  private async notify(pass: ScanPass, ticket: Ticket, kind: 'sla_warning' | 'sla_overdue', title: string, now: Date): Promise<void> {
    const targets = ticket.ownerId ? [String(ticket.ownerId)] : await pass.onDutyAgents(ticket.communityId);
    pass.staffNotices(targets.map((staffId) => ({ staffId, ticketId: ticket.id, kind, title, body: noticeBody(ticket), at: now })));
  }

  private staffNotice(pass: ScanPass, ticket: Ticket, staffIds: string[], title: string, now: Date): void {
    pass.staffNotices(staffIds.map((staffId) => ({ staffId, ticketId: ticket.id, kind: 'escalated' as const, title, body: noticeBody(ticket), at: now })));
  }
}

/** The ticket columns the scanner changes (as an entity update of them would write them). */
interface TicketUpdate {
  id: string;
  status: Ticket['status'];
  closedAt: Date | null;
  slaWarned: number;
  slaBreached: number;
  escalationLevel: number;
  escalatedAt: Date | null;
  nextDueAt: Date | null;
  clockDueAt: Date | null;
  updatedAt: Date;
}

const UPDATED_COLUMNS: [column: string, value: (u: TicketUpdate) => unknown][] = [
  ['status', (u) => u.status],
  ['closed_at', (u) => u.closedAt],
  ['sla_warned', (u) => u.slaWarned],
  ['sla_breached', (u) => u.slaBreached],
  ['escalation_level', (u) => u.escalationLevel],
  ['escalated_at', (u) => u.escalatedAt],
  ['next_due_at', (u) => u.nextDueAt],
  ['clock_due_at', (u) => u.clockDueAt],
  ['updated_at', (u) => u.updatedAt],
];

/**
 * What one scan pass looks up once and writes at its end: the supervisors of the
 * batch's communities (one read), who is on duty per community, the admins; and the
 * ticket updates, timeline lines, staff notices and residents' apologies, in the order they happened (a
 * multi-row INSERT numbers its rows in order, so each ticket's timeline keeps its
 * sequence). The claimed rows stay locked until the transaction ends, so writing them
 * at its end changes nothing for anyone else.
 */
class ScanPass {
  private readonly updates: TicketUpdate[] = [];
  private readonly events: Partial<TicketEvent>[] = [];
  private readonly notices: StaffNoticeRow[] = [];
  private readonly apologies: TicketChange[] = [];
  private supervisors: Promise<Map<string, string[]>> | null = null;
  private readonly onDuty = new Map<string, Promise<string[]>>();
  private adminIds: Promise<string[]> | null = null;

  constructor(
    private readonly manager: EntityManager,
    private readonly noticesService: NoticesService,
    private readonly routing: RoutingService,
    private readonly now: Date,
    /** The communities of the batch's tickets. */
    private readonly communityIds: string[],
  ) {}

  event(row: Partial<TicketEvent>): void {
    this.events.push(row);
  }

  staffNotices(rows: StaffNoticeRow[]): void {
    this.notices.push(...rows);
  }

  /** The resident's apology for a broken limit (the `delayed` notice). */
  apology(change: TicketChange): void {
    this.apologies.push(change);
  }

  /** The ticket's SLA bookkeeping, status and times as they stand after this pass. */
  update(ticket: Ticket): void {
    this.updates.push({
      id: String(ticket.id),
      status: ticket.status,
      closedAt: ticket.closedAt,
      slaWarned: ticket.slaWarned,
      slaBreached: ticket.slaBreached,
      escalationLevel: ticket.escalationLevel,
      escalatedAt: ticket.escalatedAt,
      nextDueAt: ticket.nextDueAt,
      clockDueAt: ticket.clockDueAt,
      updatedAt: ticket.status === 'closed' ? this.now : ticket.updatedAt,
    });
  }

  /** A community's supervisors: the first call reads those of every community in the batch. */
  async supervisorsOf(communityId: string): Promise<string[]> {
    const key = String(communityId);
    this.supervisors ??= this.noticesService.supervisorsOfCommunities(this.manager, [...this.communityIds, key]);
    const byCommunity = await this.supervisors;
    let found = byCommunity.get(key);
    if (!found) byCommunity.set(key, (found = await this.noticesService.supervisors(this.manager, key)));
    return found;
  }

  /** A community's on-duty agents at the pass's instant, looked up once per pass. */
  onDutyAgents(communityId: string): Promise<string[]> {
    const key = String(communityId);
    let found = this.onDuty.get(key);
    if (!found) this.onDuty.set(key, (found = this.routing.onDutyAgents(this.manager, key, this.now)));
    return found;
  }

  /** The active admins (second escalation level), looked up once per pass. */
  admins(): Promise<string[]> {
    this.adminIds ??= this.manager
      .getRepository(Staff)
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where(`s.active = 1 AND ${inCommaList(this.manager, "'admin'", 's.roles')}`)
      .getRawMany<{ id: string }>()
      .then((rows) => rows.map((a) => String(a.id)));
    return this.adminIds;
  }

  /** Writes what the pass collected, in statements of at most CHUNK rows each. */
  async flush(): Promise<void> {
    // The tickets: one UPDATE per chunk, each column set per row by id (CASE), the
    // version bumped as an entity update would.
    for (let i = 0; i < this.updates.length; i += CHUNK) {
      const chunk = this.updates.slice(i, i + CHUNK);
      const params: unknown[] = [];
      const sets = UPDATED_COLUMNS.map(([column, value]) => {
        for (const u of chunk) params.push(u.id, value(u));
        return `${column} = CASE id ${chunk.map(() => 'WHEN ? THEN ?').join(' ')} END`;
      });
      params.push(...chunk.map((u) => u.id));
      await this.manager.query(`UPDATE tickets SET ${sets.join(', ')}, version = version + 1 WHERE id IN (${placeholders(chunk)})`, params);
    }
    this.updates.length = 0;
    // The timeline lines, in the order they happened.
    await insertRows(this.manager, TicketEvent, this.events, CHUNK);
    this.events.length = 0;
    // The staff notices (the notices service also wakes the staff event streams).
    await this.noticesService.insertStaffNotices(this.manager, this.notices, CHUNK);
    this.notices.length = 0;
    // The residents' apologies, a few statements for the whole pass.
    await this.noticesService.noticeResidentsAbout(this.manager, 'delayed', this.apologies);
    this.apologies.length = 0;
  }
}

function noticeBody(ticket: Ticket): string {
  return `${ticket.no} ${ticket.category}：${ticket.description}`.slice(0, 300);
}
