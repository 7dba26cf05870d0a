import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { EventVisibility, LABELS, NoticeKind, friendlyTime, SUBSCRIBE_RESULTS, StaffEventType, SubscribeResult, TicketEventType } from '@yizhan/shared';
import type { AuthContext, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { PageQuery, PageResult, keysetPage, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { RoutingService } from '../routing/routing.service';
import { Room } from '../communities/community.entities';
import type { Ticket } from '../tickets/ticket.entity';
import type { NoticeView, StaffNoticeView } from './dto/notice.dto';
import { Notice, OutboxMessage, StaffNotice, StaffNoticeKind } from './notice.entities';
import { inCommaList, onConflictUpdate, placeholders } from '../../database/sql';
import { insertRows } from '../../database/plain-insert';
import type { JsonRecord } from '../../database/columns';
import { staffAccessIsCurrent } from '../../common/auth/staff-access';
import { WecomOutboxWriter } from '../wecom/wecom-outbox.writer';
import { ticketSubject } from './ticket-subject';

/** One staff notice to write (insertStaffNotices). */
export interface StaffNoticeRow {
  staffId: string;
  ticketId: string | null;
  kind: StaffNoticeKind;
  title: string;
  body: string;
  at: Date;
  /** Goes out through quiet hours (an urgent request); urgent kinds always do. */
  urgent?: boolean;
}

/** Notice kinds about one request's status (the incident kinds are written by IncidentsService). */
type TicketNoticeKind = Exclude<NoticeKind, 'incident' | 'incident_resolved' | 'incident_linked'>;

/** The mini-program page a subscribe message opens (the request detail). */
export const TICKET_PAGE = (ticketId: string) => `subpackages/tickets/pages/detail/index?id=${ticketId}`;

export { friendlyTime };

export interface TicketChange {
  ticket: Ticket;
  event: TicketEventType;
  actor: AuthContext | null;
  at: Date;
  /**
   * The entry's resident-facing text (TicketEvent.publicNote). Residents' notices are built
   * from this alone: the staff's own note is never passed here.
   */
  publicNote?: string | null;
  /** The entry's visibility: an internal entry sends the resident nothing. */
  visibility?: EventVisibility;
  /** The timeline entry's data (a rating's scores; dispatch: the previous technician and visit time …). */
  data?: JsonRecord | null;
  /** For dispatch: the technician's name. */
  assigneeName?: string | null;
  ownerName?: string | null;
}

/**
 * Notices of DESIGN.md §3. Everything here is written with the caller's manager,
 * inside the transaction of the status change: the resident's inbox line, the
 * outbox row for the WeChat subscribe message, and the staff notices.
 */
@Injectable()
export class NoticesService {
  /** Wakes this instance's staff event streams at once; other instances see the row on their next poll. */
  readonly staffNoticeCreated = new Subject<{ staffId: string }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly routing: RoutingService,
    private readonly wecomOutbox: WecomOutboxWriter,
  ) {}

  async onTicketChange(manager: EntityManager, change: TicketChange): Promise<void> {
    const kind = change.visibility === 'internal' ? null : residentNoticeKind(change);
    if (kind && change.ticket.residentId) await this.noticeResident(manager, kind, change);
    if (kind && FOLLOWER_KINDS.includes(kind) && change.ticket.followerCount > 0) await this.noticeFollowers(manager, kind, change);
    await this.noticeStaff(manager, change);
  }

  /**
   * The residents following a public request (我也遇到, merged duplicates) hear of its
   * status as the one who filed it does — not of what is personal to that resident (a
   * staff member's reply to them, their visit time), and a resolution asks them to rate,
   * not to confirm.
   */
  private async noticeFollowers(manager: EntityManager, kind: TicketNoticeKind, change: TicketChange): Promise<void> {
    const rows: { residentId: string }[] = await manager.query('SELECT resident_id AS residentId FROM ticket_followers WHERE ticket_id = ? ORDER BY id', [
      change.ticket.id,
    ]);
    for (const { residentId } of rows) await this.noticeResident(manager, kind, change, String(residentId));
  }

  /**
   * One line in the resident's inbox, and the subscribe message when the kind has a
   * template. Public for the scheduled notices (the evening reminder, the SLA apology),
   * which are not status changes; the text comes from the resident-facing note alone.
   */
  async noticeResident(manager: EntityManager, kind: TicketNoticeKind, change: TicketChange, followerId?: string): Promise<void> {
    const { ticket, at } = change;
    const residentId = followerId ?? ticket.residentId!;
    const type = LABELS.type[ticket.type];
    const note = change.publicNote?.trim() || null;
    const visit = ticket.appointmentAt ?? ticket.slotStart;
    // Bodies name the request by what it is about (the resident's words), not by its number.
    const what = ticketSubject(ticket);
    const text: Record<TicketNoticeKind, [string, string]> = {
      accepted: [`您的${type}已受理`, `${what}已由${change.ownerName ?? '客服'}受理，我们会尽快为您处理。`],
      dispatched: [
        '已安排师傅上门',
        `${change.assigneeName ?? '维修师傅'}将${ticket.appointmentAt ? `于 ${friendlyTime(ticket.appointmentAt)} ` : '尽快'}上门处理您的${what}，如需改期请联系客服。`,
      ],
      resolved: ['处理完成，请确认', `您的${what}已处理完成，请确认结果并评价；如仍有问题，可申请返工。`],
      reopened: ['工单已重新处理', `您的${what}已重新打开，首接人会继续跟进${note ? `：${note}` : '。'}`],
      closed: ['工单已完成', `您的${what}已完成，感谢您的反馈。`],
      cancelled: ['工单已取消', `您的${what}已取消${note ? `：${note}` : '。'}`],
      replied: ['物业回复了您', `${change.actor?.kind === 'staff' ? change.actor.name : '物业'}回复您的${what}：${note ?? ''}`],
      held: ['工单暂停处理', `您的${what}暂停处理：${note ?? '处理暂时中止'}。恢复后我们会继续为您处理。`],
      resumed: ['工单恢复处理', `您的${what}已恢复处理，我们会尽快完成。`],
      appointment: [
        '上门时间已确定',
        `您的${what}上门时间${visit ? `为 ${friendlyTime(visit)}` : '待定'}${change.assigneeName ? `，由${change.assigneeName}上门` : ''}；如需改期请联系客服。`,
      ],
      reminder: ['明天有上门服务', `明天 ${visit ? friendlyTime(visit).split(' ')[1] : ''} 将上门处理您的${what}，请安排家中有人；如需改期请联系客服。`],
      delayed: ['处理超时，向您致歉', `您的${what}处理时间超出承诺，我们已督办，会尽快为您处理。给您带来不便，敬请谅解。`],
      merged: ['工单已合并处理', `您反映的${what}与工单 ${String(change.data?.intoNo ?? '')} 是同一问题，已合并处理；后续进展会通知您，处理完成后可以评价。`],
      quoted: ['费用待您确认', `您的${what}：${note ?? '师傅发来了报价'}。您同意后师傅才会按此收费。`],
      refunded: ['退款已退回', `您的${what}：${note ?? '退款已原路退回'}。`],
    };
    const [title, body] = followerId ? followerText(kind, what, text[kind], change) : text[kind];
    const inserted = await manager
      .getRepository(Notice)
      .insert({ residentId, ticketId: ticket.id, kind, title, body: body.slice(0, 300), createdAt: at, readAt: null });
    const template = this.config.wechatTemplates[kind];
    if (!template) return; // in-app only: no template configured for this kind
    // Where the request is ("A1区 3栋 2单元 1201", "1号门岗"): the `room` keyword source.
    const room =
      ticket.locationLabel ??
      ticket.room?.label ??
      (ticket.roomId ? (await manager.getRepository(Room).findOne({ where: { id: ticket.roomId }, select: { id: true, label: true } }))?.label : null) ??
      '';
    await manager.getRepository(OutboxMessage).insert({
      noticeId: String(inserted.identifiers[0]!.id),
      residentId,
      kind,
      values: {
        no: ticket.no,
        summary: `${ticket.category}：${ticket.description}`,
        status: LABELS.status[ticket.status],
        time: at.toISOString(),
        note: note ?? title,
        owner: kind === 'replied' && change.actor?.kind === 'staff' ? change.actor.name : (change.ownerName ?? ''),
        assignee: change.assigneeName ?? '',
        appointment: (visit ?? at).toISOString(),
        title,
        room,
        body,
      },
      page: TICKET_PAGE(ticket.id),
      status: 'pending',
      nextAttemptAt: at,
      createdAt: at,
    });
  }

  /**
   * One notice to many residents at once (an incident in their area): the inbox lines, and
   * an outbox row each when the kind has a subscribe-message template. `values` fill the
   * template's keywords and must be resident-facing text only.
   */
  async noticeResidents(
    manager: EntityManager,
    residentIds: string[],
    notice: {
      kind: NoticeKind;
      title: string;
      body: string;
      at: Date;
      values: Partial<Record<'no' | 'summary' | 'status' | 'time' | 'note' | 'room', string>>;
      page: string;
    },
  ): Promise<void> {
    const ids = [...new Set(residentIds.map(String))];
    if (!ids.length) return;
    const { kind, title, at } = notice;
    const body = notice.body.slice(0, 300);
    await insertRows(
      manager,
      Notice,
      ids.map((residentId) => ({ residentId, ticketId: null, kind, title, body, createdAt: at, readAt: null })),
    );
    const template = this.config.wechatTemplates[kind];
    if (!template) return;
    // The inbox lines' ids, read back: one statement per chunk instead of one insert per resident.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows: { id: string; residentId: string }[] = await manager.query(
        `SELECT id, resident_id AS residentId FROM notices WHERE resident_id IN (${placeholders(chunk)}) AND kind = ? AND created_at = ? AND ticket_id IS NULL`,
        [...chunk, kind, at],
      );
      await insertRows(
        manager,
        OutboxMessage,
        rows.map((r) => ({
          noticeId: String(r.id),
          residentId: String(r.residentId),
          kind,
          values: {
            no: '',
            summary: '',
            status: '',
            time: at.toISOString(),
            note: title,
            owner: '',
            assignee: '',
            appointment: at.toISOString(),
            title,
            room: '',
            body,
            ...notice.values,
          },
          page: notice.page,
          status: 'pending' as const,
          nextAttemptAt: at,
          createdAt: at,
        })),
      );
    }
  }

  /**
   * Staff notices: the new owner, the pool, the technician, urgent alerts, urges,
   * transfers, what the resident says back (not solved, a low rating) and a technician's
   * resolution the owner must follow up (DESIGN.md rules 2, 3, 6).
   */
  private async noticeStaff(manager: EntityManager, change: TicketChange): Promise<void> {
    const { ticket, event, at } = change;
    const what = `${ticket.no} ${ticket.category}：${ticket.description}`.slice(0, 300);
    const actorStaffId = change.actor?.kind === 'staff' ? change.actor.staffId : null;
    const notices: { staffId: string; kind: StaffNoticeKind; title: string; body?: string }[] = [];
    if (event === 'created' && ticket.ownerId && change.actor?.kind !== 'staff') {
      notices.push({ staffId: ticket.ownerId, kind: 'routed', title: '新工单待受理' });
    }
    if (event === 'created' && !ticket.ownerId && ticket.priority !== 'urgent') {
      // Nobody on duty: the community's agents may claim it from the pool.
      for (const staffId of await this.agentsOf(manager, ticket.communityId)) notices.push({ staffId, kind: 'pooled', title: '新工单待认领' });
    }
    if (event === 'created' && ticket.priority === 'urgent') {
      const targets = new Set([
        ...(await this.routing.onDutyAgents(manager, ticket.communityId, at)),
        ...(await this.supervisors(manager, ticket.communityId)),
      ]);
      for (const staffId of targets) notices.push({ staffId, kind: 'urgent', title: '紧急工单，请立即处理' });
    }
    // Not to the technician who moved their own visit (reschedule).
    const byAssignee = change.actor?.kind === 'staff' && String(change.actor.staffId) === String(ticket.assigneeId);
    if (event === 'dispatched' && ticket.assigneeId && !byAssignee) notices.push({ staffId: ticket.assigneeId, kind: 'dispatched', title: '您有新的派工' });
    if (event === 'transferred' && ticket.ownerId) notices.push({ staffId: ticket.ownerId, kind: 'transferred', title: '主管将工单转交给您' });
    if (event === 'urged') {
      const targets = ticket.ownerId ? [ticket.ownerId] : await this.routing.onDutyAgents(manager, ticket.communityId, at);
      for (const staffId of targets) notices.push({ staffId, kind: 'urged', title: '业主催单' });
    }
    if (event === 'commented' && change.actor?.kind === 'resident') {
      // A resident's follow-up (补充说明) goes to whoever is working on the request: the owner,
      // and the technician while the visit is ahead or under way.
      const targets = new Set<string>();
      if (ticket.ownerId) targets.add(String(ticket.ownerId));
      if (ticket.assigneeId && ['dispatched', 'in_progress'].includes(ticket.status)) targets.add(String(ticket.assigneeId));
      const body = `${ticket.no} 业主补充：${change.publicNote ?? ''}`.slice(0, 300);
      for (const staffId of targets) notices.push({ staffId, kind: 'followed_up', title: '业主补充了说明', body });
    }
    if (event === 'flagged' && ticket.ownerId) notices.push({ staffId: ticket.ownerId, kind: 'flagged', title: '工单内容待人工复核' });
    // A complaint's investigation task: to the person asked (not to the owner who gave it), and its result back to the owner.
    const investigator = typeof change.data?.assigneeId === 'string' ? change.data.assigneeId : null;
    if (event === 'investigation_assigned' && investigator && investigator !== actorStaffId) {
      notices.push({ staffId: investigator, kind: 'investigation', title: '您有新的投诉调查任务' });
    }
    if (event === 'investigation_reported' && ticket.ownerId && String(ticket.ownerId) !== actorStaffId) {
      notices.push({ staffId: ticket.ownerId, kind: 'investigated', title: '投诉调查结果已反馈' });
    }
    if (event === 'reopened' && ticket.ownerId && change.actor?.kind === 'resident') {
      notices.push({ staffId: ticket.ownerId, kind: 'reopened', title: '业主反馈问题未解决' });
    }
    if (event === 'resolved' && ticket.ownerId && String(ticket.ownerId) !== actorStaffId)
      notices.push({ staffId: ticket.ownerId, kind: 'resolved', title: '师傅已处理完成，请跟进确认' });
    if ((event === 'rated' || event === 'follower_rated') && lowestScore(change.data) <= 2) {
      const targets = new Set([...(ticket.ownerId ? [String(ticket.ownerId)] : []), ...(await this.supervisors(manager, ticket.communityId))]);
      const who = event === 'rated' ? '业主' : '关注业主';
      for (const staffId of targets) notices.push({ staffId, kind: 'rated_low', title: `${who}差评（最低 ${lowestScore(change.data)} 分）` });
    }
    const urgent = ticket.priority === 'urgent';
    await this.insertStaffNotices(
      manager,
      notices.map((n) => ({ ...n, ticketId: ticket.id, body: n.body ?? what, at, urgent })),
    );
  }

  /** Active agents of a community, for requests waiting in its pool. */
  private async agentsOf(manager: EntityManager, communityId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT s.id AS id FROM staff_communities sc JOIN staff s ON s.id = sc.staff_id
        WHERE sc.community_id = ? AND s.active = 1 AND ${inCommaList(manager, '?', 's.roles')} ORDER BY s.id`,
      [communityId, 'agent'],
    );
    return rows.map((r) => String(r.id));
  }

  /** Staff notices, in the given order, at most `chunk` rows a statement (the SLA scanner writes hundreds per pass). */
  async insertStaffNotices(manager: EntityManager, notices: StaffNoticeRow[], chunk = 500): Promise<void> {
    if (!notices.length) return;
    await insertRows(
      manager,
      StaffNotice,
      notices.map((n) => ({ staffId: n.staffId, ticketId: n.ticketId, kind: n.kind, title: n.title, body: n.body, createdAt: n.at, readAt: null })),
      chunk,
    );
    // The WeCom message for each, in the same transaction (nothing when WeCom is off).
    await this.wecomOutbox.enqueue(manager, notices, chunk);
    // Wake the streams after the transaction has had a chance to commit.
    setTimeout(() => notices.forEach((n) => this.staffNoticeCreated.next({ staffId: n.staffId })), 50).unref();
  }

  /** Active supervisors of several communities in one read: community id → their ids. */
  async supervisorsOfCommunities(manager: EntityManager, communityIds: string[]): Promise<Map<string, string[]>> {
    const ids = [...new Set(communityIds.map(String))];
    const byCommunity = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (!ids.length) return byCommunity;
    const rows: { communityId: string; id: string }[] = await manager.query(
      `SELECT sc.community_id AS communityId, s.id AS id FROM staff_communities sc JOIN staff s ON s.id = sc.staff_id
        WHERE sc.community_id IN (${placeholders(ids)}) AND s.active = 1 AND ${inCommaList(manager, '?', 's.roles')}
        ORDER BY sc.community_id, s.id`,
      [...ids, 'supervisor'],
    );
    for (const r of rows) byCommunity.get(String(r.communityId))?.push(String(r.id));
    return byCommunity;
  }

  async supervisors(manager: EntityManager, communityId: string): Promise<string[]> {
    return (await this.supervisorsOfCommunities(manager, [communityId])).get(String(communityId))!;
  }

  // ---- resident inbox ----

  async list(auth: ResidentAuth, query: PageQuery): Promise<PageResult<NoticeView>> {
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource
      .getRepository(Notice)
      .createQueryBuilder('n')
      .where('n.resident_id = :rid', { rid: auth.residentId })
      .orderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (cursor) qb.andWhere('n.id < :after', { after: cursor[0] });
    const { page, nextCursor } = keysetPage(await qb.getMany(), limit);
    return {
      items: page.map((n) => ({
        id: String(n.id),
        ticketId: n.ticketId === null ? null : String(n.ticketId),
        kind: n.kind,
        title: n.title,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt ? n.readAt.toISOString() : null,
      })),
      nextCursor,
    };
  }

  async unreadCount(auth: ResidentAuth): Promise<number> {
    return this.dataSource.getRepository(Notice).count({ where: { residentId: auth.residentId, readAt: IsNull() } });
  }

  /** 全部已读: every unread line of the caller's inbox; answers how many were marked. */
  async markAllRead(auth: ResidentAuth): Promise<number> {
    const result = await this.dataSource.getRepository(Notice).update({ residentId: auth.residentId, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }

  async markRead(auth: ResidentAuth, id: string): Promise<void> {
    const notice = await this.dataSource.getRepository(Notice).findOne({ where: { id, residentId: auth.residentId } });
    if (!notice) throw new AppError('NOT_FOUND', '通知不存在');
    if (!notice.readAt) await this.dataSource.getRepository(Notice).update({ id }, { readAt: new Date() });
  }

  /**
   * Records what `wx.requestSubscribeMessage` answered. Each "accept" is one send
   * credit for that template; the other answers grant nothing.
   */
  async recordSubscriptions(auth: ResidentAuth, results: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(results);
    if (entries.length === 0 || entries.length > 20) {
      throw new AppError('VALIDATION_FAILED', '订阅结果无效', { results: ['1–20 template ids'] });
    }
    const accepted: string[] = [];
    for (const [templateId, result] of entries) {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(templateId) || !(SUBSCRIBE_RESULTS as readonly string[]).includes(String(result))) {
        throw new AppError('VALIDATION_FAILED', '订阅结果无效', { [`results.${templateId.slice(0, 64)}`]: [`must be one of ${SUBSCRIBE_RESULTS.join(', ')}`] });
      }
      if ((result as SubscribeResult) === 'accept') accepted.push(templateId);
    }
    for (const templateId of accepted) {
      await this.dataSource.query(
        `INSERT INTO subscription_credits (resident_id, template_id, credits) VALUES (?, ?, 1) ${onConflictUpdate(this.dataSource, ['resident_id', 'template_id'], 'credits = credits + 1')}`,
        [auth.residentId, templateId],
      );
    }
  }

  // ---- staff notices ----

  async staffNotices(auth: StaffAuth, query: PageQuery & { unread?: boolean }): Promise<PageResult<StaffNoticeView>> {
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource
      .getRepository(StaffNotice)
      .createQueryBuilder('n')
      .where('n.staff_id = :sid', { sid: auth.staffId })
      .orderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (cursor) qb.andWhere('n.id < :after', { after: cursor[0] });
    const { page, nextCursor } = keysetPage(await qb.getMany(), limit);
    return { items: await this.staffViews(page), nextCursor };
  }

  async markStaffRead(auth: StaffAuth, id: string): Promise<void> {
    const result = await this.dataSource.getRepository(StaffNotice).update({ id, staffId: auth.staffId, readAt: IsNull() }, { readAt: new Date() });
    if (!result.affected && !(await this.dataSource.getRepository(StaffNotice).exists({ where: { id, staffId: auth.staffId } }))) {
      throw new AppError('NOT_FOUND', '通知不存在');
    }
  }

  /** The caller's new notices after `afterId`, for the event stream; null once the caller's token no longer speaks for the account. */
  async staffNoticesAfter(auth: StaffAuth, afterId: string, limit = 50): Promise<StaffNoticeView[] | null> {
    const staffId = auth.staffId;
    if (!(await staffAccessIsCurrent(this.dataSource, staffId, auth.accessVersion))) return null;
    const rows = await this.dataSource
      .getRepository(StaffNotice)
      .createQueryBuilder('n')
      .where('n.staff_id = :staffId AND n.id > :afterId', { staffId, afterId })
      .orderBy('n.id', 'ASC')
      .limit(limit)
      .getMany();
    return this.staffViews(rows);
  }

  /**
   * Notices of this staff member with ids in (floorId, beforeId) written since `since`:
   * the stream asks for these because ids are taken at insert and rows become visible at
   * commit, so a notice can appear after one with a higher id was already streamed (two
   * transactions, two instances). Ids only; the caller fetches the ones it has not sent.
   */
  async lateStaffNoticeIds(staffId: string, floorId: string, beforeId: string, since: Date): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(StaffNotice)
      .createQueryBuilder('n')
      .select('n.id', 'id')
      .where('n.staff_id = :staffId AND n.id > :floorId AND n.id < :beforeId AND n.created_at >= :since', { staffId, floorId, beforeId, since })
      .getRawMany<{ id: string | number }>();
    return rows.map((r) => String(r.id));
  }

  async staffNoticesByIds(staffId: string, ids: string[]): Promise<StaffNoticeView[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource.getRepository(StaffNotice).find({ where: { staffId, id: In(ids) }, order: { id: 'ASC' } });
    return this.staffViews(rows);
  }

  async latestStaffNoticeId(staffId: string): Promise<string> {
    const row = await this.dataSource
      .getRepository(StaffNotice)
      .createQueryBuilder('n')
      .select('MAX(n.id)', 'id')
      .where('n.staff_id = :staffId', { staffId })
      .getRawOne<{ id: string | null }>();
    return row?.id ? String(row.id) : '0';
  }

  private async staffViews(rows: StaffNotice[]): Promise<StaffNoticeView[]> {
    const ticketIds = [
      ...new Set(
        rows
          .map((r) => r.ticketId)
          .filter((x): x is string => x !== null)
          .map(String),
      ),
    ];
    const tickets = ticketIds.length
      ? await this.dataSource.query(
          `SELECT t.id, t.no, COALESCE(r.label, t.location_label) AS label FROM tickets t LEFT JOIN rooms r ON r.id = t.room_id WHERE t.id IN (${ticketIds.map(() => '?').join(',')})`,
          ticketIds,
        )
      : [];
    const byId = new Map<string, { no: string; label: string }>(tickets.map((t: { id: string; no: string; label: string }) => [String(t.id), t]));
    return rows.map((n) => ({
      id: String(n.id),
      kind: n.kind,
      type: STAFF_EVENT_TYPE[n.kind],
      ticketId: n.ticketId === null ? null : String(n.ticketId),
      no: n.ticketId ? (byId.get(String(n.ticketId))?.no ?? null) : null,
      roomLabel: n.ticketId ? (byId.get(String(n.ticketId))?.label ?? null) : null,
      title: n.title,
      body: n.body,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt ? n.readAt.toISOString() : null,
    }));
  }
}

/** The event names the admin pages listen for on the staff event stream. */
export const STAFF_EVENT_TYPE: Record<StaffNoticeKind, StaffEventType> = {
  routed: 'ticket.routed',
  urgent: 'ticket.urgent',
  dispatched: 'ticket.dispatched',
  urged: 'ticket.urged',
  transferred: 'ticket.transferred',
  flagged: 'ticket.flagged',
  sla_warning: 'sla.warning',
  sla_overdue: 'sla.overdue',
  escalated: 'sla.escalated',
  pooled: 'ticket.pooled',
  reopened: 'ticket.reopened',
  rated_low: 'ticket.rated_low',
  resolved: 'ticket.resolved',
  followed_up: 'ticket.followed_up',
  investigation: 'ticket.investigation',
  investigated: 'ticket.investigated',
};

/** The lowest of a rating's three scores (5 when the event carries none). */
function lowestScore(data: Record<string, unknown> | null | undefined): number {
  const scores = ['attitude', 'timeliness', 'quality'].map((k) => Number(data?.[k])).filter((n) => Number.isFinite(n));
  return scores.length ? Math.min(...scores) : 5;
}

/** What followers of a public request hear of (not replies to the requester, not their visit times). */
const FOLLOWER_KINDS: readonly TicketNoticeKind[] = ['accepted', 'dispatched', 'held', 'resumed', 'resolved', 'reopened', 'closed', 'cancelled', 'merged'];

/** A follower's version of a notice: it is a request they follow, and a resolution is theirs to rate, not to confirm. */
function followerText(kind: TicketNoticeKind, what: string, [title, body]: [string, string], change: TicketChange): [string, string] {
  if (kind === 'merged') return ['您关注的问题已合并处理', `您关注的${what}已与工单 ${String(change.data?.intoNo ?? '')} 合并处理，后续进展会通知您。`];
  if (kind === 'resolved') return ['您关注的问题已处理', `您关注的${what}已处理完成，欢迎评价处理结果。`];
  if (kind === 'dispatched') return ['您关注的问题已派工', `您关注的${what}已安排师傅处理。`];
  return [title, `（您关注的）${body}`];
}

/** Which status changes the resident hears about, and when (not about what they did themselves). */
function residentNoticeKind(change: TicketChange): TicketNoticeKind | null {
  const byResident = change.actor?.kind === 'resident';
  switch (change.event) {
    case 'accepted':
      return 'accepted';
    case 'dispatched': {
      // The same technician again with another time: the visit time was set or changed.
      const d = change.data ?? {};
      const sameTechnician = d.previousAssigneeId != null && String(d.previousAssigneeId) === String(d.assigneeId);
      if (!sameTechnician) return 'dispatched';
      return (d.previousAppointmentAt ?? null) !== (d.appointmentAt ?? null) ? 'appointment' : null;
    }
    case 'commented':
      // A staff public reply (an internal note never gets here: see onTicketChange).
      return change.actor?.kind === 'staff' ? 'replied' : null;
    case 'formally_replied':
      // A complaint's formal reply (处理结果 + 整改措施): the resident reads it as a reply.
      return 'replied';
    case 'held':
      return 'held';
    case 'resumed':
      return 'resumed';
    case 'resolved':
      return 'resolved';
    case 'reopened':
      return byResident ? null : 'reopened';
    case 'verified':
    case 'auto_confirmed':
      return 'closed';
    case 'cancelled':
      return byResident ? null : 'cancelled';
    case 'merged':
      return 'merged';
    // Paid services: a quote that waits for the resident's decision; a refund that reached them.
    case 'quoted':
      return change.data?.status === 'pending' ? 'quoted' : null;
    case 'refunded':
      return 'refunded';
    default:
      return null;
  }
}
