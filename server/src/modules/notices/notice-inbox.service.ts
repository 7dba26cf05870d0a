import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { SUBSCRIBE_RESULTS, SubscribeResult } from '@yizhan/shared';
import type { ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { staffAccessIsCurrent } from '../../common/auth/staff-access';
import { AppError } from '../../common/errors/app-error';
import { PageQuery, PageResult, keysetPage, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { onConflictUpdate } from '../../database/sql';
import type { NoticeView, StaffNoticeView } from './dto/notice.dto';
import { Notice, StaffNotice } from './notice.entities';
import { STAFF_EVENT_TYPE } from './notices.service';

/**
 * What residents and staff read of their notices (NoticesService writes them): the resident's
 * inbox and subscribe-message consent, the staff's list, and what the staff event stream reads.
 */
@Injectable()
export class NoticeInbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
