import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { NoticesController } from './notices.controller';
import { NoticeInbox } from './notice-inbox.service';
import { NoticesService } from './notices.service';
import { OutboxWorker } from './outbox.worker';
import { StaffEventHub } from './staff-event-hub';
import { StaffEventsController } from './staff-events.controller';
import { Notice, OutboxMessage, StaffNotice, SubscriptionCredit, WechatPushEvent } from './notice.entities';

@Module({
  imports: [TypeOrmModule.forFeature([Notice, OutboxMessage, StaffNotice, SubscriptionCredit, WechatPushEvent]), RoutingModule],
  controllers: [NoticesController, StaffEventsController],
  providers: [NoticesService, NoticeInbox, OutboxWorker, StaffEventHub],
  exports: [NoticesService, OutboxWorker],
})
export class NoticesModule {}
