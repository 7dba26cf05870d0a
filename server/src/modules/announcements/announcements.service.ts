import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requireCommunity, requireCommunityParam } from '../../common/access/access';
import type { RequestMeta, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { onConflictUpdate, placeholders } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { FilesService } from '../files/files.service';
import { Incident } from '../incidents/incident.entities';
import { areaLabel, checkArea, covers, residentPlaces } from '../incidents/area';
import { friendlyTime } from '../notices/notices.service';
import { Announcement } from './announcement.entities';
import type { AnnouncementView, CreateAnnouncementDto, ResidentAnnouncementView, UpdateAnnouncementDto } from './announcements.dto';

/** An announcement made from an incident stays up this long after the incident's expected end. */
const INCIDENT_ANNOUNCEMENT_TAIL_MS = 24 * 3600_000;

/**
 * 公告: staff publish per community or area, with pictures (POST /uploads, attached with no
 * ticket), a validity window and a pin; residents bound in the area read the valid ones on
 * the home page and in 消息; each first read counts once (the read count staff see).
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly audit: AuditService,
  ) {}

  async create(auth: StaffAuth, meta: RequestMeta, dto: CreateAnnouncementDto, incidentId: string | null = null): Promise<AnnouncementView> {
    requireCommunityParam(auth, dto.communityId);
    const now = new Date();
    const startsAt = dto.startsAt ? new Date(dto.startsAt) : now;
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    if (endsAt && endsAt <= startsAt) throw new AppError('VALIDATION_FAILED', '结束时间应晚于开始时间', { endsAt: ['must be after startsAt'] });
    const zoneIds = [...new Set((dto.zoneIds ?? []).map(String))];
    const buildingIds = [...new Set((dto.buildingIds ?? []).map(String))];
    await checkArea(this.dataSource.manager, dto.communityId, zoneIds, buildingIds);
    const id = await this.dataSource.transaction(async (manager) => {
      const photoIds = await this.files.attach(manager, auth, dto.photoIds, null);
      const inserted = await manager.getRepository(Announcement).insert({
        communityId: dto.communityId,
        zoneIds,
        buildingIds,
        title: dto.title.trim(),
        body: dto.body.trim(),
        photoIds,
        startsAt,
        endsAt,
        pinned: dto.pinned ?? false,
        incidentId,
        createdById: auth.staffId,
        createdByName: auth.name,
        createdAt: now,
        updatedAt: now,
      });
      const newId = String(inserted.identifiers[0]!.id);
      await this.audit.record(manager, auth, meta, {
        action: 'announcement.create',
        targetType: 'announcement',
        targetId: newId,
        detail: { title: dto.title, incidentId },
      });
      return newId;
    });
    return this.get(auth, id);
  }

  /** One click on the incident page: the incident's area, text and times as a pinned announcement. */
  async fromIncident(auth: StaffAuth, meta: RequestMeta, incidentId: string): Promise<AnnouncementView> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id: incidentId });
    if (!incident) throw new AppError('NOT_FOUND', '事件不存在');
    requireCommunity(auth, incident.communityId, '事件');
    const area = await areaLabel(this.dataSource.manager, incident);
    const planned = !incident.resolvedAt && incident.startsAt > new Date();
    const title = incident.resolvedAt ? `${incident.title}已恢复` : `${planned ? '计划' : ''}${incident.title}通知`;
    const body = incident.resolvedAt
      ? `${area}${incident.title}已于 ${friendlyTime(incident.resolvedAt)} 恢复：${incident.resolution ?? ''}`
      : `${area}${planned ? '计划' : ''}${incident.title}：${friendlyTime(incident.startsAt)} 至 ${friendlyTime(incident.expectedEndAt)}。原因：${incident.cause}。请提前做好准备，如有不便，敬请谅解。`;
    const end = (incident.resolvedAt ?? incident.expectedEndAt).getTime() + INCIDENT_ANNOUNCEMENT_TAIL_MS;
    return this.create(
      auth,
      meta,
      {
        communityId: incident.communityId,
        zoneIds: incident.zoneIds,
        buildingIds: incident.buildingIds,
        title: title.slice(0, 60),
        body,
        pinned: true,
        endsAt: new Date(end).toISOString(),
      },
      String(incident.id),
    );
  }

  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: UpdateAnnouncementDto): Promise<AnnouncementView> {
    const row = await this.find(auth, id);
    const endsAt = dto.endsAt === undefined ? row.endsAt : dto.endsAt === null ? null : new Date(dto.endsAt);
    if (endsAt && endsAt <= row.startsAt && dto.endsAt !== undefined && endsAt.getTime() < Date.now() - 60_000) {
      throw new AppError('VALIDATION_FAILED', '结束时间应晚于开始时间', { endsAt: ['must be after startsAt'] });
    }
    await this.dataSource.getRepository(Announcement).update(
      { id },
      {
        ...(dto.title !== undefined ? { title: dto.title.trim() } : {}),
        ...(dto.body !== undefined ? { body: dto.body.trim() } : {}),
        ...(dto.pinned !== undefined ? { pinned: dto.pinned } : {}),
        endsAt,
        updatedAt: new Date(),
      },
    );
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'announcement.update',
      targetType: 'announcement',
      targetId: id,
      detail: { ...dto },
    });
    return this.get(auth, id);
  }

  async list(auth: StaffAuth, communityId: string): Promise<AnnouncementView[]> {
    requireCommunityParam(auth, communityId);
    const rows = await this.dataSource.getRepository(Announcement).find({ where: { communityId }, order: { id: 'DESC' }, take: 100 });
    const reads = await this.readCounts(rows.map((r) => String(r.id)));
    const out: AnnouncementView[] = [];
    for (const r of rows) out.push(await this.view(this.dataSource.manager, r, reads.get(String(r.id)) ?? 0));
    return out;
  }

  async get(auth: StaffAuth, id: string): Promise<AnnouncementView> {
    const row = await this.find(auth, id);
    return this.view(this.dataSource.manager, row, (await this.readCounts([id])).get(String(id)) ?? 0);
  }

  // ---------------------------------------------------------------- residents

  /** Valid announcements covering any of the resident's rooms: pinned first, then newest. */
  async forResident(auth: ResidentAuth): Promise<{ items: ResidentAnnouncementView[]; unread: number }> {
    const mine = await this.visibleTo(auth);
    if (!mine.length) return { items: [], unread: 0 };
    const ids = mine.map((a) => String(a.id));
    const read: { id: string }[] = await this.dataSource.query(
      `SELECT announcement_id AS id FROM announcement_reads WHERE resident_id = ? AND announcement_id IN (${placeholders(ids)})`,
      [auth.residentId, ...ids],
    );
    const readIds = new Set(read.map((r) => String(r.id)));
    const items = mine.map((a) => ({
      id: String(a.id),
      title: a.title,
      body: a.body,
      photos: this.files.signedUrls(a.photoIds),
      pinned: a.pinned,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt?.toISOString() ?? null,
      read: readIds.has(String(a.id)),
    }));
    return { items, unread: items.filter((i) => !i.read).length };
  }

  /** The resident opened it: counted once. Announcements outside their area do not exist for them. */
  async markRead(auth: ResidentAuth, id: string): Promise<void> {
    const mine = await this.visibleTo(auth);
    if (!mine.some((a) => String(a.id) === String(id))) throw new AppError('NOT_FOUND', '公告不存在');
    await this.recordReads(auth, [String(id)]);
  }

  /** 全部已读 on the 消息 page: every valid announcement of the resident's area. */
  async markAllRead(auth: ResidentAuth): Promise<number> {
    const ids = (await this.visibleTo(auth)).map((a) => String(a.id));
    await this.recordReads(auth, ids);
    return ids.length;
  }

  // ---------------------------------------------------------------- machinery

  private async recordReads(auth: ResidentAuth, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const now = new Date();
    const tuples = ids.map(() => '(?, ?, ?)').join(', ');
    // The first read counts; a second changes nothing (the read time stays the first one).
    await this.dataSource.query(
      `INSERT INTO announcement_reads (announcement_id, resident_id, read_at) VALUES ${tuples} ${onConflictUpdate(this.dataSource, ['announcement_id', 'resident_id'], 'read_at = read_at')}`,
      ids.flatMap((id) => [id, auth.residentId, now]),
    );
  }

  private async visibleTo(auth: ResidentAuth): Promise<Announcement[]> {
    const places = await residentPlaces(this.dataSource.manager, auth.residentId);
    if (!places.length) return [];
    const communities = [...new Set(places.map((p) => String(p.communityId)))];
    const now = new Date();
    const rows = await this.dataSource
      .getRepository(Announcement)
      .createQueryBuilder('a')
      .where('a.community_id IN (:...communities)', { communities })
      .andWhere('a.starts_at <= :now AND (a.ends_at IS NULL OR a.ends_at > :now)', { now })
      .orderBy('a.pinned', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(200)
      .getMany();
    return rows.filter((a) => places.some((p) => covers(a, p))).slice(0, 50);
  }

  private async find(auth: StaffAuth, id: string): Promise<Announcement> {
    const row = await this.dataSource.getRepository(Announcement).findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', '公告不存在');
    requireCommunity(auth, row.communityId, '公告');
    return row;
  }

  private async readCounts(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: { id: string; n: number }[] = await this.dataSource.query(
      `SELECT announcement_id AS id, COUNT(*) AS n FROM announcement_reads WHERE announcement_id IN (${placeholders(ids)}) GROUP BY announcement_id`,
      ids,
    );
    return new Map(rows.map((r) => [String(r.id), Number(r.n)]));
  }

  private async view(manager: EntityManager, a: Announcement, readCount: number): Promise<AnnouncementView> {
    const now = Date.now();
    const state = a.startsAt.getTime() > now ? 'scheduled' : a.endsAt && a.endsAt.getTime() <= now ? 'ended' : 'active';
    const where = [`b.community_id = ? AND b.status = 'approved'`];
    const area = [];
    if (a.zoneIds.length) area.push(`r.zone_id IN (${placeholders(a.zoneIds)})`);
    if (a.buildingIds.length) area.push(`r.building_id IN (${placeholders(a.buildingIds)})`);
    if (area.length) where.push(`(${area.join(' OR ')})`);
    const [audience] = await manager.query(
      `SELECT COUNT(DISTINCT b.resident_id) AS n FROM room_bindings b JOIN rooms r ON r.id = b.room_id WHERE ${where.join(' AND ')}`,
      [String(a.communityId), ...a.zoneIds, ...a.buildingIds],
    );
    return {
      id: String(a.id),
      communityId: String(a.communityId),
      zoneIds: a.zoneIds.map(String),
      buildingIds: a.buildingIds.map(String),
      areaLabel: await areaLabel(manager, a),
      title: a.title,
      body: a.body,
      photos: this.files.signedUrls(a.photoIds),
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt?.toISOString() ?? null,
      pinned: a.pinned,
      state,
      incidentId: a.incidentId === null ? null : String(a.incidentId),
      readCount,
      audienceCount: Number(audience?.n ?? 0),
      createdByName: a.createdByName,
      createdAt: a.createdAt.toISOString(),
    };
  }
}
