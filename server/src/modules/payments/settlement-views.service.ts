import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import type { AuthContext } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { Community, Room } from '../communities/community.entities';
import type { Ticket } from '../tickets/ticket.entity';
import { Payment, Quote, QuoteLine, QuoteLineRow, Refund } from './payment.entities';
import type { PaymentView, QuoteView, ReceiptView, RefundView, SettlementView } from './payments.dto';
import { bookingPriceFen } from './settlement';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What residents and staff read of a request's money: quotes, payments, refunds, the receipt. */
@Injectable()
export class SettlementViews {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async settlement(manager: EntityManager, auth: AuthContext, ticket: Ticket): Promise<SettlementView> {
    const [quotes, payments, refunds, bookingFen] = await Promise.all([
      manager.getRepository(Quote).find({ where: { ticketId: ticket.id }, order: { id: 'DESC' } }),
      manager.getRepository(Payment).find({ where: { ticketId: ticket.id, status: Not('closed') }, order: { id: 'ASC' } }),
      manager.getRepository(Refund).find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } }),
      bookingPriceFen(manager, ticket),
    ]);
    const staff = auth.kind === 'staff';
    const lines = await linesOf(
      manager,
      quotes.map((q) => String(q.id)),
    );
    return {
      ticketId: String(ticket.id),
      quotePending: ticket.quotePending,
      approvedFen: ticket.approvedFen,
      paidFen: ticket.paidFen,
      dueFen: ticket.dueFen,
      refundedFen: refunds.filter((r) => r.status === 'success').reduce((sum, r) => sum + r.amountFen, 0),
      waived: ticket.feeWaivedAt !== null,
      bookingPriceFen: bookingFen,
      wechatPayAvailable: this.config.wechatpay !== null,
      quotes: quotes.map((q) => quoteView(q, lines.get(String(q.id)) ?? [])),
      payments: payments.map((p) => paymentView(p, staff)),
      refunds: refunds.map((r) => refundView(r, staff)),
    };
  }

  /** 收据: only once something was paid. */
  async receipt(manager: EntityManager, ticket: Ticket): Promise<ReceiptView> {
    const payments = await manager.getRepository(Payment).find({ where: { ticketId: ticket.id, status: 'paid' }, order: { paidAt: 'ASC', id: 'ASC' } });
    if (!payments.length) throw new AppError('INVALID_TRANSITION', '尚未付款，暂无收据');
    const [quote, community, room] = await Promise.all([
      manager.getRepository(Quote).findOne({ where: { ticketId: ticket.id, status: In(['approved']) }, order: { id: 'DESC' } }),
      manager.getRepository(Community).findOne({ where: { id: ticket.communityId } }),
      ticket.roomId ? manager.getRepository(Room).findOne({ where: { id: ticket.roomId }, select: { id: true, label: true } }) : Promise.resolve(null),
    ]);
    const lines = quote ? ((await linesOf(manager, [String(quote.id)])).get(String(quote.id)) ?? []) : [];
    return {
      ticketId: String(ticket.id),
      ticketNo: ticket.no,
      propertyName: `${community?.name ?? ''}物业服务中心`,
      roomLabel: room?.label ?? ticket.locationLabel ?? '',
      category: ticket.category,
      lines,
      totalFen: quote?.totalFen ?? ticket.approvedFen,
      paidFen: ticket.paidFen,
      refundedFen: payments.reduce((sum, p) => sum + p.refundedFen, 0),
      waived: ticket.feeWaivedAt !== null,
      payments: payments.map((p) => ({
        method: p.method,
        amountFen: p.amountFen,
        refundedFen: p.refundedFen,
        paidAt: p.paidAt!.toISOString(),
        outTradeNo: p.outTradeNo,
      })),
      issuedAt: payments[payments.length - 1]!.paidAt!.toISOString(),
    };
  }
}

/** Every line of these quotes, by quote, in the order written. */
async function linesOf(manager: EntityManager, quoteIds: string[]): Promise<Map<string, QuoteLine[]>> {
  const byQuote = new Map<string, QuoteLine[]>();
  if (!quoteIds.length) return byQuote;
  const rows = await manager.getRepository(QuoteLineRow).find({ where: { quoteId: In(quoteIds) }, order: { quoteId: 'ASC', position: 'ASC' } });
  for (const r of rows) {
    const list = byQuote.get(String(r.quoteId)) ?? [];
    list.push({
      kind: r.kind,
      name: r.name,
      unit: r.unit,
      unitPriceFen: r.unitPriceFen,
      quantity: r.quantity,
      amountFen: r.amountFen,
      priceItemId: r.priceItemId === null ? null : String(r.priceItemId),
    });
    byQuote.set(String(r.quoteId), list);
  }
  return byQuote;
}

function quoteView(q: Quote, lines: QuoteLine[]): QuoteView {
  return {
    id: String(q.id),
    status: q.status,
    lines,
    totalFen: q.totalFen,
    note: q.note,
    createdByName: q.createdByName,
    createdAt: q.createdAt.toISOString(),
    decidedAt: iso(q.decidedAt),
    decisionNote: q.decisionNote,
  };
}

function paymentView(p: Payment, staff: boolean): PaymentView {
  return {
    id: String(p.id),
    method: p.method,
    status: p.status,
    amountFen: p.amountFen,
    refundedFen: p.refundedFen,
    paidAt: iso(p.paidAt),
    recordedByName: p.recordedByName,
    // The staff's note (a paper receipt number, who handed it over) stays with the staff.
    note: staff ? p.note : null,
    outTradeNo: p.outTradeNo,
  };
}

function refundView(r: Refund, staff: boolean): RefundView {
  return {
    id: String(r.id),
    paymentId: String(r.paymentId),
    amountFen: r.amountFen,
    // The supervisor's reason is for staff; the resident is told the amount (the timeline, the notice).
    reason: staff ? r.reason : null,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    succeededAt: iso(r.succeededAt),
  };
}
