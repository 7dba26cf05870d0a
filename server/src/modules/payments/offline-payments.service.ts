import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LABELS, formatFen } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { insertRow } from '../../database/plain-insert';
import { AuditService } from '../audit/audit.service';
import { Payment } from './payment.entities';
import type { OfflinePaymentDto, SettlementView, WaiveDto } from './payments.dto';
import { merchantNo } from './payments.service';
import { SettlementViews } from './settlement-views.service';
import { SettlementWriter } from './settlement';

/** Money that does not go through WeChat Pay: an offline payment staff record (现金, 物业收款码), and a supervisor's waiver (免收). */
@Injectable()
export class OfflinePayments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settlement: SettlementWriter,
    private readonly views: SettlementViews,
    private readonly audit: AuditService,
  ) {}

  async recordOffline(auth: StaffAuth, meta: RequestMeta, ticketId: string, dto: OfflinePaymentDto): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.settlement.lock(manager, auth, ticketId);
      this.settlement.check(ticket, 'record_payment', auth);
      if (dto.amountFen !== ticket.dueFen) {
        throw new AppError('VALIDATION_FAILED', `收款金额应为待收的 ${formatFen(ticket.dueFen)}`, {
          amountFen: [`must equal the amount due (${ticket.dueFen})`],
        });
      }
      const now = new Date();
      const note = dto.note?.trim() || null;
      const paymentId = await insertRow(manager, Payment, {
        ticketId: ticket.id,
        communityId: ticket.communityId,
        outTradeNo: merchantNo('XX', now),
        method: dto.method,
        status: 'paid',
        amountFen: dto.amountFen,
        refundedFen: 0,
        prepayId: null,
        payerOpenid: null,
        transactionId: null,
        expiresAt: null,
        sweepUntil: null,
        paidAt: now,
        recordedByStaffId: auth.staffId,
        recordedByName: auth.name,
        note,
        createdAt: now,
        updatedAt: now,
      });
      await this.expireOpenOrders(manager, ticket.id, now);
      ticket.paidFen += dto.amountFen;
      const how = LABELS.paymentMethod[dto.method];
      const amount = formatFen(dto.amountFen);
      await this.settlement.record(manager, ticket, auth, now, {
        type: 'paid',
        note: `${auth.name} 登记线下收款 ${amount}（${how}）${note ? `：${note}` : ''}`,
        publicNote: `已收到您的付款 ${amount}（${how}）`,
        data: { paymentId, method: dto.method, amountFen: dto.amountFen },
      });
      await this.audit.record(manager, auth, meta, {
        action: 'payment.offline',
        targetType: 'ticket',
        targetId: ticket.id,
        detail: { paymentId, method: dto.method, amountFen: dto.amountFen },
      });
      return this.views.settlement(manager, auth, ticket);
    });
  }

  /** 免收: a supervisor waives what is due, with a reason; the request can then be closed. */
  async waive(auth: StaffAuth, meta: RequestMeta, ticketId: string, dto: WaiveDto): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.settlement.lock(manager, auth, ticketId);
      this.settlement.check(ticket, 'waive', auth);
      const now = new Date();
      const waived = ticket.dueFen;
      ticket.feeWaivedAt = now;
      await this.expireOpenOrders(manager, ticket.id, now);
      await this.settlement.record(manager, ticket, auth, now, {
        type: 'payment_waived',
        note: `${auth.name} 免收 ${formatFen(waived)}：${dto.reason.trim()}`,
        publicNote: `物业已为您免除本次费用 ${formatFen(waived)}`,
        data: { waivedFen: waived },
      });
      await this.audit.record(manager, auth, meta, {
        action: 'payment.waive',
        targetType: 'ticket',
        targetId: ticket.id,
        detail: { waivedFen: waived, reason: dto.reason.trim() },
      });
      return this.views.settlement(manager, auth, ticket);
    });
  }

  /** Nothing is due any more: open WeChat Pay orders expire now, and the sweep closes them. */
  private async expireOpenOrders(manager: EntityManager, ticketId: string, now: Date): Promise<void> {
    await manager.getRepository(Payment).update({ ticketId, method: 'wechat', status: 'pending' }, { expiresAt: now, updatedAt: now });
  }
}
