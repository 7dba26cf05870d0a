import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OPEN_STATUSES, TicketStatus, PUBLIC_LOCATION_KINDS, deadlinesAtCreation, nextDueAt, transition } from '@yizhan/shared';
import { canSeeTicket } from '../../common/access/access';
import { ResidentAuth, RequestMeta, StaffAuth, actorOf } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError, notFound } from '../../common/errors/app-error';
import { insertRows } from '../../database/plain-insert';
import { isDuplicateKey, placeholders, rowLock } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { NoticesService } from '../notices/notices.service';
import { PlacesService } from '../places/places.service';
import { RoutingService } from '../routing/routing.service';
import { SlaPolicyService } from '../sla/sla-policy.service';
import type { MergeDto, PublicRequestList, RatingDto, SameSpotQuery, TicketDetailView, TicketPage } from './dto/ticket.dto';
import { TicketFollower } from './ticket-follower.entity';
import { TicketViews } from './ticket-views.service';
import { Ticket, TicketEvent } from './ticket.entity';
import { actorEvent, systemEvent } from './timeline';
import { machineStateOf } from './ticket-state';

/**
 * 我也遇到 and merging (DESIGN.md "Where the problem is"). A resident who has the same
 * problem at a public spot follows the open request about it instead of filing another;
 * staff fold a duplicate into the request they keep, and its resident follows that one.
 * Followers get the request's notices and may rate it; past FOLLOWERS_URGENT_AT of them
 * the request becomes urgent.
 */
