import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthContext, RequestMeta, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { Authenticated, Caller, Meta, ResidentOnly, StaffOnly } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { WriteLimit } from '../../common/rate-limit/rate-limit';
import {
  OfflinePaymentDto,
  PaymentIdParam,
  PriceItemList,
  QuoteDecisionDto,
  QuoteIdParam,
  ReceiptView,
  RefundDto,
  SendQuoteDto,
  SettlementView,
  WaiveDto,
  WechatPayOrderView,
} from './payments.dto';
import { OfflinePayments } from './offline-payments.service';
import { PaymentsService } from './payments.service';
import { PriceListService } from './price-list.service';
import { QuotesService } from './quotes.service';
import { RefundsService } from './refunds.service';

/**
 * API.md "Paid services": a request's quotes, payments, refunds and receipt. Who may do
 * what is the shared state machine's (quote, approve_quote, pay, record_payment, waive).
 */
@ApiTags('payments')
@Authenticated()
@Controller('tickets')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly offlinePayments: OfflinePayments,
    private readonly quotes: QuotesService,
    private readonly refunds: RefundsService,
    private readonly prices: PriceListService,
  ) {}

  @Get(':id/settlement')
  @ApiOkResponse({ type: SettlementView })
  settlement(@Caller() auth: AuthContext, @Param() { id }: IdParam): Promise<SettlementView> {
    return this.payments.get(auth, id);
  }

  @Get(':id/receipt')
  @ApiOkResponse({ type: ReceiptView, description: '收据; 409 INVALID_TRANSITION before anything is paid' })
  receipt(@Caller() auth: AuthContext, @Param() { id }: IdParam): Promise<ReceiptView> {
    return this.payments.receipt(auth, id);
  }

  @Get(':id/price-items')
  @StaffOnly()
  @ApiOkResponse({ type: PriceItemList, description: 'the materials a quote for this request may use' })
  priceItems(@Caller() auth: StaffAuth, @Param() { id }: IdParam): Promise<PriceItemList> {
    return this.prices.forTicket(auth, id);
  }

  @Post(':id/quotes')
  @StaffOnly()
  @WriteLimit()
  @ApiCreatedResponse({ type: SettlementView, description: 'above what the resident accepted, the quote waits for their approval' })
  quote(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: SendQuoteDto): Promise<SettlementView> {
    return this.quotes.send(auth, meta, id, dto);
  }

  @Post(':id/quotes/:quoteId/approve')
  @ResidentOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: SettlementView })
  approve(@Caller() auth: ResidentAuth, @Meta() meta: RequestMeta, @Param() p: QuoteIdParam): Promise<SettlementView> {
    return this.quotes.approve(auth, meta, p.id, p.quoteId);
  }

  @Post(':id/quotes/:quoteId/decline')
  @ResidentOnly()
  @HttpCode(200)
  @ApiOkResponse({ type: SettlementView })
  decline(@Caller() auth: ResidentAuth, @Meta() meta: RequestMeta, @Param() p: QuoteIdParam, @Body() dto: QuoteDecisionDto): Promise<SettlementView> {
    return this.quotes.decline(auth, meta, p.id, p.quoteId, dto);
  }

  @Post(':id/payments/wechat')
  @ResidentOnly()
  @WriteLimit()
  @ApiCreatedResponse({
    type: WechatPayOrderView,
    description: 'a JSAPI order and the signed wx.requestPayment parameters; 409 PAYMENT_UNAVAILABLE without WeChat Pay',
  })
  payWithWechat(@Caller() auth: ResidentAuth, @Param() { id }: IdParam): Promise<WechatPayOrderView> {
    return this.payments.payWithWechat(auth, id);
  }

  @Post(':id/payments/:paymentId/sync')
  @HttpCode(200)
  @ApiOkResponse({ type: SettlementView, description: 'asks WeChat Pay about a pending order (after wx.requestPayment, or a late notification)' })
  sync(@Caller() auth: AuthContext, @Param() p: PaymentIdParam): Promise<SettlementView> {
    return this.payments.sync(auth, p.id, p.paymentId);
  }

  @Post(':id/payments/offline')
  @StaffOnly()
  @ApiCreatedResponse({ type: SettlementView, description: 'cash or the property’s QR code, recorded with who and when' })
  offline(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: OfflinePaymentDto): Promise<SettlementView> {
    return this.offlinePayments.recordOffline(auth, meta, id, dto);
  }

  @Post(':id/payments/:paymentId/refunds')
  @StaffOnly('supervisor')
  @ApiCreatedResponse({ type: SettlementView, description: 'full or partial; WeChat Pay refunds complete by their notification' })
  refund(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() p: PaymentIdParam, @Body() dto: RefundDto): Promise<SettlementView> {
    return this.refunds.refund(auth, meta, p.id, p.paymentId, dto);
  }

  @Post(':id/waive')
  @StaffOnly('supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: SettlementView, description: '免收: what is due is waived, with a reason' })
  waive(@Caller() auth: StaffAuth, @Meta() meta: RequestMeta, @Param() { id }: IdParam, @Body() dto: WaiveDto): Promise<SettlementView> {
    return this.offlinePayments.waive(auth, meta, id, dto);
  }
}
