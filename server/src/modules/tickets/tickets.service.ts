import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CLOCK_BIT,
  EventVisibility,
  OPEN_STATUSES,
  friendlyTime,
  TicketAction,
  TicketEventType,
  TicketState,
  deadlinesAtCreation,
  deadlinesAtResolution,
  isMobilePhone,
  milestonesOf,
  nextDueAt,
  normalizePhone,
  resumeDeadlines,
  runningClocks,
  transition,
} from '@yizhan/shared';
import { canSeeTicket, inCommunity } from '../../common/access/access';
import { AuthContext, RequestMeta, StaffAuth, actorOf } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError, notFound } from '../../common/errors/app-error';
import { IdempotencyService, idempotencyScope } from '../../common/idempotency/idempotency.service';
import { PageResult, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { FieldCrypto } from '../crypto/field-crypto.service';
import { FilesService } from '../files/files.service';
import { IncidentsService } from '../incidents/incidents.service';
import { NoticesService } from '../notices/notices.service';
import { Staff } from '../staff/staff.entity';
import { RoutingService } from '../routing/routing.service';
import { SlaPolicyService } from '../sla/sla-policy.service';
import { resolveDeadline } from '../sla/working-days';
import { StaffService } from '../staff/staff.service';
import { ContentCheckService } from '../wechat/content-check.service';
import { ComplaintsService } from '../complaints/complaints.service';
import type {
  CreateTicketDto,
  DispatchDto,
  RatingDto,
  RescheduleDto,
  ResolveDto,
  RevisitDto,
  TicketDetailView,
  TicketListQuery,
  TicketSummaryView,
  TransferDto,
} from './dto/ticket.dto';
import { NO_DEADLINE, TicketKeyset, filterTickets, keysetCursor, keysetOf, orderTickets } from './ticket-filters';
import { TicketNumberService } from './ticket-number.service';
import { KnownDetail, ListRow, TicketViews } from './ticket-views.service';
import { Ticket, TicketEvent, TicketRating } from './ticket.entity';
import { EventSpec, actorEvent, systemEvent } from './timeline';
import { isDuplicateKey, rowLock } from '../../database/sql';
import { insertRow, insertRows } from '../../database/plain-insert';


const URGE_INTERVAL_MS = 30 * 60_000;

/** Stands for each walk's status in the deadline walks' one built statement (listByDeadline). */
const WALK_STATUS_SLOT = '\u0000walk-status';

/** The columns a new request leaves to their defaults (ticket.entity.ts), as a read would return them. */
const NEW_TICKET_DEFAULTS = {
  appointmentAt: null,
  fee: null,
  confirmBy: null,
  revisitBy: null,
  respondedAt: null,
  onsiteAt: null,
  resolvedAt: null,
  closedAt: null,
  revisitedAt: null,
  cancelledAt: null,
  heldAt: null,
  heldSeconds: 0,
  slaWarned: 0,
  slaBreached: 0,
  escalationLevel: 0,
  escalatedAt: null,
  reopenCount: 0,
  version: 1,
} satisfies Partial<Ticket>;

@Injectable()
export class TicketsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
    private readonly idempotency: IdempotencyService,
    private readonly numbers: TicketNumberService,
    private readonly routing: RoutingService,
    private readonly policies: SlaPolicyService,
    private readonly catalogue: CatalogueService,
    private readonly staff: StaffService,
    private readonly audit: AuditService,
    private readonly views: TicketViews,
    private readonly notices: NoticesService,
    private readonly contentCheck: ContentCheckService,
    private readonly files: FilesService,
    private readonly incidents: IncidentsService,
    private readonly complaints: ComplaintsService,
  ) {}

  // ---------------------------------------------------------------- create

  /**
   * A new request. Routing, deadlines, the timeline and (when a key is given) the
   * idempotency record are written in one transaction: a retry with the same key
   * returns the first answer and creates nothing.
   */
  async create(
    auth: AuthContext,
    meta: RequestMeta,
    dto: CreateTicketDto,
    idempotencyKey: string | undefined,
  ): Promise<{ replayed: boolean; ticket: TicketDetailView }> {
    const key = IdempotencyService.validateKey(idempotencyKey);
    this.checkCreateInput(auth, dto);
    const flagged = await this.screen(auth, `${dto.category}\n${dto.description}`);
    const now = new Date();
    const no = await this.numbers.next(dto.type, now);
    const outcome = await this.dataSource.transaction(async (manager) =>
      this.idempotency.once(manager, idempotencyScope(auth, 'ticket.create'), key, 201, async () => {
        const created = await this.insertTicket(manager, auth, dto, no, now, flagged);
        const id = String(created.ticket.id);
        if (auth.kind === 'staff') {
          await this.audit.record(auth, meta, { action: 'ticket.create', targetType: 'ticket', targetId: id, detail: { no, channel: dto.channel ?? 'phone' } }, manager);
        }
        return this.views.detail(manager, id, auth, created);
      }, (ticket) => ({ id: ticket.id })), // a replay renders the ticket afresh: the key keeps only its id
    );
    if (!outcome.replayed) return { replayed: false, ticket: outcome.value };
    // A replay answers for the same ticket, rendered afresh (its photo URLs are short-lived).
    return { replayed: true, ticket: await this.views.detail(this.dataSource.manager, (outcome.value as { id: string }).id, auth) };
  }

  private checkCreateInput(auth: AuthContext, dto: CreateTicketDto): void {
    if (auth.kind === 'resident' && (dto.channel || dto.residentName || dto.residentPhone)) {
      throw new AppError('VALIDATION_FAILED', '业主提交时不能填写渠道或代填信息', {
        channel: ['staff only'],
      });
    }
    if (auth.kind === 'staff' && dto.channel === 'miniapp') {
      throw new AppError('VALIDATION_FAILED', '工作人员代为登记时请选择电话、来访或巡查等渠道', { channel: ['miniapp is for residents'] });
    }
    if (dto.type === 'home_service' && (!dto.serviceItemId || !dto.slotStart)) {
      throw new AppError('SERVICE_ITEM_REQUIRED', '预约上门服务请选择服务项目和时段');
    }
    if (dto.preferredVisit && dto.type !== 'repair') {
      throw new AppError('VALIDATION_FAILED', '期望上门时间只用于报修', { preferredVisit: ['repair only'] });
    }
    if (dto.type !== 'home_service' && (dto.serviceItemId || dto.slotStart)) {
      throw new AppError('VALIDATION_FAILED', '只有上门服务需要选择服务项目和时段', { serviceItemId: ['home_service only'] });
    }
    for (const [field, raw] of [['contactPhone', dto.contactPhone], ['residentPhone', dto.residentPhone]] as const) {
      if (raw !== undefined && !isMobilePhone(normalizePhone(raw))) {
        throw new AppError('VALIDATION_FAILED', '请填写正确的手机号', { [field]: ['must be a mainland mobile number'] });
      }
    }
  }

  /**
   * Writes the request and its first timeline entries. Every statement here runs once per
   * submission under load (npm run bench): the room and the resident's binding are read
   * together, the owner's name comes with the routing choice, the timeline is one insert,
   * and the caller renders the answer from what was written (`KnownDetail`).
   */
  private async insertTicket(manager: EntityManager, auth: AuthContext, dto: CreateTicketDto, no: string, now: Date, textFlagged: boolean): Promise<KnownDetail> {
    let flagged = textFlagged;
    const residentId = auth.kind === 'resident' ? auth.residentId : null;
    const [found]: { id: string; communityId: string; zoneId: string | null; buildingId: string; label: string; bound: number | null; phoneEnc: string | null }[] = await manager.query(
      `SELECT r.id, r.community_id AS communityId, r.zone_id AS zoneId, r.building_id AS buildingId, r.label,
              (SELECT 1 FROM room_bindings b WHERE b.room_id = r.id AND b.resident_id = ? AND b.status = 'approved' LIMIT 1) AS bound,
              (SELECT p.phone_enc FROM residents p WHERE p.id = ?) AS phoneEnc
         FROM rooms r WHERE r.id = ?`,
      [residentId, residentId, dto.roomId],
    );
    if (!found) throw new AppError('VALIDATION_FAILED', '房屋不存在，请重新选择', { roomId: ['no such room'] });
    const room = { id: String(found.id), communityId: String(found.communityId), zoneId: found.zoneId === null ? null : String(found.zoneId), label: found.label };
    if (auth.kind === 'resident') {
      if (!found.bound) throw new AppError('ROOM_NOT_BOUND', '请先绑定该房屋，审核通过后即可提交');
    } else if (!inCommunity(auth, room.communityId)) {
      throw new AppError('ROOM_NOT_IN_COMMUNITY', '该房屋不在您负责的小区');
    }

    const priority = dto.priority ?? 'normal';
    // A complaint's level (its time limits) and the person it is about (who may handle it).
    const complaint = await this.complaints.checkIntake(manager, auth, room.communityId, dto);
    const policy = await this.policies.policyFor(room.communityId, dto.type, priority, manager, complaint?.level);
    let slotStart: Date | null = null;
    if (dto.type === 'home_service') {
      const item = await this.catalogue.requireBookable(room.communityId, dto.serviceItemId!, manager);
      slotStart = new Date(dto.slotStart!);
      await this.catalogue.reserveSlot(manager, item, slotStart, now);
    }

    // The first-contact rule: staff-created → the creator owns it; mini-program → routing.
    // A complaint about a person goes to a supervisor, never to that person.
    const routed =
      (await this.complaints.routeFor(manager, auth, room.communityId, complaint)) ??
      (auth.kind === 'staff'
        ? { ownerId: auth.staffId, ownerName: auth.name, basis: 'creator' as const }
        : await this.routing.chooseOwner(manager, room.communityId, room.zoneId, now));
    const deadlines = deadlinesAtCreation(policy, now, { slotStart });
    if (policy.resolveWorkingDays) {
      // The resolve limit counts working days (China's holidays and make-up days) from when work can start.
      deadlines.resolveBy = resolveDeadline(policy, slotStart && slotStart > now ? slotStart : now);
    }
    // A request needs a way to reach the resident: the number typed on the form (h5, phone
    // intake), else the resident's WeChat phone (weapp), stored encrypted with the request.
    const contactPhone = normalizePhone(dto.contactPhone ?? dto.residentPhone ?? null) ?? (auth.kind === 'resident' ? this.crypto.decrypt(found.phoneEnc) : null);
    if (auth.kind === 'resident' && !contactPhone) {
      throw new AppError('CONTACT_REQUIRED', '请留下联系电话，方便客服和师傅联系您', { contactPhone: ['required without a bound WeChat phone'] });
    }

    const values: Omit<Ticket, keyof typeof NEW_TICKET_DEFAULTS | 'id'> = {
      no,
      type: dto.type,
      status: 'submitted',
      category: dto.category.trim(),
      description: dto.description.trim(),
      priority,
      channel: auth.kind === 'staff' ? dto.channel ?? 'phone' : 'miniapp',
      communityId: room.communityId,
      zoneId: room.zoneId,
      roomId: room.id,
      residentId: auth.kind === 'resident' ? auth.residentId : null,
      residentNameEnc: this.crypto.encrypt(dto.residentName?.trim() || null),
      contactPhoneEnc: this.crypto.encrypt(contactPhone),
      createdByStaffId: auth.kind === 'staff' ? auth.staffId : null,
      ownerId: routed.ownerId,
      assigneeId: null,
      serviceItemId: dto.serviceItemId ?? null,
      slotStart,
      respondBy: deadlines.respondBy,
      onsiteBy: deadlines.onsiteBy,
      resolveBy: deadlines.resolveBy,
      nextDueAt: nextDueAt({ ...NEW_TICKET_DEFAULTS, ...deadlines }, this.config.sla),
      photoIds: dto.photoIds ?? [],
      flagged: textFlagged,
      createdAt: now,
      updatedAt: now,
    };
    const id = await insertRow(manager, Ticket, values);
    // The row as stored, from what was written: the other columns hold their defaults, and
    // datetime(3) keeps a Date's milliseconds exactly (test: lifecycle, answer equals GET).
    const ticket = manager.getRepository(Ticket).create({ ...NEW_TICKET_DEFAULTS, ...values, id });
    if (complaint) await this.complaints.record(manager, ticket, complaint);
    const attached = await this.files.attach(manager, auth, dto.photoIds, id);
    if (!flagged && (await this.files.needingReview(manager, attached)).length) flagged = true;
    // The preferred visit time goes with the first entry, for the owner and technician to plan by.
    const preferred = dto.type === 'repair' && dto.preferredVisit ? `期望上门时间：${dto.preferredVisit}` : null;
    const timeline = [
      actorEvent(id, auth, now, { type: 'created', note: preferred, data: dto.preferredVisit ? { preferredVisit: dto.preferredVisit } : null, photoIds: dto.photoIds?.length ? dto.photoIds : null }),
    ];
    if (routed.ownerId === null) {
      timeline.push(systemEvent(id, now, { type: 'pooled', note: '当前无人值班，已进入待领取工单池', publicNote: '已收到您的诉求，客服会尽快受理' }));
    } else if (routed.basis !== 'creator') {
      timeline.push(
        systemEvent(id, now, {
          type: 'routed',
          note: routed.basis === 'supervisor' ? `涉及工作人员或服务态度的投诉，已分配给客服主管 ${routed.ownerName ?? ''}`.trim() : `已分配给值班客服 ${routed.ownerName ?? ''}`.trim(),
          publicNote: `已由客服 ${routed.ownerName ?? ''} 负责您的诉求`.replace('  ', ' '),
          data: { ownerId: routed.ownerId, basis: routed.basis },
        }),
      );
    }
    // A known incident (停水停电 …) in the room's area and the request's category: linked, and the resident told at once.
    const linked = await this.incidents.linkAtSubmission(manager, ticket, { communityId: room.communityId, zoneId: room.zoneId, buildingId: String(found.buildingId) }, now);
    if (linked) timeline.push(linked);
    await insertRows(manager, TicketEvent, timeline);
    await this.notices.onTicketChange(manager, { ticket, event: 'created', actor: auth, at: now });
    if (flagged) timeline.push(await this.flag(manager, ticket, now));
    const staffNames = new Map(routed.ownerId === null ? [] : [[String(routed.ownerId), routed.ownerName ?? '']]);
    return { ticket, roomLabel: room.label, staffNames, events: timeline as KnownDetail['events'] };
  }

  // ---------------------------------------------------------------- read

  async get(auth: AuthContext, id: string): Promise<TicketDetailView> {
    const ticket = await this.dataSource.getRepository(Ticket).findOne({ where: { id } });
    if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
    return this.views.detail(this.dataSource.manager, id, auth);
  }

  async list(auth: AuthContext, query: TicketListQuery): Promise<PageResult<TicketSummaryView>> {
    const limit = pageLimit(query);
    const sort = query.sort ?? 'newest';
    const cursorValues = readCursor(query.cursor, sort === 'deadline' ? 2 : 1);
    const after = cursorValues ? keysetOf(sort, cursorValues) : null;
    if (cursorValues && !after) throw new AppError('INVALID_CURSOR', '分页参数无效，请从第一页重新加载');
    const rows =
      sort === 'deadline'
        ? await this.listByDeadline(auth, query, limit + 1, after)
        : await this.views.listRows(orderTickets(filterTickets(this.dataSource.getRepository(Ticket).createQueryBuilder('t'), auth, query, new Date(), this.config.sla.warnLeadSec), sort, after).limit(limit + 1));
    const page = rows.slice(0, limit);
    const items = page.map((r) => r.summary);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? keysetCursor(sort, { id: last.summary.id, resolveBy: last.resolveBy }) : null;
    return { items, nextCursor };
  }

  /**
   * The deadline order of orderTickets('deadline') as index walks that stop after a page:
   * the dated requests by (resolve_by, id) — one walk per status when the filter spans the
   * open ones, each on (community_id, status, resolve_by, id), merged here — then the
   * undated ones by id. Ordering by COALESCE(resolve_by, …) in one query read and sorted
   * every open request of the community instead (npm run bench: 69 ms p95 at 20,000).
   */
  private async listByDeadline(auth: AuthContext, query: TicketListQuery, take: number, after: TicketKeyset | null) {
    const now = new Date();
    const filtered = () => filterTickets(this.dataSource.getRepository(Ticket).createQueryBuilder('t'), auth, query, now, this.config.sla.warnLeadSec);
    const pastDated = after !== null && after.resolveBy!.getTime() >= NO_DEADLINE.getTime();
    let rows: ListRow[] = [];
    if (!pastDated) {
      const perStatus = !query.status && query.stage === 'open';
      const qb = filtered().andWhere('t.resolve_by IS NOT NULL');
      if (perStatus) qb.andWhere('t.status = :walkStatus', { walkStatus: WALK_STATUS_SLOT });
      if (after) qb.andWhere('t.resolve_by >= :afterDue AND (t.resolve_by > :afterDue OR t.id > :afterId)', { afterDue: after.resolveBy, afterId: after.id });
      const [walkSql, walkParameters] = qb.select(['t.id AS id', 't.resolve_by AS resolveBy']).orderBy('t.resolve_by', 'ASC').addOrderBy('t.id', 'ASC').limit(take).getQueryAndParameters();
      // The walks differ in the status only: the statement is built once (building it costs
      // more CPU than MariaDB spends running it) and each walk binds its own status.
      const built: [string, unknown[]][] = perStatus
        ? OPEN_STATUSES.map((status) => [walkSql, walkParameters.map((p) => (p === WALK_STATUS_SLOT ? status : p))])
        : [[walkSql, walkParameters]];
      // The walks go as one statement (UNION ALL of ordered, limited subqueries) and
      // return keys only; the page's rows, with their joins, are read by id afterwards.
      const keys: { id: string; resolveBy: Date }[] = await this.dataSource.query(
        built.map(([sql], n) => `SELECT * FROM (${sql}) w${n}`).join(' UNION ALL '),
        built.flatMap(([, parameters]) => parameters),
      );
      const byDeadline = (a: { id: string; resolveBy: Date }, b: { id: string; resolveBy: Date }) =>
        a.resolveBy.getTime() - b.resolveBy.getTime() || (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
      const page = keys.map((k) => ({ id: String(k.id), resolveBy: new Date(k.resolveBy) })).sort(byDeadline).slice(0, take);
      if (page.length) {
        const byId = new Map((await this.views.listRowsByIds(this.dataSource.manager, page.map((k) => k.id), now)).map((r) => [r.summary.id, r]));
        rows = page.flatMap((k) => byId.get(k.id) ?? []);
      }
    }
    if (rows.length < take) {
      const qb = filtered().andWhere('t.resolve_by IS NULL');
      if (pastDated) qb.andWhere('t.id > :afterId', { afterId: after!.id });
      rows.push(...(await this.views.listRows(qb.orderBy('t.id', 'ASC').limit(take - rows.length))));
    }
    return rows;
  }

  // ---------------------------------------------------------------- actions

  async claim(auth: StaffAuth, meta: RequestMeta, id: string): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'claim', async (ticket, manager, now) => {
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
    return this.act(auth, meta, id, 'accept', (ticket, _m, now) => {
      ticket.respondedAt = now;
      return { type: 'accepted', note: note ?? null };
    });
  }

  async dispatch(auth: StaffAuth, meta: RequestMeta, id: string, dto: DispatchDto): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'dispatch', async (ticket, manager) => {
      const technician = await this.staff.findActiveIn(ticket.communityId, dto.assigneeId, ['technician'], manager);
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
        publicNote: rescheduled ? (ticket.appointmentAt ? `上门时间改为 ${friendlyTime(ticket.appointmentAt)}` : '上门时间待重新约定') : `已安排 ${technician.name} ${when}上门处理`,
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
    return this.act(auth, meta, id, 'reschedule', async (ticket, manager) => {
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
    return this.act(auth, meta, id, 'start', (ticket, _m, now) => {
      ticket.onsiteAt ??= now;
      return { type: 'started', note: note ?? null };
    });
  }

  /** `publicReason` is what the resident is told (等待配件 …); the staff's `reason` stays internal. */
  async hold(auth: StaffAuth, meta: RequestMeta, id: string, reason: string, publicReason?: string): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'hold', (ticket, _m, now) => {
      ticket.heldAt = now;
      return { type: 'held', note: reason, publicNote: publicReason?.trim() || '处理暂时中止，恢复后我们会继续为您处理' };
    });
  }

  async resume(auth: StaffAuth, meta: RequestMeta, id: string, reason?: string): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'resume', (ticket, _m, now) => {
      const heldAt = ticket.heldAt!;
      const before = this.deadlinesOf(ticket);
      const after = resumeDeadlines(before, runningClocks(milestonesOf(ticket)), heldAt, now);
      Object.assign(ticket, after);
      ticket.heldSeconds += Math.max(0, Math.round((now.getTime() - heldAt.getTime()) / 1000));
      ticket.heldAt = null;
      return { type: 'resumed', note: reason?.trim() || null, publicNote: '已恢复处理', data: { pausedSec: Math.round((now.getTime() - heldAt.getTime()) / 1000) } };
    });
  }

  async resolve(auth: StaffAuth, meta: RequestMeta, id: string, dto: ResolveDto): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'resolve', async (ticket, manager, now) => {
      const photoIds = await this.files.attach(manager, auth, dto.photoIds, ticket.id);
      const policy = await this.policies.policyFor(ticket.communityId, ticket.type, ticket.priority, manager, await this.complaints.levelOf(manager, ticket));
      const { confirmBy, revisitBy } = deadlinesAtResolution(policy, now);
      Object.assign(ticket, { resolvedAt: now, confirmBy, revisitBy, fee: dto.fee ?? ticket.fee });
      return { type: 'resolved', note: dto.note, publicNote: dto.note, photoIds: photoIds.length ? photoIds : null, data: dto.fee !== undefined ? { fee: dto.fee } : null };
    });
  }

  /** 确认并评价: the resident confirms the result and, optionally, rates it — one step, one transaction. */
  async confirm(auth: AuthContext, meta: RequestMeta, id: string, rating?: RatingDto): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'confirm', async (ticket, manager, now) => {
      ticket.closedAt = now;
      if (!rating) return { type: 'confirmed', note: '业主已确认完成' };
      return { type: 'confirmed', note: '业主已确认完成', then: [await this.insertRating(manager, ticket, rating, now)] };
    });
  }

  async verify(auth: StaffAuth, meta: RequestMeta, id: string, note?: string): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'verify', (ticket, _m, now) => {
      ticket.closedAt = now;
      return { type: 'verified', note: note ?? null, publicNote: '已核实处理完成' };
    });
  }

  async reopen(auth: AuthContext, meta: RequestMeta, id: string, reason: string): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'reopen', async (ticket, manager, now) => this.applyReopen(ticket, manager, now, reason, 'reopened'));
  }

  /** The owner's return visit (回访). Unsatisfied reopens the request to the same owner. */
  async revisit(auth: StaffAuth, meta: RequestMeta, id: string, dto: RevisitDto): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'revisit', async (ticket, manager, now) => {
      ticket.revisitedAt = now;
      if (dto.satisfied) return { type: 'revisited', note: dto.note ?? null, publicNote: '已完成回访', data: { satisfied: true } };
      await insertRows(manager, TicketEvent, [actorEvent(ticket.id, auth, now, { type: 'revisited', note: dto.note ?? null, publicNote: '已完成回访', data: { satisfied: false } })]);
      ticket.revisitedAt = null;
      return { ...(await this.applyReopen(ticket, manager, now, dto.note ?? '回访不满意', 'reopened', 'accepted')), publicNote: '回访后将继续为您处理' };
    });
  }

  async cancel(auth: AuthContext, meta: RequestMeta, id: string, reason: string): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'cancel', (ticket, _m, now) => {
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
    return this.act(auth, meta, id, 'comment', async (ticket, manager, now) => {
      if (ticket.type !== 'home_service' || !ticket.slotStart || !ticket.serviceItemId) throw new AppError('INVALID_TRANSITION', '只有预约的上门服务可以改约');
      if (!['submitted', 'accepted', 'dispatched'].includes(ticket.status)) throw new AppError('INVALID_TRANSITION', '服务已开始或已结束，不能改约');
      this.checkBookingChangeable(ticket, now, '改约');
      const slotStart = new Date(slotStartIso);
      if (slotStart.getTime() === ticket.slotStart.getTime()) throw new AppError('VALIDATION_FAILED', '请选择一个新的时段', { slotStart: ['same slot'] });
      const item = await this.catalogue.requireBookable(ticket.communityId, ticket.serviceItemId, manager);
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

  /** Only a supervisor moves ownership, with a reason, audited (first-contact rule 4). */
  async transfer(auth: StaffAuth, meta: RequestMeta, id: string, dto: TransferDto): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'transfer', async (ticket, manager) => {
      const target = await this.staff.findActiveIn(ticket.communityId, dto.toStaffId, ['agent', 'supervisor'], manager);
      if (!target) throw new AppError('INVALID_STAFF', '只能转给本小区在职的客服或主管');
      if (String(target.id) === ticket.ownerId) throw new AppError('INVALID_STAFF', '该员工已是首接人');
      await this.complaints.checkHandler(manager, ticket, { id: String(target.id), roles: target.roles }, 'owner');
      const from = ticket.ownerId;
      ticket.ownerId = String(target.id);
      await this.audit.record(auth, meta, { action: 'ticket.transfer', targetType: 'ticket', targetId: ticket.id, detail: { from, to: ticket.ownerId, reason: dto.reason } }, manager);
      return { type: 'transferred', note: dto.reason, publicNote: `您的诉求已转由 ${target.name} 负责`, data: { fromOwnerId: from, toOwnerId: ticket.ownerId, toOwnerName: target.name } };
    });
  }

  /**
   * A resident's follow-up, a staff public reply (公开回复, the resident reads it) or an
   * internal note (内部备注, staff only — the default for staff, so nothing is public by accident).
   */
  async comment(auth: AuthContext, meta: RequestMeta, id: string, note: string, photoIds?: string[], visibility?: EventVisibility): Promise<TicketDetailView> {
    if (auth.kind === 'resident' && visibility === 'internal') {
      throw new AppError('VALIDATION_FAILED', '业主的补充说明对处理人员可见，不能设为内部备注', { visibility: ['业主不能发内部备注'] });
    }
    const shown: EventVisibility = auth.kind === 'resident' ? 'public' : visibility ?? 'internal';
    const flagged = await this.screen(auth, note);
    return this.act(auth, meta, id, 'comment', async (ticket, manager, now) => {
      const ids = await this.files.attach(manager, auth, photoIds, ticket.id);
      const photosNeedReview = (await this.files.needingReview(manager, ids)).length > 0;
      if ((flagged || photosNeedReview) && !ticket.flagged) await this.flag(manager, ticket, now);
      return { type: 'commented', note, visibility: shown, publicNote: shown === 'public' ? note : null, photoIds: ids.length ? ids : null };
    });
  }

  async rate(auth: AuthContext, meta: RequestMeta, id: string, dto: RatingDto): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'rate', async (ticket, manager, now) => this.insertRating(manager, ticket, dto, now));
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
    return { type: 'rated', note: dto.comment?.trim() || null, data: { attitude: dto.attitude, timeliness: dto.timeliness, quality: dto.quality, ...(tags ? { tags } : {}) } };
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
      await this.audit.record(auth, meta, { action: 'ticket.rating_reply', targetType: 'ticket', targetId: id }, manager);
      return this.views.detail(manager, id, auth);
    });
  }

  /** 催单: a resident nudges an open request, at most once per 30 minutes. */
  async urge(auth: AuthContext, meta: RequestMeta, id: string): Promise<TicketDetailView> {
    return this.act(auth, meta, id, 'urge', async (ticket, manager, now) => {
      const last = await manager
        .getRepository(TicketEvent)
        .createQueryBuilder('e')
        .where('e.ticket_id = :id AND e.type = :type', { id: ticket.id, type: 'urged' })
        .orderBy('e.at', 'DESC')
        .getOne();
      if (last && now.getTime() - last.at.getTime() < URGE_INTERVAL_MS) {
        const wait = Math.ceil((URGE_INTERVAL_MS - (now.getTime() - last.at.getTime())) / 60_000);
        throw new AppError('URGE_TOO_SOON', `已为您催办，${wait} 分钟后可再次催单`);
      }
      return { type: 'urged', note: '业主催办', data: { ownerId: ticket.ownerId } };
    });
  }

  /** Staff see the full contact phone only on purpose, and every reveal is audited. */
  async revealPhone(auth: StaffAuth, meta: RequestMeta, id: string): Promise<{ phone: string }> {
    const ticket = await this.dataSource.getRepository(Ticket).findOne({ where: { id } });
    if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
    const phone = this.crypto.decrypt(ticket.contactPhoneEnc);
    if (!phone) throw new AppError('NOT_FOUND', '该工单没有联系电话');
    await this.audit.record(auth, meta, { action: 'ticket.reveal_phone', targetType: 'ticket', targetId: id });
    return { phone };
  }

  // ---------------------------------------------------------------- machinery

  /**
   * Every life-cycle action: lock the row, ask the shared state machine, apply the
   * change, append the timeline event — in one transaction. Tickets the caller may
   * not see are 404, whatever the action.
   */
  private async act(
    auth: AuthContext,
    meta: RequestMeta,
    id: string,
    action: TicketAction,
    apply: (ticket: Ticket, manager: EntityManager, now: Date) => EventSpec | Promise<EventSpec>,
  ): Promise<TicketDetailView> {
    const key = IdempotencyService.validateKey(meta.idempotencyKey);
    // With a key, the action is done once: a retry (the staff side's offline queue sending
    // again after a lost answer) gets the ticket as it is now, and nothing is applied twice.
    const outcome = await this.dataSource.transaction(async (manager) =>
      this.idempotency.once(manager, idempotencyScope(auth, `ticket.${action}:${id}`), key, 200, () => this.applyAction(manager, auth, meta, id, action, apply), (ticket) => ({ id: ticket.id })),
    );
    return outcome.replayed ? this.views.detail(this.dataSource.manager, id, auth) : outcome.value;
  }

  private async applyAction(
    manager: EntityManager,
    auth: AuthContext,
    meta: RequestMeta,
    id: string,
    action: TicketAction,
    apply: (ticket: Ticket, manager: EntityManager, now: Date) => EventSpec | Promise<EventSpec>,
  ): Promise<TicketDetailView> {
    const repo = manager.getRepository(Ticket);
    const ticket = await repo.findOne({ where: { id }, lock: rowLock(repo.manager) });
    if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
    const rated = action === 'rate' ? (await manager.getRepository(TicketRating).count({ where: { ticketId: id } })) > 0 : false;
    const state: TicketState = {
      status: ticket.status,
      ownerId: ticket.ownerId === null ? null : String(ticket.ownerId),
      assigneeId: ticket.assigneeId === null ? null : String(ticket.assigneeId),
      residentId: ticket.residentId === null ? null : String(ticket.residentId),
      onHold: ticket.heldAt !== null,
      rated,
      complaint: await this.complaints.stateOf(manager, ticket),
    };
    const verdict = transition(state, action, actorOf(auth));
    if (!verdict.allowed) {
      if (verdict.conflict === 'ALREADY_OWNED') throw new AppError('ALREADY_OWNED', '该工单已被同事领取');
      if (verdict.conflict) throw new AppError(verdict.conflict, verdict.reason);
      if (action === 'rate' && rated) throw new AppError('ALREADY_RATED', '您已评价过该工单');
      throw new AppError(verdict.code, verdict.reason);
    }
    const now = new Date();
    const spec = await apply(ticket, manager, now);
    if (ticket.status === state.status) ticket.status = verdict.to;
    ticket.updatedAt = now;
    ticket.nextDueAt = nextDueAt(ticket, this.config.sla);
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
      await this.notices.onTicketChange(manager, { ticket, event: nextSpec.type, actor: auth, at: now, publicNote: next.publicNote ?? null, visibility: next.visibility!, data: nextSpec.data ?? null });
    }
    if (auth.kind === 'staff' && !['comment', 'transfer'].includes(action)) {
      await this.audit.record(auth, meta, { action: `ticket.${action}`, targetType: 'ticket', targetId: ticket.id }, manager);
    }
    return this.views.detail(manager, ticket.id, auth);
  }

  /** Back to the owner for another round: a fresh resolve clock, the resolution milestones cleared. */
  private async applyReopen(ticket: Ticket, manager: EntityManager, now: Date, reason: string, type: TicketEventType, to: 'accepted' = 'accepted'): Promise<EventSpec> {
    const policy = await this.policies.policyFor(ticket.communityId, ticket.type, ticket.priority, manager, await this.complaints.levelOf(manager, ticket));
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

  /**
   * Residents' text goes through WeChat's content check: risky is refused with a kind
   * message; review (or a check that could not run) is accepted and flagged for staff.
   * Staff text is not checked (they are accountable by name).
   */
  private async screen(auth: AuthContext, text: string): Promise<boolean> {
    if (auth.kind !== 'resident') return false;
    const verdict = await this.contentCheck.checkText(auth.openid, text);
    if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '内容中含有不适宜的信息，请修改后再提交');
    return verdict === 'review';
  }

  /** A later verdict (WeChat's image check) asks for a human look at a ticket. */
  async flagForReview(ticketId: string, note: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ticket = await manager.getRepository(Ticket).findOne({ where: { id: ticketId }, lock: rowLock(manager) });
      if (ticket && !ticket.flagged) await this.flag(manager, ticket, new Date(), note);
    });
  }

  /** Marks the ticket for review; returns the timeline line it wrote. */
  private async flag(manager: EntityManager, ticket: Ticket, now: Date, note = '内容需人工复核'): Promise<Partial<TicketEvent>> {
    await manager.getRepository(Ticket).update({ id: ticket.id }, { flagged: true });
    ticket.flagged = true;
    const event = systemEvent(ticket.id, now, { type: 'flagged', note });
    await insertRows(manager, TicketEvent, [event]);
    await this.notices.onTicketChange(manager, { ticket, event: 'flagged', actor: null, at: now });
    return event;
  }

  private deadlinesOf(t: Ticket) {
    return { respondBy: t.respondBy, onsiteBy: t.onsiteBy, resolveBy: t.resolveBy, confirmBy: t.confirmBy, revisitBy: t.revisitBy };
  }
}
