import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumberString,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FEE_LINE_KINDS,
  FeeLineKind,
  MAX_FEN,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  PaymentMethod,
  PaymentStatus,
  QUOTE_STATUSES,
  QuoteStatus,
  REFUND_STATUSES,
  RefundStatus,
  TICKET_STATUSES,
  TicketStatus,
} from '@yizhan/shared';
import { IsOmittable } from '../../common/validation';

/** Most lines a quote may have (a whole renovation's materials fit; the body stays under the JSON limit). */
export const MAX_QUOTE_LINES = 1000;

// ---------------------------------------------------------------- requests

export class QuoteLineDto {
  @ApiProperty({
    enum: FEE_LINE_KINDS,
    description:
      'service: the booked item at its catalogue price; material: from the price list (priceItemId); labour / discount: name and unitPriceFen given here',
  })
  @IsIn(FEE_LINE_KINDS)
  kind: FeeLineKind;
  @ApiPropertyOptional({ description: 'material lines: the price list entry' }) @IsOptional() @IsNumberString({ no_symbols: true }) priceItemId?: string;
  @ApiPropertyOptional({ description: 'labour / discount lines' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) name?: string;
  @ApiPropertyOptional({ description: 'labour / discount lines, fen' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) unitPriceFen?: number;
  @ApiProperty({ minimum: 1, maximum: 9999 }) @IsInt() @Min(1) @Max(9999) quantity: number;
}

export class SendQuoteDto {
  @ApiProperty({ type: [QuoteLineDto] })
  @ValidateNested({ each: true })
  @Type(() => QuoteLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTE_LINES)
  lines: QuoteLineDto[];
  @ApiPropertyOptional({ description: 'to the resident: why, what is extra' }) @IsOptional() @IsString() @MaxLength(300) note?: string;
}

export class QuoteDecisionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) reason?: string;
}

export class QuoteIdParam {
  @ApiProperty() @IsNumberString({ no_symbols: true }) id: string;
  @ApiProperty() @IsNumberString({ no_symbols: true }) quoteId: string;
}

export class PaymentIdParam {
  @ApiProperty() @IsNumberString({ no_symbols: true }) id: string;
  @ApiProperty() @IsNumberString({ no_symbols: true }) paymentId: string;
}

export class OfflinePaymentDto {
  @ApiProperty({ enum: ['cash', 'qr'] }) @IsIn(['cash', 'qr']) method: 'cash' | 'qr';
  @ApiProperty({ description: 'fen; must equal what is due' }) @IsInt() @Min(1) @Max(MAX_FEN) amountFen: number;
  @ApiPropertyOptional({ description: 'e.g. the paper receipt number' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class WaiveDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) reason: string;
}

export class RefundDto {
  @ApiProperty({ description: 'fen; at most what is left of the payment' }) @IsInt() @Min(1) @Max(MAX_FEN) amountFen: number;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(80) reason: string;
}

export class CommunityQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
}

export class StatementQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiProperty({ example: '2026-12-07', description: 'a day in Asia/Shanghai' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
}

export class TradeBillQuery {
  @ApiProperty({ example: '2026-12-07', description: 'a day in Asia/Shanghai' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
}

export class CreatePriceItemDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(60) name: string;
  @ApiProperty({ example: '个' }) @IsString() @IsNotEmpty() @MaxLength(10) unit: string;
  @ApiProperty({ description: 'fen' }) @IsInt() @Min(0) @Max(MAX_FEN) unitPriceFen: number;
}

export class UpdatePriceItemDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(60) name?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(10) unit?: string;
  @ApiPropertyOptional({ description: 'fen' }) @IsOmittable() @IsInt() @Min(0) @Max(MAX_FEN) unitPriceFen?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
}

// ---------------------------------------------------------------- answers

export class QuoteLineView {
  @ApiProperty({ enum: FEE_LINE_KINDS }) kind: FeeLineKind;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: 'fen' }) unitPriceFen: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'fen; negative for a discount' }) amountFen: number;
  @ApiProperty({ type: String, nullable: true }) priceItemId: string | null;
}

export class QuoteView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUOTE_STATUSES }) status: QuoteStatus;
  @ApiProperty({ type: [QuoteLineView] }) lines: QuoteLineView[];
  @ApiProperty({ description: 'fen' }) totalFen: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() createdByName: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
}

export class PaymentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method: PaymentMethod;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status: PaymentStatus;
  @ApiProperty({ description: 'fen' }) amountFen: number;
  @ApiProperty({ description: 'fen' }) refundedFen: number;
  @ApiProperty({ type: String, nullable: true }) paidAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'offline: who took the money' }) recordedByName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'staff only' }) note: string | null;
  @ApiProperty() outTradeNo: string;
}

