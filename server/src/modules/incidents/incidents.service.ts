import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OPEN_STATUSES, deadlinesAtResolution, nextDueAt, queueDueAt, transition } from '@yizhan/shared';
import { requireCommunity, requireCommunityParam } from '../../common/access/access';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { insertRows } from '../../database/plain-insert';
import { placeholders, rowLock } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { NoticesService, friendlyTime } from '../notices/notices.service';
import { SlaPolicyService } from '../sla/sla-policy.service';
import { Ticket, TicketEvent } from '../tickets/ticket.entity';
import { systemEvent } from '../tickets/timeline';
import { RoomPlace, areaLabel, boundInArea, checkArea, covers } from './area';
import { IncidentViews, incidentStatus } from './incident-views.service';
import { Incident, IncidentTicket } from './incident.entities';
import type { CreateIncidentDto, IncidentDetailView, ResolveIncidentDto, UpdateIncidentDto } from './incidents.dto';
import { ticketSubject } from '../notices/ticket-subject';
import { machineStateOf } from '../tickets/ticket-state';

/** The mini-program page an incident's subscribe message opens (home shows the area's incidents). */
const HOME_PAGE = 'pages/home/index';

/**
 * Incidents (停水停电, 电梯停运 …): staff declare one for an area; every resident bound in
 * the area is told (inbox + subscribe message when the kind has a template); requests of
 * the incident's category submitted in the area while it is active are linked to it at
 * once (a public timeline entry and a notice say it is known); a new expected end is told
 * to the area, and the resolution is told to the area and resolves every linked open
 * request for its resident to confirm (state machine: `resolve` by the system).
 */
