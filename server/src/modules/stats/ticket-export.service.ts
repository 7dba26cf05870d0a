import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { once } from 'node:events';
import { DataSource, In } from 'typeorm';
import { LABELS, isoDateOf, localDateTime, overdueClocks } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { Room } from '../communities/community.entities';
import { Staff } from '../staff/staff.entity';
import { Ticket, TicketRating } from '../tickets/ticket.entity';
import type { TicketExportQuery } from './dto/stats.dto';
import { filterTickets, orderTickets } from '../tickets/ticket-filters';
import { staffIdsOf } from '../tickets/ticket-views.service';

/** More than this is not a report any more; the last row says the list was cut. */
export const EXPORT_MAX_ROWS = 50_000;
const BATCH = 1000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const logger = new Logger('TicketExport');

const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '工单号', key: 'no', width: 18 },
  { header: '类型', key: 'type', width: 9 },
  { header: '状态', key: 'status', width: 9 },
  { header: '分类', key: 'category', width: 10 },
  { header: '描述', key: 'description', width: 40 },
  { header: '优先级', key: 'priority', width: 8 },
  { header: '渠道', key: 'channel', width: 8 },
  { header: '房屋', key: 'room', width: 24 },
  { header: '首接人', key: 'owner', width: 10 },
  { header: '处理人', key: 'assignee', width: 10 },
  { header: '创建时间', key: 'createdAt', width: 20, style: { numFmt: TIME_FORMAT } },
  { header: '受理时间', key: 'respondedAt', width: 20, style: { numFmt: TIME_FORMAT } },
  { header: '上门时间', key: 'onsiteAt', width: 20, style: { numFmt: TIME_FORMAT } },
  { header: '完成时间', key: 'resolvedAt', width: 20, style: { numFmt: TIME_FORMAT } },
  { header: '关闭时间', key: 'closedAt', width: 20, style: { numFmt: TIME_FORMAT } },
  { header: '回访时间', key: 'revisitedAt', width: 20, style: { numFmt: TIME_FORMAT } },
  { header: '办结时限', key: 'resolveBy', width: 20, style: { numFmt: TIME_FORMAT } },
  { header: '超时项', key: 'overdue', width: 18 },
  { header: '重开次数', key: 'reopenCount', width: 9 },
  { header: '费用(元)', key: 'fee', width: 9 },
  { header: '评价', key: 'rating', width: 20 },
  { header: '评价内容', key: 'ratingComment', width: 30 },
];

/**
 * Excel has no time zones: a cell holds a wall-clock reading. Write the Asia/Shanghai
 * reading (what the front ends show) as a real date cell, so it sorts and filters.
 */
function shanghaiCell(at: Date | null): Date | null {
  if (!at) return null;
  const l = localDateTime(at);
  return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond));
}

/** GET /admin/reports/tickets.xlsx: the filtered ticket list, streamed row by row so memory stays flat. */
@Injectable()
export class TicketExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(auth: StaffAuth, meta: RequestMeta, query: TicketExportQuery, res: Response, now = new Date()): Promise<void> {
    const sort = query.sort ?? 'newest';
    const base = filterTickets(this.dataSource.getRepository(Ticket).createQueryBuilder('t'), auth, query, now);

    // Keyset batches in the list's order, so a 50,000-row export never holds more than one batch.
    const batch = async (after: Ticket | null, limit: number): Promise<Ticket[]> =>
      orderTickets(base.clone(), sort, after ? { id: String(after.id), resolveBy: after.resolveBy } : null)
        .limit(limit)
        .getMany();

