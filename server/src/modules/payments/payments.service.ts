import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { LABELS, formatFen } from '@yizhan/shared';
import { canSeeTicket, requireCommunityParam } from '../../common/access/access';
import type { AuthContext, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError, notFound } from '../../common/errors/app-error';
import { PeriodicTask } from '../../common/periodic-task';
import { insertRow } from '../../database/plain-insert';
import { rowLock } from '../../database/sql';
import { Ticket } from '../tickets/ticket.entity';
import { Payment } from './payment.entities';
import type { ReceiptView, SettlementView, UnpaidList, WechatPayOrderView } from './payments.dto';
import { RefundsService } from './refunds.service';
import { SettlementViews } from './settlement-views.service';
import { SettlementWriter } from './settlement';
import { WechatpayApiError, WechatpayClient, WechatpayTransaction } from './wechatpay.client';

/** out_trade_no / out_refund_no: a prefix, the time in base 36 and randomness — 6–32 of [A-Za-z0-9_-|*]. */
export function merchantNo(prefix: string, at = new Date()): string {
  return `${prefix}${at.getTime().toString(36).toUpperCase()}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** An order kept for another payment attempt must still have this long to live. */
const REUSE_MARGIN_MS = 2 * 60_000;
/** How long one instance holds an expired order while it asks WeChat Pay about it. */
const SWEEP_LEASE_MS = 60_000;
const SWEEP_BATCH = 100;

/**
 * Payments of a request through WeChat Pay: JSAPI orders for residents in the mini-program,
 * their notifications (verified, decrypted, idempotent) with the order query as the fallback,
 * and the sweep that closes orders left unpaid past their time limit. Offline payments and
 * waivers: OfflinePayments.
 */
@Injectable()
export class PaymentsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Payments');
  private readonly task = new PeriodicTask('payment sweep', this.logger, () => this.sweepOnce().then((n) => n >= SWEEP_BATCH));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: WechatpayClient,
    private readonly settlement: SettlementWriter,
    private readonly views: SettlementViews,
    private readonly refunds: RefundsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.client.enabled) this.task.start(this.config.payments.sweepMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  // ---------------------------------------------------------------- reads

  async get(auth: AuthContext, ticketId: string): Promise<SettlementView> {
    const ticket = await this.visibleTicket(auth, ticketId);
    return this.views.settlement(this.dataSource.manager, auth, ticket);
  }

  async receipt(auth: AuthContext, ticketId: string): Promise<ReceiptView> {
    const ticket = await this.visibleTicket(auth, ticketId);
    return this.views.receipt(this.dataSource.manager, ticket);
  }

  /** Staff's unpaid queue: a community's requests with something due, oldest first. */
  async unpaid(auth: StaffAuth, communityId: string): Promise<UnpaidList> {
    requireCommunityParam(auth, communityId);
    const rows: {
      id: string;
      no: string;
      category: string;
      status: Ticket['status'];
      label: string;
      dueFen: number;
      approvedFen: number;
      paidFen: number;
      resolvedAt: Date | string | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.no, t.category, t.status, r.label, t.due_fen AS dueFen, t.approved_fen AS approvedFen, t.paid_fen AS paidFen, t.resolved_at AS resolvedAt
         FROM tickets t JOIN rooms r ON r.id = t.room_id
        WHERE t.community_id = ? AND t.due_fen > 0 ORDER BY t.id LIMIT 500`,
      [communityId],
    );
    return {
      items: rows.map((r) => ({
        ticketId: String(r.id),
        no: r.no,
        category: r.category,
        status: r.status,
        roomLabel: r.label,
        dueFen: Number(r.dueFen),
        approvedFen: Number(r.approvedFen),
        paidFen: Number(r.paidFen),
        resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
      })),
    };
  }

  private async visibleTicket(auth: AuthContext, ticketId: string): Promise<Ticket> {
    const ticket = await this.dataSource.getRepository(Ticket).findOne({ where: { id: ticketId } });
    if (!ticket || !canSeeTicket(auth, ticket)) throw notFound();
    return ticket;
  }

  // ---------------------------------------------------------------- WeChat Pay

  /**
   * The resident pays what is due: a JSAPI order (reused while it lives and the amount is
   * the same) and the wx.requestPayment parameters signed here. The order row is written
   * before WeChat Pay is asked, so a notification can never arrive for an order we lack.
   */
  async payWithWechat(auth: ResidentAuth, ticketId: string): Promise<WechatPayOrderView> {
    await this.visibleTicket(auth, ticketId);
    if (!this.client.enabled) throw new AppError('PAYMENT_UNAVAILABLE', '暂未开通微信支付，请联系物业线下支付');
    const now = new Date();
    // Orders for another amount (a new quote since) are closed first, so only one can be paid.
    await this.closeStaleOrders(auth, ticketId, now);
    const { payment, ticket, reused } = await this.dataSource.transaction(async (manager) => {
      const ticket = await this.settlement.lock(manager, auth, ticketId);
      this.settlement.check(ticket, 'pay', auth);
      const open = await manager.getRepository(Payment).findOne({ where: { ticketId: ticket.id, method: 'wechat', status: 'pending' }, order: { id: 'DESC' } });
      if (
        open &&
        open.amountFen === ticket.dueFen &&
        open.payerOpenid === auth.openid &&
        open.prepayId &&
        open.expiresAt!.getTime() - now.getTime() > REUSE_MARGIN_MS
      ) {
        return { payment: open, ticket, reused: true };
      }
      const values = {
        ticketId: ticket.id,
        communityId: ticket.communityId,
        outTradeNo: merchantNo('YZ', now),
        method: 'wechat' as const,
        status: 'pending' as const,
        amountFen: ticket.dueFen,
        refundedFen: 0,
        prepayId: null,
        payerOpenid: auth.openid,
        transactionId: null,
        expiresAt: new Date(now.getTime() + this.config.payments.orderTtlSec * 1000),
        sweepUntil: null,
        paidAt: null,
        recordedByStaffId: null,
        recordedByName: null,
        note: null,
        createdAt: now,
        updatedAt: now,
      };
      const id = await insertRow(manager, Payment, values);
      return { payment: manager.getRepository(Payment).create({ ...values, id }), ticket, reused: false };
    });
    if (!reused) {
      const description = `${LABELS.type[ticket.type]}费用 ${ticket.no}`;
      const order = { description, outTradeNo: payment.outTradeNo, expiresAt: payment.expiresAt!, totalFen: payment.amountFen, openid: auth.openid };
      let prepayId: string;
      try {
        prepayId = await this.client.createJsapiOrder(order);
      } catch (e) {
        // SYSTEM_ERROR and lost answers: once more with the same out_trade_no (never a new one).
        if (!(e instanceof AppError && e.code === 'WECHATPAY_UNAVAILABLE')) throw this.orderRefused(e);
        prepayId = await this.client.createJsapiOrder(order).catch((again: unknown) => {
          throw this.orderRefused(again);
        });
      }
      await this.dataSource.getRepository(Payment).update({ id: payment.id }, { prepayId, updatedAt: new Date() });
      payment.prepayId = prepayId;
    }
    return {
      paymentId: String(payment.id),
      amountFen: payment.amountFen,
      expiresAt: payment.expiresAt!.toISOString(),
      params: this.client.requestPaymentParams(payment.prepayId!, now),
    };
  }

  private orderRefused(e: unknown): Error {
    if (e instanceof WechatpayApiError) {
      this.logger.warn(e.message);
      return new AppError('WECHATPAY_UNAVAILABLE', '微信支付下单失败，请稍后重试');
    }
    return e as Error;
  }

  /** Closes this ticket's pending orders that no longer match what is due (a payment found meanwhile is recorded). */
  private async closeStaleOrders(auth: ResidentAuth, ticketId: string, now: Date): Promise<void> {
    const ticket = await this.visibleTicket(auth, ticketId);
    const pending = await this.dataSource.getRepository(Payment).find({ where: { ticketId: ticket.id, method: 'wechat', status: 'pending' } });
    for (const p of pending) {
      const keep = p.amountFen === ticket.dueFen && p.payerOpenid === auth.openid && p.prepayId && p.expiresAt!.getTime() - now.getTime() > REUSE_MARGIN_MS;
      if (!keep) await this.settleOrClose(p);
    }
  }

  /**
   * A notification from WeChat Pay: verified (signature, key id, 5-minute window) and
   * decrypted first — anything forged or replayed is 401 and changes nothing — then applied
   * once: the same notification again finds the payment already paid.
   */
  async notification(headers: Record<string, string | string[] | undefined>, rawBody: string | undefined): Promise<void> {
    // Without WeChat Pay the route is not there (as the message push without its token).
    if (!this.client.enabled) throw notFound('接口');
    if (!rawBody) throw new AppError('NOTIFICATION_INVALID', '通知验签失败');
    const n = this.client.verifyNotification(headers, rawBody);
    if (n.eventType.startsWith('TRANSACTION.')) {
      const tx = n.resource as unknown as WechatpayTransaction;
      if (tx.trade_state === 'SUCCESS') await this.applyPaid(tx, 'notification');
      return;
    }
    if (n.eventType.startsWith('REFUND.')) {
      await this.refunds.applyNotification(n.resource);
      return;
    }
    this.logger.log(`WeChat Pay notification ${n.eventType} ignored`);
  }

  /** After wx.requestPayment (or when staff look): ask WeChat Pay about a pending order — the fallback for a late notification. */
  async sync(auth: AuthContext, ticketId: string, paymentId: string): Promise<SettlementView> {
    const ticket = await this.visibleTicket(auth, ticketId);
    const payment = await this.dataSource.getRepository(Payment).findOne({ where: { id: paymentId, ticketId: ticket.id } });
    if (!payment) throw notFound('付款记录');
    if (payment.method === 'wechat' && payment.status === 'pending') {
      const tx = await this.client.queryOrder(payment.outTradeNo);
      if (tx?.trade_state === 'SUCCESS') await this.applyPaid(tx, 'query');
    }
    return this.get(auth, ticketId);
  }

  /** Records a successful transaction once; true when this call recorded it. */
  private async applyPaid(tx: WechatpayTransaction, source: 'notification' | 'query' | 'sweep'): Promise<boolean> {
    const s = this.config.wechatpay!;
    if (tx.mchid !== s.mchid || tx.appid !== this.config.wechat.appid) {
      this.logger.error(`WeChat Pay transaction ${tx.out_trade_no} for another merchant or app (${tx.mchid}/${tx.appid}): ignored`);
      return false;
    }
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(Payment).findOne({ where: { outTradeNo: tx.out_trade_no } });
      if (!found) {
        this.logger.error(`WeChat Pay transaction ${tx.out_trade_no} matches no order here`);
        return false;
      }
      // Ticket first, then payment: the order every writer of both takes, so none deadlock.
      const ticket = await this.settlement.lock(manager, null, found.ticketId);
      const payment = (await manager.getRepository(Payment).findOne({ where: { id: found.id }, lock: rowLock(manager) }))!;
      if (payment.status === 'paid') return false; // the same notification again, or the query after it
      if (tx.amount.total !== payment.amountFen) {
        this.logger.error(`WeChat Pay transaction ${tx.out_trade_no}: ${tx.amount.total} fen paid, ${payment.amountFen} ordered — left for reconciliation`);
        return false;
      }
      const now = new Date();
      // A closed order can still turn out paid (the payer paid as it expired): the money is taken, so it counts.
      const paidAt = tx.success_time && !Number.isNaN(Date.parse(tx.success_time)) ? new Date(tx.success_time) : now;
      await manager.getRepository(Payment).update({ id: payment.id }, { status: 'paid', paidAt, transactionId: tx.transaction_id ?? null, updatedAt: now });
      ticket.paidFen += payment.amountFen;
      const amount = formatFen(payment.amountFen);
      await this.settlement.record(manager, ticket, null, now, {
        type: 'paid',
        note: `微信支付 ${amount}（商户订单号 ${payment.outTradeNo}，${source === 'notification' ? '支付通知' : '查单确认'}）`,
        publicNote: `已收到您的付款 ${amount}（微信支付）`,
        data: { paymentId: String(payment.id), method: 'wechat', amountFen: payment.amountFen, source },
      });
      return true;
    });
  }

  // ---------------------------------------------------------------- the sweep

  /**
   * Orders past their time limit: each is leased by one instance (a conditional UPDATE is
   * the arbiter), queried — a late payment is recorded — and otherwise closed at WeChat Pay
   * and here. A failure leaves the lease to run out, and a later pass tries again.
   * Returns how many orders this pass looked at.
   */
  async sweepOnce(now: Date = new Date()): Promise<number> {
    if (!this.client.enabled) return 0;
    const repo = this.dataSource.getRepository(Payment);
    const due = await repo.find({
      where: { status: 'pending', expiresAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take: SWEEP_BATCH,
      select: { id: true },
    });
    let handled = 0;
    for (const { id } of due) {
      const leased = await repo
        .createQueryBuilder()
        .update(Payment)
        .set({ sweepUntil: new Date(now.getTime() + SWEEP_LEASE_MS) })
        .where('id = :id AND status = :pending AND (sweep_until IS NULL OR sweep_until < :now)', { id, pending: 'pending', now })
        .execute();
      if (!leased.affected) continue; // another instance has it
      const payment = await repo.findOne({ where: { id } });
      if (!payment) continue;
      try {
        await this.settleOrClose(payment);
        handled++;
      } catch (e) {
        this.logger.warn(`payment ${payment.outTradeNo}: ${(e as Error).message}; tried again later`);
      }
    }
    return handled;
  }

  /** Query first (a late payment is recorded), else close at WeChat Pay and here. */
  private async settleOrClose(payment: Payment): Promise<void> {
    const tx = await this.client.queryOrder(payment.outTradeNo);
    if (tx?.trade_state === 'SUCCESS') {
      await this.applyPaid(tx, 'sweep');
      return;
    }
    if (tx && tx.trade_state !== 'CLOSED' && !(await this.client.closeOrder(payment.outTradeNo))) {
      // Paid between the query and the close.
      const again = await this.client.queryOrder(payment.outTradeNo);
      if (again?.trade_state === 'SUCCESS') await this.applyPaid(again, 'sweep');
      return;
    }
    await this.dataSource.getRepository(Payment).update({ id: payment.id, status: 'pending' }, { status: 'closed', updatedAt: new Date() });
  }
}
