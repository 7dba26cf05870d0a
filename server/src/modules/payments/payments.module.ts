import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { NoticesModule } from '../notices/notices.module';
import { Payment, PriceItem, Quote, QuoteLineRow, Refund } from './payment.entities';
import { PaymentsAdminController } from './payments-admin.controller';
import { PaymentsController } from './payments.controller';
import { OfflinePayments } from './offline-payments.service';
import { PaymentsService } from './payments.service';
import { PriceListService } from './price-list.service';
import { QuotesService } from './quotes.service';
import { RefundsService } from './refunds.service';
import { SettlementViews } from './settlement-views.service';
import { SettlementWriter } from './settlement';
import { StatementsService } from './statements.service';
import { WechatpayClient } from './wechatpay.client';
import { WechatpayNotifyController } from './wechatpay-notify.controller';

/** Paid services (docs/payments.md): fee lines and quotes, WeChat Pay and offline payments, refunds, statements. */
@Module({
  imports: [TypeOrmModule.forFeature([Payment, PriceItem, Quote, QuoteLineRow, Refund]), AuditModule, NoticesModule],
  controllers: [PaymentsController, PaymentsAdminController, WechatpayNotifyController],
  providers: [
    PaymentsService,
    OfflinePayments,
    PriceListService,
    QuotesService,
    RefundsService,
    SettlementViews,
    SettlementWriter,
    StatementsService,
    WechatpayClient,
  ],
  exports: [PaymentsService],
})
export class PaymentsModule {}
