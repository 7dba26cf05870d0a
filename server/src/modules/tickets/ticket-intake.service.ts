import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { deadlinesAtCreation, isMobilePhone, nextDueAt, normalizePhone, queueDueAt } from '@yizhan/shared';
import { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { IdempotencyService, idempotencyScope } from '../../common/idempotency/idempotency.service';
import { insertRow, insertRows } from '../../database/plain-insert';
import { AuditService } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { FieldCrypto } from '../crypto/field-crypto.service';
import { FilesService } from '../files/files.service';
import { PlacesService } from '../places/places.service';
import { resolveIntakeLocation } from './intake-location';
import { IncidentsService } from '../incidents/incidents.service';
import { NoticesService } from '../notices/notices.service';
import { RoutingService } from '../routing/routing.service';
import { SlaPolicyService } from '../sla/sla-policy.service';
import { resolveDeadline } from '../sla/working-days';
import type { CreateTicketDto, TicketDetailView } from './dto/ticket.dto';
import { ComplaintsService } from '../complaints/complaints.service';
import { TicketNumberService } from './ticket-number.service';
import { TicketReview } from './ticket-review.service';
import { KnownDetail, TicketViews } from './ticket-views.service';
import { Ticket, TicketEvent } from './ticket.entity';
import { actorEvent, systemEvent } from './timeline';

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
  quotePending: false,
  approvedFen: 0,
  paidFen: 0,
  dueFen: 0,
  feeWaivedAt: null,
  version: 1,
} satisfies Partial<Ticket>;