@Injectable()
export class FollowersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly policies: SlaPolicyService,
    private readonly routing: RoutingService,
    private readonly notices: NoticesService,
    private readonly audit: AuditService,
    private readonly views: TicketViews,
  ) {}

  /** The open requests about the same public spot, oldest first (the one to join), for a resident bound in that community. */
  async sameSpot(auth: ResidentAuth, query: SameSpotQuery): Promise<PublicRequestList> {
    if (!PUBLIC_LOCATION_KINDS.includes(query.kind)) return { items: [] };
    const where = await this.places.resolve(this.dataSource.manager, query);
    await this.requireBoundIn(this.dataSource.manager, auth, where.communityId);
    const rows: (Pick<Ticket, 'id' | 'no' | 'type' | 'status' | 'category' | 'description' | 'locationLabel' | 'followerCount' | 'createdAt' | 'residentId'> & {
      following: number | null;
    })[] = await this.dataSource.query(
      `SELECT t.id, t.no, t.type, t.status, t.category, t.description, t.location_label AS locationLabel, t.follower_count AS followerCount,
                t.created_at AS createdAt, t.resident_id AS residentId,
                (SELECT 1 FROM ticket_followers f WHERE f.ticket_id = t.id AND f.resident_id = ? LIMIT 1) AS following
           FROM tickets t
          WHERE t.community_id = ? AND t.location_kind = ? AND t.status IN (${placeholders(OPEN_STATUSES)})
            AND ${sameSpotColumns(where.kind)}
          ORDER BY t.id LIMIT 20`,
      [auth.residentId, where.communityId, where.kind, ...OPEN_STATUSES, ...sameSpotValues(where)],
    );
    return {
      items: rows.map((t) => ({
        id: String(t.id),
        no: t.no,
        type: t.type,
        status: t.status,
        category: t.category,
        description: t.description,
        locationLabel: t.locationLabel ?? where.label,
        followerCount: Number(t.followerCount),
        createdAt: new Date(t.createdAt).toISOString(),
        mine: String(t.residentId) === auth.residentId,
        following: Boolean(t.following),
      })),
    };
  }

  /** The requests the caller follows, newest first. */
  async following(auth: ResidentAuth): Promise<TicketPage> {
    const rows: { ticketId: string }[] = await this.dataSource.query(
      'SELECT ticket_id AS ticketId FROM ticket_followers WHERE resident_id = ? ORDER BY id DESC LIMIT 50',
      [auth.residentId],
    );
    if (!rows.length) return { items: [], nextCursor: null };
    const list = await this.views.listRowsByIds(
      this.dataSource.manager,
      rows.map((r) => String(r.ticketId)),
    );
    const byId = new Map(list.map((r) => [r.summary.id, r.summary]));
    return { items: rows.flatMap((r) => byId.get(String(r.ticketId)) ?? []), nextCursor: null };
  }

  /** 我也遇到: the caller follows this open public request (again: nothing changes). */
  async follow(auth: ResidentAuth, id: string): Promise<TicketDetailView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.lockPublic(manager, auth, id);
      if (String(ticket.residentId) === auth.residentId) throw new AppError('NOT_PUBLIC_REQUEST', '这是您提交的工单，进展会通知您');
      const now = new Date();
      const added = await this.addFollowers(manager, ticket, [auth.residentId], 'me_too', null, now);
      if (added) {
        const events = [
          actorEvent(ticket.id, auth, now, {
            type: 'followed',
            note: `又一位业主遇到相同问题（我也遇到），共 ${ticket.followerCount} 位关注`,
            data: { followerCount: ticket.followerCount },
          }),
        ];
        const raised = await this.raiseIfCrowded(manager, ticket, now);
        if (raised) events.push(raised);
        await manager.getRepository(Ticket).save(ticket, { reload: false });
        await insertRows(manager, TicketEvent, events);
      }
      return this.views.detail(manager, ticket.id, auth);
    });
  }

  /** 取消关注: no more notices of it. */
  async unfollow(auth: ResidentAuth, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ticket = await manager.getRepository(Ticket).findOne({ where: { id }, lock: rowLock(manager) });
      const removed = ticket ? await manager.getRepository(TicketFollower).delete({ ticketId: id, residentId: auth.residentId }) : null;
      if (!ticket || !removed?.affected) throw notFound('工单');
      await manager.getRepository(Ticket).update({ id }, { followerCount: Math.max(0, ticket.followerCount - 1) });
    });
  }

  /** A follower rates the result once, after resolution, like the resident who filed it. */
  async rate(auth: ResidentAuth, id: string, dto: RatingDto): Promise<TicketDetailView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await manager.getRepository(Ticket).findOne({ where: { id }, lock: rowLock(manager) });
      const row = ticket ? await manager.getRepository(TicketFollower).findOne({ where: { ticketId: id, residentId: auth.residentId } }) : null;
      if (!ticket || !row) throw notFound('工单');
      if (!AFTER_RESOLUTION_STATUSES.includes(ticket.status)) throw new AppError('INVALID_TRANSITION', '处理完成后才能评价');
      if (row.ratedAt) throw new AppError('ALREADY_RATED', '您已评价过该工单');
      const now = new Date();
      const scores = { attitude: dto.attitude, timeliness: dto.timeliness, quality: dto.quality };
      const comment = dto.comment?.trim() || null;
      await manager.getRepository(TicketFollower).update({ id: row.id }, { ...scores, comment, ratedAt: now });
      const event = actorEvent(ticket.id, auth, now, { type: 'follower_rated', note: comment, data: scores });
      await insertRows(manager, TicketEvent, [event]);
      await this.notices.onTicketChange(manager, { ticket, event: 'follower_rated', actor: auth, at: now, visibility: 'internal', data: scores });
      return this.views.detail(manager, ticket.id, auth);
    });
  }

  /**
   * 合并: the duplicate ends (cancelled, pointing at the request kept) and its resident — and
   * whoever followed it — follow the request kept. The duplicate's resident is told; the
   * request kept gets a staff-only line. Its owner or a supervisor does it.
   */
  async merge(auth: StaffAuth, meta: RequestMeta, id: string, dto: MergeDto): Promise<TicketDetailView> {
    if (String(dto.intoTicketId) === String(id)) throw new AppError('MERGE_TARGET_INVALID', '不能合并到工单本身');
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Ticket);
      // Both rows locked, in id order, so two merges of the same pair cannot deadlock.
      const locked = await repo.find({ where: [{ id }, { id: dto.intoTicketId }], order: { id: 'ASC' }, lock: rowLock(manager) });
      const duplicate = locked.find((t) => String(t.id) === String(id));
      const kept = locked.find((t) => String(t.id) === String(dto.intoTicketId));
      if (!duplicate || !canSeeTicket(auth, duplicate)) throw notFound('工单');
      const verdict = transition(machineStateOf(duplicate), 'merge', actorOf(auth));
      if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason);
      if (
        !kept ||
        !canSeeTicket(auth, kept) ||
        String(kept.communityId) !== String(duplicate.communityId) ||
        !OPEN_STATUSES.includes(kept.status) ||
        kept.mergedIntoId
      ) {
        throw new AppError('MERGE_TARGET_INVALID', '请选择本小区另一条处理中的工单');
      }
      const now = new Date();
      Object.assign(duplicate, { status: verdict.to, cancelledAt: now, heldAt: null, mergedIntoId: kept.id, updatedAt: now });
      duplicate.nextDueAt = nextDueAt(duplicate, this.config.sla);
      await repo.save(duplicate, { reload: false });

      const theirFollowers: { residentId: string }[] = await manager.query('SELECT resident_id AS residentId FROM ticket_followers WHERE ticket_id = ?', [
        duplicate.id,
      ]);
      const residents = [...(duplicate.residentId ? [String(duplicate.residentId)] : []), ...theirFollowers.map((f) => String(f.residentId))];
      const added = await this.addFollowers(manager, kept, residents, 'merge', duplicate.id, now);
      const note = dto.note?.trim();
      const told = `您反映的问题与工单 ${kept.no} 相同，已合并处理；后续进展会通知您，处理完成后可以评价`;
      const merged = actorEvent(duplicate.id, auth, now, {
        type: 'merged',
        note: `合并至 ${kept.no}${note ? `：${note}` : ''}`,
        publicNote: told,
        data: { intoTicketId: String(kept.id), intoNo: kept.no },
      });
      const keptEvents = [
        actorEvent(kept.id, auth, now, {
          type: 'duplicate_merged',
          note: `合并重复工单 ${duplicate.no}（${duplicate.category}：${duplicate.description.slice(0, 60)}），新增 ${added} 位关注${note ? `。${note}` : ''}`,
          data: { fromTicketId: String(duplicate.id), fromNo: duplicate.no, followersAdded: added },
        }),
      ];
      const raised = await this.raiseIfCrowded(manager, kept, now);
      if (raised) keptEvents.push(raised);
      kept.updatedAt = now;
      await repo.save(kept, { reload: false });
      await insertRows(manager, TicketEvent, [merged, ...keptEvents]);
      await this.notices.onTicketChange(manager, {
        ticket: duplicate,
        event: 'merged',
        actor: auth,
        at: now,
        publicNote: told,
        visibility: 'public',
        data: { intoNo: kept.no },
      });
      await this.audit.record(manager, auth, meta, {
        action: 'ticket.merge',
        targetType: 'ticket',
        targetId: String(duplicate.id),
        detail: { into: String(kept.id), followersAdded: added },
      });
      return this.views.detail(manager, duplicate.id, auth);
    });
  }

  // ---------------------------------------------------------------- machinery

  /** The open public request, locked, for a resident bound in its community (else as if it did not exist). */
  private async lockPublic(manager: EntityManager, auth: ResidentAuth, id: string): Promise<Ticket> {
    const ticket = await manager.getRepository(Ticket).findOne({ where: { id }, lock: rowLock(manager) });
    if (!ticket) throw notFound('工单');
    await this.requireBoundIn(manager, auth, ticket.communityId, true);
    if (!PUBLIC_LOCATION_KINDS.includes(ticket.locationKind)) throw new AppError('NOT_PUBLIC_REQUEST', '只有公共区域的工单可以“我也遇到”');
    if (!OPEN_STATUSES.includes(ticket.status)) throw new AppError('NOT_PUBLIC_REQUEST', '该工单已处理完成或已关闭，如仍有问题请提交新的报修');
    return ticket;
  }

  private async requireBoundIn(manager: EntityManager, auth: ResidentAuth, communityId: string, hide = false): Promise<void> {
    const [bound] = await manager.query(`SELECT 1 AS ok FROM room_bindings WHERE resident_id = ? AND community_id = ? AND status = 'approved' LIMIT 1`, [
      auth.residentId,
      communityId,
    ]);
    if (bound) return;
    if (hide) throw notFound('工单');
    throw new AppError('ROOM_NOT_BOUND', '请先绑定本小区的房屋，审核通过后即可查看');
  }

  /** New follower rows (the request's own resident and existing followers are skipped); returns how many were added. */
  private async addFollowers(
    manager: EntityManager,
    ticket: Ticket,
    residentIds: string[],
    via: 'me_too' | 'merge',
    fromTicketId: string | null,
    now: Date,
  ): Promise<number> {
    let added = 0;
    for (const residentId of new Set(residentIds)) {
      if (String(ticket.residentId) === residentId) continue;
      try {
        await manager.getRepository(TicketFollower).insert({ ticketId: ticket.id, residentId, via, fromTicketId, createdAt: now });
        added++;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    ticket.followerCount += added;
    return added;
  }

  /**
   * Past FOLLOWERS_URGENT_AT followers an open request becomes urgent: its running limits
   * move to the urgent policy's, counted from now, where that is sooner (never later), and
   * its owner — or, in the pool, the agents on duty — hear of it at once.
   */
  private async raiseIfCrowded(manager: EntityManager, ticket: Ticket, now: Date): Promise<Partial<TicketEvent> | null> {
    const threshold = this.config.followersUrgentAt;
    if (!threshold || ticket.followerCount < threshold || ticket.priority === 'urgent' || !OPEN_STATUSES.includes(ticket.status)) return null;
    const policy = await this.policies.policyFor(manager, ticket.communityId, ticket.type, 'urgent');
    const urgent = deadlinesAtCreation(policy, now, { slotStart: ticket.slotStart });
    const sooner = (current: Date | null, next: Date | null) => (current && next && next < current ? next : current);
    if (!ticket.respondedAt) ticket.respondBy = sooner(ticket.respondBy, urgent.respondBy);
    if (!ticket.onsiteAt) ticket.onsiteBy = sooner(ticket.onsiteBy, urgent.onsiteBy);
    ticket.priority = 'urgent';
    ticket.nextDueAt = nextDueAt(ticket, this.config.sla);
    const title = `${ticket.followerCount + 1} 位业主遇到同一问题，已升为紧急`;
    const targets = ticket.ownerId ? [String(ticket.ownerId)] : await this.routing.onDutyAgents(manager, ticket.communityId, now);
    await this.notices.insertStaffNotices(
      manager,
      targets.map((staffId) => ({
        staffId,
        ticketId: ticket.id,
        kind: 'urgent' as const,
        title,
        body: `${ticket.no} ${ticket.category}：${ticket.description}`.slice(0, 300),
        at: now,
        urgent: true,
      })),
    );
    return systemEvent(ticket.id, now, {
      type: 'priority_raised',
      note: `关注人数达到 ${ticket.followerCount}（阈值 ${threshold}），已升为紧急`,
      data: { followerCount: ticket.followerCount, threshold },
    });
  }
}

/** A follower rates once the request is resolved, like the resident who filed it. */
const AFTER_RESOLUTION_STATUSES: readonly TicketStatus[] = ['resolved', 'closed', 'revisited'];

/** A follower may read the request (TicketViews leaves out what is personal to whoever filed it). */
export function isFollower(manager: EntityManager, residentId: string, ticketId: string): Promise<boolean> {
  return manager.getRepository(TicketFollower).exists({ where: { ticketId, residentId } });
}

/** Which columns say "the same spot" for each public kind. */
function sameSpotColumns(kind: string): string {
  if (kind === 'place') return 't.place_id = ?';
  if (kind === 'zone') return 't.zone_id = ?';
  if (kind === 'unit') return 't.building_id = ? AND t.unit = ?';
  return 't.building_id = ?';
}
function sameSpotValues(where: { kind: string; placeId: string | null; zoneId: string | null; buildingId: string | null; unit: string | null }): unknown[] {
  if (where.kind === 'place') return [where.placeId];
  if (where.kind === 'zone') return [where.zoneId];
  if (where.kind === 'unit') return [where.buildingId, where.unit];
  return [where.buildingId];
}
