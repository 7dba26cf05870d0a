import { Inject, Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import { EntityManager } from 'typeorm';
import { LABELS, NoticeKind, friendlyTime } from '@yizhan/shared';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { RoutingService } from '../routing/routing.service';
import { Room } from '../communities/community.entities';
import { Notice, OutboxMessage, StaffNotice, StaffNoticeKind } from './notice.entities';
import { inCommaList, placeholders } from '../../database/sql';
import { insertRows } from '../../database/plain-insert';
import { WecomOutboxWriter } from '../wecom/wecom-outbox.writer';
import { ticketSubject } from './ticket-subject';
import { FOLLOWER_KINDS, STAFF_EVENT_TYPE, TicketChange, TicketNoticeKind, followerText, lowestScore, residentNoticeKind } from './notice-kinds';

export { STAFF_EVENT_TYPE, type TicketChange };

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

/** The mini-program page a subscribe message opens (the request detail). */
export const TICKET_PAGE = (ticketId: string) => `subpackages/tickets/pages/detail/index?id=${ticketId}`;

export { friendlyTime };

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
    const { title, body } = this.residentText(kind, change, followerId);
    const inserted = await manager.getRepository(Notice).insert({ residentId, ticketId: ticket.id, kind, title, body, createdAt: at, readAt: null });
    if (!this.config.wechatTemplates[kind]) return; // in-app only: no template configured for this kind
    // Where the request is ("A1区 3栋 2单元 1201", "1号门岗"): the `room` keyword source.
    const room =
      ticket.locationLabel ??
      ticket.room?.label ??
      (ticket.roomId ? (await manager.getRepository(Room).findOne({ where: { id: ticket.roomId }, select: { id: true, label: true } }))?.label : null) ??
      '';
    await manager.getRepository(OutboxMessage).insert(this.outboxRow(kind, change, residentId, String(inserted.identifiers[0]!.id), title, body, room));
  }

  /**
   * The same kind of notice about many requests, each to the resident who filed it (an SLA
   * pass's apologies): the inbox lines in one INSERT, their ids read back in one statement,
   * the rooms' labels in one and the outbox rows in one — not two or three statements a
   * request (npm run bench: an SLA pass).
   */
  async noticeResidentsAbout(manager: EntityManager, kind: TicketNoticeKind, changes: TicketChange[]): Promise<void> {
    const items = changes
      .filter((change) => change.ticket.residentId)
      .map((change) => ({ change, residentId: String(change.ticket.residentId), ...this.residentText(kind, change) }));
    if (!items.length) return;
    await insertRows(
      manager,
      Notice,
      items.map(({ change, residentId, title, body }) => ({ residentId, ticketId: change.ticket.id, kind, title, body, createdAt: change.at, readAt: null })),
    );
    if (!this.config.wechatTemplates[kind]) return;
    const ticketIds = items.map((i) => String(i.change.ticket.id));
    const times = items.map((i) => i.change.at.getTime());
    // A multi-row INSERT gives no ids back on every database: each line found by its request, resident, kind and time (the latest, were there two).
    const lines: { id: string; ticketId: string; residentId: string }[] = await manager.query(
      `SELECT id, ticket_id AS ticketId, resident_id AS residentId FROM notices
        WHERE ticket_id IN (${placeholders(ticketIds)}) AND kind = ? AND created_at >= ? AND created_at <= ? ORDER BY id`,
      [...ticketIds, kind, new Date(Math.min(...times)), new Date(Math.max(...times))],
    );
    const noticeIds = new Map(lines.map((l) => [`${l.ticketId}:${l.residentId}`, String(l.id)]));
    const roomIds = [
      ...new Set(items.flatMap(({ change: { ticket } }) => (!ticket.locationLabel && !ticket.room && ticket.roomId ? [String(ticket.roomId)] : []))),
    ];
    const rooms: { id: string; label: string }[] = roomIds.length
      ? await manager.query(`SELECT id, label FROM rooms WHERE id IN (${placeholders(roomIds)})`, roomIds)
      : [];
    const labels = new Map(rooms.map((r) => [String(r.id), r.label]));
    await insertRows(
      manager,
      OutboxMessage,
      items.flatMap(({ change, residentId, title, body }) => {
        const { ticket } = change;
        const noticeId = noticeIds.get(`${ticket.id}:${residentId}`);
        if (!noticeId) return [];
        const room = ticket.locationLabel ?? ticket.room?.label ?? (ticket.roomId ? labels.get(String(ticket.roomId)) : null) ?? '';
        return [this.outboxRow(kind, change, residentId, noticeId, title, body, room)];
      }),
    );
  }

  /** The title and body of a resident's notice about their request (or one they follow). */
  private residentText(kind: TicketNoticeKind, change: TicketChange, followerId?: string): { title: string; body: string } {
    const { ticket } = change;
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
    return { title, body: body.slice(0, 300) };
  }

  /** The outbox row that sends a resident's notice as a subscribe message: the template's keyword values. */
  private outboxRow(
    kind: TicketNoticeKind,
    change: TicketChange,
    residentId: string,
    noticeId: string,
    title: string,
    body: string,
    room: string,
  ): Partial<OutboxMessage> {
    const { ticket, at } = change;
    const note = change.publicNote?.trim() || null;
    const visit = ticket.appointmentAt ?? ticket.slotStart;
    return {
      noticeId,
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
    };
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
}
