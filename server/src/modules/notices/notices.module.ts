import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { OutboxWorker } from './outbox.worker';
import { StaffEventHub } from './staff-event-hub';
import { StaffEventsController } from './staff-events.controller';

@Module({
  imports: [RoutingModule],
  controllers: [NoticesController, StaffEventsController],
  providers: [NoticesService, OutboxWorker, StaffEventHub],
  exports: [NoticesService, OutboxWorker],
})
export class NoticesModule {}