export class RefundView {
  @ApiProperty() id: string;
  @ApiProperty() paymentId: string;
  @ApiProperty({ description: 'fen' }) amountFen: number;
  @ApiProperty({ type: String, nullable: true, description: 'staff only' }) reason: string | null;
  @ApiProperty({ enum: REFUND_STATUSES }) status: RefundStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) succeededAt: string | null;
}

export class SettlementView {
  @ApiProperty() ticketId: string;
  @ApiProperty() quotePending: boolean;
  @ApiProperty({ description: 'fen: what the resident approved (or accepted at booking)' }) approvedFen: number;
  @ApiProperty({ description: 'fen' }) paidFen: number;
  @ApiProperty({ description: 'fen: still to pay (0 once paid or waived)' }) dueFen: number;
  @ApiProperty({ description: 'fen: refunded so far' }) refundedFen: number;
  @ApiProperty() waived: boolean;
  @ApiProperty({ description: 'fen: the booked item’s catalogue price, accepted at booking (0: none)' }) bookingPriceFen: number;
  @ApiProperty({ description: 'WeChat Pay is configured on this server (otherwise offline payment only)' }) wechatPayAvailable: boolean;
  @ApiProperty({ type: [QuoteView], description: 'newest first' }) quotes: QuoteView[];
  @ApiProperty({ type: [PaymentView], description: 'paid and pending; closed orders are left out' }) payments: PaymentView[];
  @ApiProperty({ type: [RefundView] }) refunds: RefundView[];
}

export class RequestPaymentView {
  @ApiProperty() timeStamp: string;
  @ApiProperty() nonceStr: string;
  @ApiProperty({ example: 'prepay_id=wx…' }) package: string;
  @ApiProperty({ enum: ['RSA'] }) signType: 'RSA';
  @ApiProperty() paySign: string;
}

export class WechatPayOrderView {
  @ApiProperty() paymentId: string;
  @ApiProperty({ description: 'fen' }) amountFen: number;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: RequestPaymentView, description: 'pass to wx.requestPayment as they are' }) params: RequestPaymentView;
}

export class ReceiptPaymentView {
  @ApiProperty({ enum: PAYMENT_METHODS }) method: PaymentMethod;
  @ApiProperty({ description: 'fen' }) amountFen: number;
  @ApiProperty({ description: 'fen' }) refundedFen: number;
  @ApiProperty() paidAt: string;
  @ApiProperty() outTradeNo: string;
}

/** 收据: what was done for how much, how it was paid, by whom it is issued. */
export class ReceiptView {
  @ApiProperty() ticketId: string;
  @ApiProperty() ticketNo: string;
  @ApiProperty({ description: 'the issuer: the community’s property service centre' }) propertyName: string;
  @ApiProperty() roomLabel: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [QuoteLineView] }) lines: QuoteLineView[];
  @ApiProperty({ description: 'fen' }) totalFen: number;
  @ApiProperty({ description: 'fen' }) paidFen: number;
  @ApiProperty({ description: 'fen' }) refundedFen: number;
  @ApiProperty() waived: boolean;
  @ApiProperty({ type: [ReceiptPaymentView] }) payments: ReceiptPaymentView[];
  @ApiProperty({ description: 'when the last payment was made' }) issuedAt: string;
}

export class PriceItemView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: 'fen' }) unitPriceFen: number;
  @ApiProperty() active: boolean;
}
export class PriceItemList {
  @ApiProperty({ type: [PriceItemView] }) items: PriceItemView[];
}
export class PriceImportError {
  @ApiProperty() row: number;
  @ApiProperty() message: string;
}
export class PriceImportResult {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ type: [PriceImportError] }) errors: PriceImportError[];
}

export class UnpaidItemView {
  @ApiProperty() ticketId: string;
  @ApiProperty() no: string;
  @ApiProperty() category: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty() roomLabel: string;
  @ApiProperty({ description: 'fen' }) dueFen: number;
  @ApiProperty({ description: 'fen' }) approvedFen: number;
  @ApiProperty({ description: 'fen' }) paidFen: number;
  @ApiProperty({ type: String, nullable: true }) resolvedAt: string | null;
}
export class UnpaidList {
  @ApiProperty({ type: [UnpaidItemView] }) items: UnpaidItemView[];
}

export class TradeBillMismatchView {
  @ApiProperty() outTradeNo: string;
  @ApiProperty({
    enum: ['missing_here', 'missing_in_bill', 'amount'],
    description: 'in the bill but not paid here / paid here but not in the bill / amounts differ',
  })
  kind: 'missing_here' | 'missing_in_bill' | 'amount';
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) billFen: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) ourFen: number | null;
}
export class TradeBillCheckView {
  @ApiProperty() date: string;
  @ApiProperty() billCount: number;
  @ApiProperty({ description: 'fen' }) billTotalFen: number;
  @ApiProperty() ourCount: number;
  @ApiProperty({ description: 'fen' }) ourTotalFen: number;
  @ApiProperty({ type: [TradeBillMismatchView] }) mismatches: TradeBillMismatchView[];
}
