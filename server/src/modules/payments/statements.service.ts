import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { Between, DataSource } from 'typeorm';
import { LABELS, fromLocalDateTime, localDateTime, parseYuan } from '@yizhan/shared';
import { isAdmin, requireCommunityParam } from '../../common/access/access';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { Community } from '../communities/community.entities';
import { Payment, Refund } from './payment.entities';
import type { TradeBillCheckView, TradeBillMismatchView } from './payments.dto';
import { WechatpayClient } from './wechatpay.client';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** [start, end) of a day in Asia/Shanghai. */
export function shanghaiDay(date: string): [Date, Date] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const start = fromLocalDateTime({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 });
  if (Number.isNaN(start.getTime()) || localDateTime(start).day !== day) throw new AppError('VALIDATION_FAILED', '日期无效', { date: ['not a calendar day'] });
  return [start, new Date(start.getTime() + 86400_000)];
}

const yuan = (fen: number) => Math.round(fen) / 100;
const shanghai = (d: Date) => {
  const l = localDateTime(d);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)}`;
};

/**
 * Reconciliation: the daily statement per community (every payment, WeChat and offline, and
 * every refund that completed that Beijing day, with totals) as Excel, and the check of our
 * WeChat Pay payments against WeChat Pay's trade bill of the day.
 */
@Injectable()
export class StatementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: WechatpayClient,
    private readonly audit: AuditService,
  ) {}

  async dailyStatement(auth: StaffAuth, meta: RequestMeta, communityId: string, date: string, res: Response): Promise<void> {
    requireCommunityParam(auth, communityId);
    const [from, to] = shanghaiDay(date);
    const [community, payments, refunds] = await Promise.all([
      this.dataSource.getRepository(Community).findOne({ where: { id: communityId } }),
      this.dataSource
        .getRepository(Payment)
        .find({ where: { communityId, status: 'paid', paidAt: Between(from, new Date(to.getTime() - 1)) }, order: { paidAt: 'ASC', id: 'ASC' } }),
      this.dataSource
        .getRepository(Refund)
        .find({ where: { communityId, status: 'success', succeededAt: Between(from, new Date(to.getTime() - 1)) }, order: { succeededAt: 'ASC', id: 'ASC' } }),
    ]);
    const ticketIds = [...new Set([...payments, ...refunds].map((p) => String(p.ticketId)))];
    const tickets = ticketIds.length
      ? await this.dataSource.query(
          `SELECT t.id, t.no, r.label FROM tickets t JOIN rooms r ON r.id = t.room_id WHERE t.id IN (${ticketIds.map(() => '?').join(',')})`,
          ticketIds,
        )
      : [];
    const byTicket = new Map<string, { no: string; label: string }>((tickets as { id: string; no: string; label: string }[]).map((t) => [String(t.id), t]));
    const paymentsById = new Map(payments.map((p) => [String(p.id), p]));

    const wb = new ExcelJS.Workbook();
    wb.creator = 'Yizhan';
    const summary = wb.addWorksheet('汇总');
    summary.columns = [
      { header: '项目', width: 22 },
      { header: '笔数', width: 10 },
      { header: '金额（元）', width: 16, style: { numFmt: '0.00' } },
    ];
    const sum = (list: { amountFen: number }[]) => list.reduce((s, p) => s + p.amountFen, 0);
    for (const method of ['wechat', 'cash', 'qr'] as const) {
      const list = payments.filter((p) => p.method === method);
      summary.addRow([`收款：${LABELS.paymentMethod[method]}`, list.length, yuan(sum(list))]);
    }
    summary.addRow(['退款', refunds.length, yuan(-sum(refunds))]);
    summary.addRow(['净额', payments.length + refunds.length, yuan(sum(payments) - sum(refunds))]);
    summary.addRow([]);
    summary.addRow([`${community?.name ?? ''} ${date}（北京时间）`]);

    const paid = wb.addWorksheet('收款明细');
    paid.columns = [
      { header: '付款时间', width: 18 },
      { header: '工单号', width: 18 },
      { header: '房屋', width: 24 },
      { header: '方式', width: 10 },
      { header: '金额（元）', width: 12, style: { numFmt: '0.00' } },
      { header: '商户订单号', width: 26 },
      { header: '微信支付单号', width: 30 },
      { header: '收款人', width: 10 },
      { header: '备注', width: 24 },
    ];
    for (const p of payments) {
      const t = byTicket.get(String(p.ticketId));
      paid.addRow([
        shanghai(p.paidAt!),
        t?.no ?? '',
        t?.label ?? '',
        LABELS.paymentMethod[p.method],
        yuan(p.amountFen),
        p.outTradeNo,
        p.transactionId ?? '',
        p.recordedByName ?? '',
        p.note ?? '',
      ]);
    }
    const back = wb.addWorksheet('退款明细');
    back.columns = [
      { header: '退款完成时间', width: 18 },
      { header: '工单号', width: 18 },
      { header: '房屋', width: 24 },
      { header: '原付款方式', width: 12 },
      { header: '金额（元）', width: 12, style: { numFmt: '0.00' } },
      { header: '商户退款单号', width: 26 },
      { header: '经办人', width: 10 },
      { header: '原因', width: 24 },
    ];
    for (const r of refunds) {
      const t = byTicket.get(String(r.ticketId));
      const method =
        paymentsById.get(String(r.paymentId))?.method ?? (await this.dataSource.getRepository(Payment).findOne({ where: { id: r.paymentId } }))?.method;
      back.addRow([
        shanghai(r.succeededAt!),
        t?.no ?? '',
        t?.label ?? '',
        method ? LABELS.paymentMethod[method] : '',
        yuan(r.amountFen),
        r.outRefundNo,
        r.createdByName,
        r.reason,
      ]);
    }
    for (const sheet of [summary, paid, back]) sheet.getRow(1).font = { bold: true };
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'payment.statement',
      targetType: 'community',
      targetId: communityId,
      detail: { date },
    });
    const name = encodeURIComponent(`日结单-${date.replace(/-/g, '')}.xlsx`);
    res.setHeader('Content-Type', XLSX_MIME);
    res.setHeader('Content-Disposition', `attachment; filename="statement-${date}.xlsx"; filename*=UTF-8''${name}`);
    res.end(Buffer.from(await wb.xlsx.writeBuffer()));
  }

  /**
   * WeChat Pay's trade bill of the day against our WeChat payments of that day (the merchant
   * account is the whole property company's, so this is an admin's check): orders in the bill
   * we did not record as paid, payments of ours the bill lacks, and differing amounts.
   */
  async tradeBillCheck(auth: StaffAuth, date: string): Promise<TradeBillCheckView> {
    if (!isAdmin(auth)) throw new AppError('FORBIDDEN', '只有系统管理员可以核对微信支付账单');
    if (!this.client.enabled) throw new AppError('PAYMENT_UNAVAILABLE', '未开通微信支付，没有交易账单');
    const [from, to] = shanghaiDay(date);
    const csv = await this.client.tradeBill(date);
    const bill = new Map<string, number>();
    for (const line of csv.split(/\r?\n/).slice(1)) {
      const cells = line.split(',').map((c) => c.replace(/^`/, ''));
      if (cells.length < 13 || cells[9] !== 'SUCCESS') continue;
      const fen = parseYuan(cells[12] ?? '');
      if (fen !== null) bill.set(cells[6]!, (bill.get(cells[6]!) ?? 0) + fen);
    }
    const ours = await this.dataSource
      .getRepository(Payment)
      .find({ where: { method: 'wechat', status: 'paid', paidAt: Between(from, new Date(to.getTime() - 1)) } });
    const mine = new Map(ours.map((p) => [p.outTradeNo, p.amountFen]));
    const mismatches: TradeBillMismatchView[] = [];
    for (const [no, fen] of bill) {
      const here = mine.get(no);
      if (here === undefined) {
        // Paid at WeChat Pay but not here that day: perhaps recorded on another day, or never.
        const elsewhere = await this.dataSource.getRepository(Payment).findOne({ where: { outTradeNo: no } });
        mismatches.push({ outTradeNo: no, kind: 'missing_here', billFen: fen, ourFen: elsewhere?.status === 'paid' ? elsewhere.amountFen : null });
      } else if (here !== fen) {
        mismatches.push({ outTradeNo: no, kind: 'amount', billFen: fen, ourFen: here });
      }
    }
    for (const [no, fen] of mine) if (!bill.has(no)) mismatches.push({ outTradeNo: no, kind: 'missing_in_bill', billFen: null, ourFen: fen });
    return {
      date,
      billCount: bill.size,
      billTotalFen: [...bill.values()].reduce((s, f) => s + f, 0),
      ourCount: ours.length,
      ourTotalFen: ours.reduce((s, p) => s + p.amountFen, 0),
      mismatches,
    };
  }
}
