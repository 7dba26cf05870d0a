import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { OutboxWorker } from './outbox.worker';
import { StaffEventsController } from './staff-events.controller';
import { Notice, OutboxMessage, StaffNotice, SubscriptionCredit, WechatPushEvent } from './notice.entities';

@Module({
  imports: [TypeOrmModule.forFeature([Notice, OutboxMessage, StaffNotice, SubscriptionCredit, WechatPushEvent]), RoutingModule],
  controllers: [NoticesController, StaffEventsController],
  providers: [NoticesService, OutboxWorker],
  exports: [NoticesService, OutboxWorker],
})
export class NoticesModule {}