    // The first batch runs before any byte is sent, so a bad filter is still a JSON error.
    const rows = await batch(null, Math.min(BATCH, EXPORT_MAX_ROWS + 1));
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'ticket.export', targetType: 'ticket', detail: exportDetail(query) });

    const stamp = isoDateOf(localDateTime(now)).replace(/-/g, '');
    res.status(200);
    res.setHeader('Content-Type', XLSX_MIME);
    res.setHeader('Content-Disposition', `attachment; filename="tickets-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`工单导出-${stamp}.xlsx`)}`);
    res.setHeader('Cache-Control', 'no-store');

    try {
      await this.write(res, rows, batch, now);
    } catch (e) {
      // The status line is gone: all that is left is to cut the download, so the file is visibly broken.
      logger.error(`ticket export failed after the headers were sent: ${(e as Error).message}`);
      res.destroy(e as Error);
    }
  }

  private async write(res: Response, first: Ticket[], batch: (after: Ticket, limit: number) => Promise<Ticket[]>, now: Date): Promise<void> {
    let rows = first;
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('工单', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS;
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();

    let written = 0;
    let truncated = false;
    while (rows.length) {
      const left = EXPORT_MAX_ROWS - written;
      if (rows.length > left) {
        rows = rows.slice(0, left);
        truncated = true;
      }
      for (const line of await this.lines(rows, now)) sheet.addRow(line).commit();
      written += rows.length;
      if (truncated || rows.length < BATCH) break;
      if (res.writableNeedDrain) await once(res, 'drain');
      rows = await batch(rows[rows.length - 1]!, Math.min(BATCH, EXPORT_MAX_ROWS - written + 1));
    }
    if (truncated) sheet.addRow({ no: `仅导出前 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围后分批导出` }).commit();
    sheet.commit();
    await workbook.commit();
  }

  /** One batch as sheet rows: names, rooms and ratings loaded in three queries. */
  private async lines(tickets: Ticket[], now: Date): Promise<Record<string, unknown>[]> {
    const m = this.dataSource.manager;
    const ids = tickets.map((t) => String(t.id));
    const roomIds = [...new Set(tickets.map((t) => String(t.roomId)))];
    const staffIds = staffIdsOf(tickets);
    const [rooms, staff, ratings] = await Promise.all([
      m.getRepository(Room).find({ where: { id: In(roomIds) }, select: { id: true, label: true } }),
      staffIds.length ? m.getRepository(Staff).find({ where: { id: In(staffIds) }, select: { id: true, name: true } }) : Promise.resolve([]),
      m.getRepository(TicketRating).find({ where: { ticketId: In(ids) } }),
    ]);
    const roomLabel = new Map(rooms.map((r) => [String(r.id), r.label]));
    const staffName = new Map(staff.map((s) => [String(s.id), s.name]));
    const ratingOf = new Map(ratings.map((r) => [String(r.ticketId), r]));
    const name = (id: string | null) => (id === null ? null : (staffName.get(String(id)) ?? null));
    return tickets.map((t) => {
      const rating = ratingOf.get(String(t.id));
      const overdue = overdueClocks(
        t,
        {
          respondedAt: t.respondedAt,
          onsiteAt: t.onsiteAt,
          resolvedAt: t.resolvedAt,
          closedAt: t.closedAt,
          revisitedAt: t.revisitedAt,
          cancelledAt: t.cancelledAt,
        },
        now,
        { heldAt: t.heldAt },
      );
      return {
        no: t.no,
        type: LABELS.type[t.type],
        status: LABELS.status[t.status],
        category: t.category,
        description: t.description,
        priority: LABELS.priority[t.priority],
        channel: LABELS.channel[t.channel],
        room: roomLabel.get(String(t.roomId)) ?? null,
        owner: name(t.ownerId),
        assignee: name(t.assigneeId),
        createdAt: shanghaiCell(t.createdAt),
        respondedAt: shanghaiCell(t.respondedAt),
        onsiteAt: shanghaiCell(t.onsiteAt),
        resolvedAt: shanghaiCell(t.resolvedAt),
        closedAt: shanghaiCell(t.closedAt),
        revisitedAt: shanghaiCell(t.revisitedAt),
        resolveBy: shanghaiCell(t.resolveBy),
        overdue: overdue.map((c) => LABELS.clock[c]).join('、') || null,
        reopenCount: t.reopenCount,
        fee: t.fee,
        rating: rating ? `态度${rating.attitude} 时效${rating.timeliness} 质量${rating.quality}` : null,
        ratingComment: rating?.comment ?? null,
      };
    });
  }
}

/** The filters as given, for the audit log (who exported what). */
function exportDetail(query: TicketExportQuery): Record<string, string | number | boolean | null> {
  const detail: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null) detail[k] = typeof v === 'object' ? String(v) : (v as string | number | boolean);
  return detail;
}
