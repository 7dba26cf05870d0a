import { Column, Entity, Index } from 'typeorm';
import {
  FEE_LINE_KINDS,
  FeeLineKind,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  PaymentMethod,
  PaymentStatus,
  QUOTE_STATUSES,
  QuoteStatus,
  REFUND_STATUSES,
  RefundStatus,
} from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/** A material on a community's price list (材料价目表): what a technician may put on a quote. Integer fen. */
@Entity('price_items')
@Index(['communityId', 'name'], { unique: true })
export class PriceItem {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @Column({ type: 'varchar', length: 60 }) name: string;
  @Column({ type: 'varchar', length: 10 }) unit: string;
  @Column({ type: 'int', unsigned: true }) unitPriceFen: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn() updatedAt: Date;
}

/** One fee line of a quote as sent: the price and name are copied, so a later price change never alters it. */
export interface QuoteLine {
  kind: FeeLineKind;
  name: string;
  unit: string;
  unitPriceFen: number;
  quantity: number;
  /** unitPriceFen × quantity; negative for a discount. */
  amountFen: number;
  priceItemId: string | null;
}

/** A fee line (费用明细) of a quote, in the order the technician wrote them. Never updated. */
@Entity('quote_lines')
@Index(['quoteId', 'position'])
export class QuoteLineRow {
  @IdColumn() id: string;
  @RefColumn() quoteId: string;
  @RefColumn() ticketId: string;
  @Column({ type: 'smallint', unsigned: true }) position: number;
  @Column({ type: 'simple-enum', enum: FEE_LINE_KINDS }) kind: FeeLineKind;
  @Column({ type: 'varchar', length: 60 }) name: string;
  @Column({ type: 'varchar', length: 10 }) unit: string;
  @Column({ type: 'int', unsigned: true }) unitPriceFen: number;
  @Column({ type: 'int', unsigned: true }) quantity: number;
  @Column({ type: 'int' }) amountFen: number;
  @RefColumn({ nullable: true }) priceItemId: string | null;
}

/**
 * A quote (报价): the fee lines of a request with their total, as the technician sent them.
 * Above what the resident already accepted it waits for their decision (`pending`).
 */
@Entity('quotes')
@Index(['ticketId', 'id'])
export class Quote {
  @IdColumn() id: string;
  @RefColumn() ticketId: string;
  @RefColumn() communityId: string;
  @Column({ type: 'simple-enum', enum: QUOTE_STATUSES }) status: QuoteStatus;
  /** The sum of its lines (quote_lines), computed on the server. */
  @Column({ type: 'int', unsigned: true }) totalFen: number;
  /** The technician's words to the resident (why the extra material …). */
  @Column({ type: 'varchar', length: 300, nullable: true }) note: string | null;
  @RefColumn() createdByStaffId: string;
  @Column({ type: 'varchar', length: 50 }) createdByName: string;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) decidedAt: Date | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) decisionNote: string | null;
}

/**
 * A payment: a WeChat Pay order (pending until its notification or a query says SUCCESS,
 * closed when it expires unpaid) or an offline payment recorded by staff (paid at once).
 */
@Entity('payments')
@Index(['ticketId', 'id'])
@Index(['status', 'expiresAt']) // the sweep: unpaid orders past their time limit
@Index(['communityId', 'paidAt']) // the daily statement
export class Payment {
  @IdColumn() id: string;
  @RefColumn() ticketId: string;
  @RefColumn() communityId: string;
  /** WeChat Pay's out_trade_no (also set for offline payments: one number space for the statement). */
  @Index({ unique: true }) @Column({ type: 'varchar', length: 32 }) outTradeNo: string;
  @Column({ type: 'simple-enum', enum: PAYMENT_METHODS }) method: PaymentMethod;
  @Column({ type: 'simple-enum', enum: PAYMENT_STATUSES }) status: PaymentStatus;
  @Column({ type: 'int', unsigned: true }) amountFen: number;
  @Column({ type: 'int', unsigned: true, default: 0 }) refundedFen: number;
  @Column({ type: 'varchar', length: 64, nullable: true }) prepayId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) payerOpenid: string | null;
  /** WeChat Pay's transaction_id once paid. */
  @Column({ type: 'varchar', length: 32, nullable: true }) transactionId: string | null;
  @TimeColumn({ nullable: true }) expiresAt: Date | null;
  /** The sweep's lease: one instance at a time looks at an expired order. */
  @TimeColumn({ nullable: true }) sweepUntil: Date | null;
  @TimeColumn({ nullable: true }) paidAt: Date | null;
  /** Offline: who took the money (staff), with their note (收据号 …). */
  @RefColumn({ nullable: true }) recordedByStaffId: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) recordedByName: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn() updatedAt: Date;
}

/** A refund of (part of) a payment, by a supervisor; WeChat Pay's arrive by their own notification. */
@Entity('refunds')
@Index(['paymentId'])
@Index(['communityId', 'succeededAt']) // the daily statement
export class Refund {
  @IdColumn() id: string;
  @RefColumn() paymentId: string;
  @RefColumn() ticketId: string;
  @RefColumn() communityId: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 32 }) outRefundNo: string;
  @Column({ type: 'int', unsigned: true }) amountFen: number;
  @Column({ type: 'varchar', length: 200 }) reason: string;
  @Column({ type: 'simple-enum', enum: REFUND_STATUSES }) status: RefundStatus;
  @Column({ type: 'varchar', length: 32, nullable: true }) refundId: string | null;
  @RefColumn() createdByStaffId: string;
  @Column({ type: 'varchar', length: 50 }) createdByName: string;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) succeededAt: Date | null;
}