@Injectable()
export class IncidentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticesService,
    private readonly policies: SlaPolicyService,
    private readonly audit: AuditService,
    private readonly views: IncidentViews,
  ) {}

  // ---------------------------------------------------------------- staff

  async create(auth: StaffAuth, meta: RequestMeta, dto: CreateIncidentDto): Promise<IncidentDetailView> {
    requireCommunityParam(auth, dto.communityId);
    const startsAt = new Date(dto.startsAt);
    const expectedEndAt = new Date(dto.expectedEndAt);
    if (expectedEndAt <= startsAt) {
      throw new AppError('VALIDATION_FAILED', '预计恢复时间应晚于开始时间', { expectedEndAt: ['must be after startsAt'] });
    }
    const zoneIds = [...new Set((dto.zoneIds ?? []).map(String))];
    const buildingIds = [...new Set((dto.buildingIds ?? []).map(String))];
    await checkArea(this.dataSource.manager, dto.communityId, zoneIds, buildingIds);
    const now = new Date();
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.getRepository(Incident).insert({
        communityId: dto.communityId,
        title: dto.title.trim(),
        category: dto.category.trim(),
        cause: dto.cause.trim(),
        zoneIds,
        buildingIds,
        startsAt,
        expectedEndAt,
        resolvedAt: null,
        resolution: null,
        createdById: auth.staffId,
        createdByName: auth.name,
        createdAt: now,
        updatedAt: now,
      });
      const incidentId = String(inserted.identifiers[0]!.id);
      const incident = (await manager.getRepository(Incident).findOneByOrFail({ id: incidentId }))!;
      const area = await areaLabel(manager, incident);
      const planned = incidentStatus(incident, now) === 'planned';
      const when = `${friendlyTime(startsAt)} 至 ${friendlyTime(expectedEndAt)}`;
      await this.noticeArea(manager, incident, {
        kind: 'incident',
        title: `${planned ? '计划' : ''}${incident.title}通知`.slice(0, 60),
        body: `${area}${planned ? '计划' : ''}${incident.title}：${when}。原因：${incident.cause}。如有不便，敬请谅解。`,
        at: now,
      });
      await this.audit.record(manager, auth, meta, {
        action: 'incident.create',
        targetType: 'incident',
        targetId: incidentId,
        detail: { title: incident.title },
      });
      return incidentId;
    });
    return this.views.detail(auth, id);
  }

  /** A new expected end, told to everyone in the area. */
  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: UpdateIncidentDto): Promise<IncidentDetailView> {
    const expectedEndAt = new Date(dto.expectedEndAt);
    await this.dataSource.transaction(async (manager) => {
      const incident = await this.lockOpen(manager, auth, id);
      if (expectedEndAt <= incident.startsAt) {
        throw new AppError('VALIDATION_FAILED', '预计恢复时间应晚于开始时间', { expectedEndAt: ['must be after startsAt'] });
      }
      const now = new Date();
      incident.expectedEndAt = expectedEndAt;
      incident.updatedAt = now;
      await manager.getRepository(Incident).update({ id: incident.id }, { expectedEndAt, updatedAt: now });
      const note = dto.note?.trim();
      await this.noticeArea(manager, incident, {
        kind: 'incident',
        title: `${incident.title}恢复时间更新`.slice(0, 60),
        body: `${await areaLabel(manager, incident)}${incident.title}预计 ${friendlyTime(expectedEndAt)} 恢复${note ? `：${note}` : '。'}`,
        at: now,
      });
      await this.audit.record(manager, auth, meta, {
        action: 'incident.update',
        targetType: 'incident',
        targetId: incident.id,
        detail: { expectedEndAt: dto.expectedEndAt },
      });
    });
    return this.views.detail(auth, id);
  }

  /**
   * Over: the area is told, and every linked request still open is resolved with the
   * incident's resolution — 待确认, not closed: the resident confirms (or the confirm limit
   * auto-confirms it) and can reopen it when their own problem is still there.
   */
  async resolve(auth: StaffAuth, meta: RequestMeta, id: string, dto: ResolveIncidentDto): Promise<IncidentDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const incident = await this.lockOpen(manager, auth, id);
      const now = new Date();
      const resolution = dto.resolution.trim();
      await manager.getRepository(Incident).update({ id: incident.id }, { resolvedAt: now, resolution, updatedAt: now });
      incident.resolvedAt = now;
      incident.resolution = resolution;
      await this.noticeArea(manager, incident, {
        kind: 'incident_resolved',
        title: `${incident.title}已恢复`.slice(0, 60),
        body: `${await areaLabel(manager, incident)}${incident.title}已恢复：${resolution}`,
        at: now,
      });
      const resolved = await this.resolveLinked(manager, incident, now);
      await this.audit.record(manager, auth, meta, {
        action: 'incident.resolve',
        targetType: 'incident',
        targetId: incident.id,
        detail: { resolvedTickets: resolved },
      });
    });
    return this.views.detail(auth, id);
  }

  // ---------------------------------------------------------------- submissions

  /**
   * Called inside a submission's transaction (TicketIntake): links the new request to
   * the earliest active incident of its category covering its room, tells the resident it
   * is known, and returns the timeline entry to add — or null. One indexed read per
   * submission when nothing matches.
   */
  async linkAtSubmission(
    manager: EntityManager,
    ticket: Pick<Ticket, 'id' | 'no' | 'type' | 'category' | 'description' | 'residentId'>,
    room: RoomPlace,
    now: Date,
  ): Promise<Partial<TicketEvent> | null> {
    const candidates = await manager
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where('i.community_id = :cid AND i.resolved_at IS NULL AND i.starts_at <= :now AND i.category = :category', {
        cid: room.communityId,
        now,
        category: ticket.category.trim(),
      })
      .orderBy('i.starts_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getMany();
    const incident = candidates.find((i) => covers(i, room));
    if (!incident) return null;
    await insertRows(manager, IncidentTicket, [{ incidentId: String(incident.id), ticketId: String(ticket.id), createdAt: now }]);
    const known = `物业已知悉：${incident.title}（${incident.cause}），预计 ${friendlyTime(incident.expectedEndAt)} 恢复，恢复后会通知您。`;
    if (ticket.residentId) {
      await this.notices.noticeResidents(manager, [String(ticket.residentId)], {
        kind: 'incident_linked',
        title: `物业已知悉：${incident.title}`.slice(0, 60),
        body: `您的${ticketSubject(ticket)}${known.replace(/^物业已知悉：/, '所反映的问题属于')}`,
        at: now,
        values: { no: ticket.no, summary: incident.title, note: known, time: incident.expectedEndAt.toISOString() },
        page: `subpackages/tickets/pages/detail/index?id=${ticket.id}`,
      });
    }
    return systemEvent(String(ticket.id), now, {
      type: 'incident_linked',
      note: `已关联事件「${incident.title}」（${incident.category}），事件恢复时将一并办结`,
      publicNote: known,
      data: { incidentId: String(incident.id) },
    });
  }

  // ---------------------------------------------------------------- machinery

  private async lockOpen(manager: EntityManager, auth: StaffAuth, id: string): Promise<Incident> {
    const incident = await manager.getRepository(Incident).findOne({ where: { id }, lock: rowLock(manager) });
    if (!incident) throw new AppError('NOT_FOUND', '事件不存在');
    requireCommunity(auth, incident.communityId, '事件');
    if (incident.resolvedAt) throw new AppError('INVALID_TRANSITION', '该事件已恢复，不能再修改');
    return incident;
  }

  private async resolveLinked(manager: EntityManager, incident: Incident, now: Date): Promise<number> {
    const repo = manager.getRepository(Ticket);
    const ids: { id: string }[] = await manager.query(
      `SELECT t.id FROM incident_tickets it JOIN tickets t ON t.id = it.ticket_id WHERE it.incident_id = ? AND t.status IN (${placeholders(OPEN_STATUSES as string[])}) ORDER BY t.id`,
      [incident.id, ...OPEN_STATUSES],
    );
    let resolved = 0;
    for (const { id } of ids) {
      const ticket = await repo.findOne({ where: { id: String(id) }, lock: rowLock(manager) });
      if (!ticket) continue;
      const verdict = transition(machineStateOf(ticket), 'resolve', { kind: 'system' });
      if (!verdict.allowed) continue; // moved on since the read (resolved or cancelled by its owner)
      const policy = await this.policies.policyFor(manager, ticket.communityId, ticket.type, ticket.priority);
      const { confirmBy, revisitBy } = deadlinesAtResolution(policy, now);
      if (ticket.heldAt) {
        ticket.heldSeconds += Math.max(0, Math.round((now.getTime() - ticket.heldAt.getTime()) / 1000));
        ticket.heldAt = null;
      }
      Object.assign(ticket, { status: verdict.to, resolvedAt: now, confirmBy, revisitBy, updatedAt: now });
      ticket.nextDueAt = nextDueAt(ticket, this.config.sla);
      ticket.clockDueAt = queueDueAt(ticket);
      await repo.save(ticket, { reload: false });
      const entry = systemEvent(ticket.id, now, {
        type: 'resolved',
        note: `事件「${incident.title}」已恢复：${incident.resolution}`,
        publicNote: `${incident.title}已恢复：${incident.resolution}`,
        data: { incidentId: String(incident.id) },
      });
      await insertRows(manager, TicketEvent, [entry]);
      await this.notices.onTicketChange(manager, {
        ticket,
        event: 'resolved',
        actor: null,
        at: now,
        publicNote: entry.publicNote ?? null,
        visibility: 'public',
      });
      resolved++;
    }
    return resolved;
  }

  /** Inbox lines (and subscribe messages) to every resident bound in the incident's area. */
  private async noticeArea(
    manager: EntityManager,
    incident: Incident,
    notice: { kind: 'incident' | 'incident_resolved'; title: string; body: string; at: Date },
  ): Promise<void> {
    const rows: { residentId: string }[] = await manager.query(
      `SELECT DISTINCT b.resident_id AS residentId FROM room_bindings b JOIN rooms r ON r.id = b.room_id WHERE ${boundInArea(incident).where}`,
      boundInArea(incident).params,
    );
    await this.notices.noticeResidents(
      manager,
      rows.map((r) => String(r.residentId)),
      {
        ...notice,
        values: {
          summary: incident.title,
          status: notice.kind === 'incident_resolved' ? '已恢复' : incidentStatus(incident, notice.at) === 'planned' ? '计划' : '进行中',
          note: notice.body,
          time: (notice.kind === 'incident_resolved' ? notice.at : incident.expectedEndAt).toISOString(),
        },
        page: HOME_PAGE,
      },
    );
  }
}
