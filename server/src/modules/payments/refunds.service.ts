import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LABELS, formatFen } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { AppError, notFound } from '../../common/errors/app-error';
import { insertRow } from '../../database/plain-insert';
import { rowLock } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { Payment, Refund } from './payment.entities';
import type { RefundDto, SettlementView } from './payments.dto';
import { SettlementViews } from './settlement-views.service';
import { SettlementWriter } from './settlement';
import { WechatpayApiError, WechatpayClient, WechatpayRefund } from './wechatpay.client';
import { randomBytes } from 'node:crypto';

/**
 * Refunds (full or partial) by a supervisor. An offline payment's refund is money handed
 * back and is done at once; a WeChat Pay refund is PROCESSING until WeChat Pay says
 * SUCCESS — in its answer or in its own REFUND.SUCCESS notification, recorded once.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger('Refunds');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: WechatpayClient,
    private readonly settlement: SettlementWriter,
    private readonly views: SettlementViews,
    private readonly audit: AuditService,
  ) {}

  async refund(auth: StaffAuth, meta: RequestMeta, ticketId: string, paymentId: string, dto: RefundDto): Promise<SettlementView> {
    if (!auth.roles.includes('supervisor')) throw new AppError('FORBIDDEN', '只有客服主管可以退款');
    const reason = dto.reason.trim();
    const { refund, payment } = await this.dataSource.transaction(async (manager) => {
      const ticket = await this.settlement.lock(manager, auth, ticketId);
      const payment = await manager.getRepository(Payment).findOne({ where: { id: paymentId, ticketId: ticket.id }, lock: rowLock(manager) });
      if (!payment) throw notFound('付款记录');
      if (payment.status !== 'paid') throw new AppError('INVALID_TRANSITION', '该笔付款尚未完成，不能退款');
      const left = payment.amountFen - payment.refundedFen;
      if (dto.amountFen > left) throw new AppError('REFUND_TOO_LARGE', `最多可退 ${formatFen(left)}`);
      const now = new Date();
      await manager.getRepository(Payment).update({ id: payment.id }, { refundedFen: payment.refundedFen + dto.amountFen, updatedAt: now });
      const offline = payment.method !== 'wechat';
      const values = {
        paymentId: payment.id,
        ticketId: ticket.id,
        communityId: ticket.communityId,
        outRefundNo: `RF${now.getTime().toString(36).toUpperCase()}${randomBytes(6).toString('hex').toUpperCase()}`,
        amountFen: dto.amountFen,
        reason,
        status: offline ? ('success' as const) : ('processing' as const),
        refundId: null,
        createdByStaffId: auth.staffId,
        createdByName: auth.name,
        createdAt: now,
        succeededAt: offline ? now : null,
      };
      const id = await insertRow(manager, Refund, values);
      if (offline) {
        const amount = formatFen(dto.amountFen);
        await this.settlement.record(manager, ticket, auth, now, {
          type: 'refunded',
          note: `${auth.name} 退款 ${amount}（${LABELS.paymentMethod[payment.method]}，线下退回）：${reason}`,
          publicNote: `已为您退款 ${amount}（${LABELS.paymentMethod[payment.method]}退回）`,
          data: { refundId: id, paymentId: String(payment.id), amountFen: dto.amountFen },
        });
      }
      await this.audit.record(manager, auth, meta, {
        action: 'payment.refund',
        targetType: 'ticket',
        targetId: ticket.id,
        detail: { refundId: id, paymentId: String(payment.id), amountFen: dto.amountFen, reason },
      });
      return { refund: manager.getRepository(Refund).create({ ...values, id }), payment };
    });
    if (payment.method === 'wechat') {
      let answer: WechatpayRefund;
      try {
        // WeChat shows the payer the reason: a fixed, kind one; the supervisor's own words stay with the staff.
        answer = await this.client.refund({
          outTradeNo: payment.outTradeNo,
          outRefundNo: refund.outRefundNo,
          reason: '物业服务费用退款',
          refundFen: refund.amountFen,
          totalFen: payment.amountFen,
        });
      } catch (e) {
        if (e instanceof WechatpayApiError) {
          // Refused outright (not enough balance …): nothing was refunded; the amount is refundable again.
          await this.finish(refund.outRefundNo, 'abnormal', null, null);
          throw new AppError('WECHATPAY_UNAVAILABLE', `微信支付未受理退款：${e.detail}`);
        }
        throw e;
      }
      const status = answer.status ?? answer.refund_status;
      if (status === 'SUCCESS') await this.finish(refund.outRefundNo, 'success', answer.refund_id, answer.success_time ?? null);
      else await this.dataSource.getRepository(Refund).update({ id: refund.id, status: 'processing' }, { refundId: answer.refund_id });
    }
    return this.dataSource.transaction(async (manager) => this.views.settlement(manager, auth, await this.settlement.lock(manager, auth, ticketId)));
  }

  /** REFUND.SUCCESS / REFUND.CLOSED / REFUND.ABNORMAL, verified and decrypted by the caller. */
  async applyNotification(resource: Record<string, unknown>): Promise<void> {
    const outRefundNo = String(resource.out_refund_no ?? '');
    const status = String(resource.refund_status ?? '');
    const outcome = status === 'SUCCESS' ? 'success' : status === 'CLOSED' ? 'closed' : status === 'ABNORMAL' ? 'abnormal' : null;
    if (!outcome) return;
    await this.finish(
      outRefundNo,
      outcome,
      typeof resource.refund_id === 'string' ? resource.refund_id : null,
      typeof resource.success_time === 'string' ? resource.success_time : null,
    );
  }

  /** A WeChat Pay refund's end, recorded once: success writes the timeline; closed / abnormal give the amount back to refund again. */
  private async finish(outRefundNo: string, outcome: 'success' | 'closed' | 'abnormal', refundId: string | null, successTime: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(Refund).findOne({ where: { outRefundNo } });
      if (!found) {
        this.logger.error(`WeChat Pay refund ${outRefundNo} matches no refund here`);
        return;
      }
      const ticket = await this.settlement.lock(manager, null, found.ticketId);
      const refund = (await manager.getRepository(Refund).findOne({ where: { id: found.id }, lock: rowLock(manager) }))!;
      if (refund.status !== 'processing') return; // told before (the answer, then the notification)
      const now = new Date();
      const succeededAt = outcome === 'success' ? (successTime && !Number.isNaN(Date.parse(successTime)) ? new Date(successTime) : now) : null;
      await manager.getRepository(Refund).update({ id: refund.id }, { status: outcome, refundId: refundId ?? refund.refundId, succeededAt });
      if (outcome !== 'success') {
        const payment = (await manager.getRepository(Payment).findOne({ where: { id: refund.paymentId }, lock: rowLock(manager) }))!;
        await manager.getRepository(Payment).update({ id: payment.id }, { refundedFen: Math.max(0, payment.refundedFen - refund.amountFen), updatedAt: now });
        this.logger.warn(`WeChat Pay refund ${outRefundNo} ended ${outcome}`);
        return;
      }
      const amount = formatFen(refund.amountFen);
      await this.settlement.record(manager, ticket, null, now, {
        type: 'refunded',
        note: `退款 ${amount} 已原路退回（微信支付，${refund.createdByName}：${refund.reason}）`,
        publicNote: `退款 ${amount} 已原路退回您的微信`,
        data: { refundId: String(refund.id), paymentId: String(refund.paymentId), amountFen: refund.amountFen },
      });
    });
  }
}
