import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { LABELS, MAX_FEN, formatFen, lineAmountFen, sumFen } from '@yizhan/shared';
import type { RequestMeta, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { insertRow, insertRows } from '../../database/plain-insert';
import { AuditService } from '../audit/audit.service';
import type { Ticket } from '../tickets/ticket.entity';
import { PriceItem, Quote, QuoteLine, QuoteLineRow } from './payment.entities';
import type { QuoteDecisionDto, QuoteLineDto, SendQuoteDto, SettlementView } from './payments.dto';
import { SettlementViews } from './settlement-views.service';
import { SettlementWriter, bookedItem, bookingPriceFen, yuanToFen } from './settlement';

/**
 * Quotes (报价) and the resident's decision. The technician (or the owner) sends the fee
 * lines; the server prices them (catalogue, price list) and sums them in fen. A total
 * above what the resident already accepted — at booking, or an earlier approved quote —
 * waits for their approval, and the state machine refuses start and resolve meanwhile.
 */
@Injectable()
export class QuotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settlement: SettlementWriter,
    private readonly views: SettlementViews,
    private readonly audit: AuditService,
  ) {}

  async send(auth: StaffAuth, meta: RequestMeta, ticketId: string, dto: SendQuoteDto): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.settlement.lock(manager, auth, ticketId);
      this.settlement.check(ticket, 'quote', auth);
      const lines = await this.price(manager, ticket, dto.lines);
      const total = sumFen(lines.map((l) => l.amountFen));
      if (total < 0) throw new AppError('VALIDATION_FAILED', '优惠不能超过合计金额', { lines: ['total below zero'] });
      if (total > MAX_FEN) throw new AppError('VALIDATION_FAILED', '合计金额超出上限', { lines: ['total too large'] });
      const accepted = Math.max(ticket.approvedFen, await bookingPriceFen(manager, ticket));
      const raised = total > accepted;
      // A request registered for someone without the app (phone, walk-in): nobody could approve
      // it in the mini-program, so the staff member sending it confirms the resident agreed in
      // person or by phone — and the timeline says so, with their name.
      const agreedInPerson = raised && ticket.residentId === null;
      const needsApproval = raised && !agreedInPerson;
      const now = new Date();
      // A newer quote replaces one still waiting: the resident decides on the latest only.
      await manager.getRepository(Quote).update({ ticketId: ticket.id, status: 'pending' }, { status: 'superseded', decidedAt: now });
      const note = dto.note?.trim() || null;
      const quoteId = await insertRow(manager, Quote, {
        ticketId: ticket.id,
        communityId: ticket.communityId,
        status: needsApproval ? 'pending' : 'approved',
        totalFen: total,
        note,
        createdByStaffId: auth.staffId,
        createdByName: auth.name,
        createdAt: now,
        decidedAt: needsApproval ? null : now,
        decisionNote: agreedInPerson ? `由 ${auth.name} 当面或电话确认` : null,
      });
      await insertRows(
        manager,
        QuoteLineRow,
        lines.map((line, position) => ({ ...line, quoteId, ticketId: ticket.id, position })),
      );
      ticket.quotePending = needsApproval;
      if (!needsApproval) ticket.approvedFen = total;
      const summary = `${lines.length} 项，合计 ${formatFen(total)}`;
      await this.settlement.record(manager, ticket, auth, now, {
        type: 'quoted',
        note: `${needsApproval ? '报价待业主确认' : agreedInPerson ? `报价已由 ${auth.name} 当面或电话与业主确认（业主未使用小程序）` : '费用明细（未超出业主已认可的金额）'}：${summary}${note ? `。${note}` : ''}`,
        publicNote: needsApproval ? `师傅发来报价：${summary}，请查看明细并确认${note ? `（${note}）` : ''}` : `费用明细已更新：${summary}`,
        data: { quoteId, totalFen: total, status: needsApproval ? 'pending' : 'approved', acceptedFen: accepted, agreedInPerson },
      });
      await this.audit.record(manager, auth, meta, { action: 'ticket.quote', targetType: 'ticket', targetId: ticket.id, detail: { quoteId, totalFen: total } });
      return this.views.settlement(manager, auth, ticket);
    });
  }

  async approve(auth: ResidentAuth, meta: RequestMeta, ticketId: string, quoteId: string): Promise<SettlementView> {
    return this.decide(auth, ticketId, quoteId, 'approve_quote', undefined);
  }

  async decline(auth: ResidentAuth, meta: RequestMeta, ticketId: string, quoteId: string, dto: QuoteDecisionDto): Promise<SettlementView> {
    return this.decide(auth, ticketId, quoteId, 'decline_quote', dto.reason?.trim() || undefined);
  }

  private async decide(
    auth: ResidentAuth,
    ticketId: string,
    quoteId: string,
    action: 'approve_quote' | 'decline_quote',
    reason: string | undefined,
  ): Promise<SettlementView> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.settlement.lock(manager, auth, ticketId);
      this.settlement.check(ticket, action, auth);
      const quote = await manager.getRepository(Quote).findOne({ where: { id: quoteId, ticketId: ticket.id } });
      if (!quote) throw new AppError('NOT_FOUND', '报价不存在');
      if (quote.status !== 'pending') throw new AppError('INVALID_TRANSITION', `该报价${LABELS.quoteStatus[quote.status]}，请查看最新报价`);
      const now = new Date();
      const approved = action === 'approve_quote';
      await manager.getRepository(Quote).update({ id: quote.id }, { status: approved ? 'approved' : 'declined', decidedAt: now, decisionNote: reason ?? null });
      ticket.quotePending = false;
      if (approved) ticket.approvedFen = quote.totalFen;
      const total = formatFen(quote.totalFen);
      await this.settlement.record(manager, ticket, auth, now, {
        type: approved ? 'quote_approved' : 'quote_declined',
        note: approved ? `业主同意报价 ${total}` : `业主不同意报价 ${total}${reason ? `：${reason}` : ''}`,
        publicNote: approved ? `您已同意报价 ${total}` : `您未同意报价 ${total}${reason ? `：${reason}` : ''}`,
        data: { quoteId: quote.id, totalFen: quote.totalFen },
      });
      return this.views.settlement(manager, auth, ticket);
    });
  }

  /** Prices every line on the server: the catalogue for the service, the price list for materials. */
  private async price(manager: EntityManager, ticket: Ticket, input: QuoteLineDto[]): Promise<QuoteLine[]> {
    const itemIds = [...new Set(input.filter((l) => l.kind === 'material').map((l) => l.priceItemId ?? ''))].filter(Boolean);
    const items = itemIds.length
      ? await manager.getRepository(PriceItem).find({ where: { id: In(itemIds), communityId: ticket.communityId, active: true } })
      : [];
    const byId = new Map(items.map((i) => [String(i.id), i]));
    const service = input.some((l) => l.kind === 'service') ? await bookedItem(manager, ticket) : null;
    return input.map((line, i): QuoteLine => {
      const bad = (message: string) => new AppError('VALIDATION_FAILED', message, { [`lines.${i}`]: [message] });
      switch (line.kind) {
        case 'service': {
          if (!service) throw bad('只有预约的上门服务有服务费');
          const unitPriceFen = yuanToFen(service.price);
          return {
            kind: 'service',
            name: service.name,
            unit: '次',
            unitPriceFen,
            quantity: line.quantity,
            amountFen: lineAmountFen({ kind: 'service', unitPriceFen, quantity: line.quantity }),
            priceItemId: null,
          };
        }
        case 'material': {
          const item = byId.get(String(line.priceItemId ?? ''));
          if (!item) throw bad('材料请从本小区的价目表中选择');
          return {
            kind: 'material',
            name: item.name,
            unit: item.unit,
            unitPriceFen: item.unitPriceFen,
            quantity: line.quantity,
            amountFen: item.unitPriceFen * line.quantity,
            priceItemId: String(item.id),
          };
        }
        case 'labour':
        case 'discount': {
          if (line.unitPriceFen === undefined) throw bad(line.kind === 'labour' ? '请填写人工费金额' : '请填写优惠金额');
          const name = line.name?.trim() || LABELS.feeLineKind[line.kind];
          return {
            kind: line.kind,
            name,
            unit: '项',
            unitPriceFen: line.unitPriceFen,
            quantity: line.quantity,
            amountFen: lineAmountFen({ kind: line.kind, unitPriceFen: line.unitPriceFen, quantity: line.quantity }),
            priceItemId: null,
          };
        }
      }
    });
  }
}