/** A new request: input checks, content screening, routing under the first-contact rule, deadlines, the first timeline entries. */
@Injectable()
export class TicketIntake {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
    private readonly idempotency: IdempotencyService,
    private readonly numbers: TicketNumberService,
    private readonly routing: RoutingService,
    private readonly policies: SlaPolicyService,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly views: TicketViews,
    private readonly notices: NoticesService,
    private readonly files: FilesService,
    private readonly incidents: IncidentsService,
    private readonly places: PlacesService,
    private readonly review: TicketReview,
    private readonly complaints: ComplaintsService,
  ) {}

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
    const now = new Date();
    // The content check (a WeChat round trip) and the ticket number side by side; the number
    // outside the transaction, so its counter's row lock is not held to the commit
    // (ticket-number.service.ts). Refused content leaves a gap in the numbers, which is harmless.
    const [flagged, no] = await Promise.all([this.review.screen(auth, `${dto.category}\n${dto.description}`), this.numbers.next(dto.type, now)]);
    // The key is written with the answer as the transaction's last statement (IdempotencyService.inTransaction).
    const outcome = await this.idempotency.inTransaction(
      this.dataSource,
      idempotencyScope(auth, 'ticket.create'),
      key,
      201,
      async (manager) => {
        const created = await this.insertTicket(manager, auth, dto, no, now, flagged);
        const id = String(created.ticket.id);
        if (auth.kind === 'staff') {
          await this.audit.record(manager, auth, meta, {
            action: 'ticket.create',
            targetType: 'ticket',
            targetId: id,
            detail: { no, channel: dto.channel ?? 'phone' },
          });
        }
        return this.views.detail(manager, id, auth, created);
      },
      (ticket) => ({ id: ticket.id }), // a replay renders the ticket afresh: the key keeps only its id
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
    for (const [field, raw] of [
      ['contactPhone', dto.contactPhone],
      ['residentPhone', dto.residentPhone],
    ] as const) {
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
  private async insertTicket(
    manager: EntityManager,
    auth: AuthContext,
    dto: CreateTicketDto,
    no: string,
    now: Date,
    textFlagged: boolean,
  ): Promise<KnownDetail> {
    let flagged = textFlagged;
    // Where the problem is (a room or a public area) and, for a public area, the resident's own room.
    const {
      location: room,
      reporterRoomId,
      residentPhoneEnc,
      incidentPossible,
      onDuty,
    } = await resolveIntakeLocation(manager, { places: this.places, routing: this.routing }, auth, dto, now);

    const priority = dto.priority ?? 'normal';
    // A complaint's level (its time limits) and the person it is about (who may handle it).
    const complaint = await this.complaints.checkIntake(manager, auth, room.communityId, dto);
    const policy = await this.policies.policyFor(manager, room.communityId, dto.type, priority, complaint?.level);
    let slotStart: Date | null = null;
    if (dto.type === 'home_service') {
      const item = await this.catalogue.requireBookable(manager, room.communityId, dto.serviceItemId!);
      slotStart = new Date(dto.slotStart!);
      await this.catalogue.reserveSlot(manager, item, slotStart, now);
    }

    // The first-contact rule: staff-created → the creator owns it; mini-program → routing.
    // A complaint about a person goes to a supervisor, never to that person.
    const routed =
      (await this.complaints.routeFor(manager, auth, room.communityId, complaint)) ??
      (auth.kind === 'staff'
        ? { ownerId: auth.staffId, ownerName: auth.name, basis: 'creator' as const }
        : onDuty !== undefined
          ? await this.routing.chooseAmong(manager, onDuty)
          : await this.routing.chooseOwner(manager, room.communityId, room.zoneId, now));
    const deadlines = deadlinesAtCreation(policy, now, { slotStart });
    if (policy.resolveWorkingDays) {
      // The resolve limit counts working days (China's holidays and make-up days) from when work can start.
      deadlines.resolveBy = resolveDeadline(policy, slotStart && slotStart > now ? slotStart : now);
    }
    // A request needs a way to reach the resident: the number typed on the form (h5, phone
    // intake), else the resident's WeChat phone (weapp), stored encrypted with the request.
    const contactPhone =
      normalizePhone(dto.contactPhone ?? dto.residentPhone ?? null) ?? (auth.kind === 'resident' ? this.crypto.decrypt(residentPhoneEnc) : null);
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
      channel: auth.kind === 'staff' ? (dto.channel ?? 'phone') : 'miniapp',
      locationKind: room.kind,
      communityId: room.communityId,
      zoneId: room.zoneId,
      roomId: room.roomId,
      buildingId: room.buildingId,
      unit: room.unit,
      placeId: room.placeId,
      locationLabel: room.kind === 'room' ? null : room.label,
      reporterRoomId,
      followerCount: 0,
      mergedIntoId: null,
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
      clockDueAt: queueDueAt({ ...NEW_TICKET_DEFAULTS, ...deadlines }),
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
      actorEvent(id, auth, now, {
        type: 'created',
        note: preferred,
        data: dto.preferredVisit ? { preferredVisit: dto.preferredVisit } : null,
        photoIds: dto.photoIds?.length ? dto.photoIds : null,
      }),
    ];
    if (routed.ownerId === null) {
      timeline.push(systemEvent(id, now, { type: 'pooled', note: '当前无人值班，已进入待领取工单池', publicNote: '已收到您的诉求，客服会尽快受理' }));
    } else if (routed.basis !== 'creator') {
      timeline.push(
        systemEvent(id, now, {
          type: 'routed',
          note: (routed.basis === 'supervisor'
            ? `涉及工作人员或服务态度的投诉，已分配给客服主管 ${routed.ownerName ?? ''}`
            : `已分配给值班客服 ${routed.ownerName ?? ''}`
          ).trim(),
          publicNote: `已由客服 ${routed.ownerName ?? ''} 负责您的诉求`.replace('  ', ' '),
          data: { ownerId: routed.ownerId, basis: routed.basis },
        }),
      );
    }
    // A known incident (停水停电 …) in the room's area and the request's category: linked, and the resident told at once.
    const linked = incidentPossible
      ? await this.incidents.linkAtSubmission(manager, ticket, { communityId: room.communityId, zoneId: room.zoneId, buildingId: room.buildingId }, now)
      : null;
    if (linked) timeline.push(linked);
    await insertRows(manager, TicketEvent, timeline);
    await this.notices.onTicketChange(manager, { ticket, event: 'created', actor: auth, at: now });
    if (flagged) timeline.push(await this.review.flag(manager, ticket, now));
    const staffNames = new Map(routed.ownerId === null ? [] : [[String(routed.ownerId), routed.ownerName ?? '']]);
    return { ticket, roomLabel: room.label, staffNames, events: timeline as KnownDetail['events'] };
  }
}
