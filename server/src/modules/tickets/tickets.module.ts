import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AuditModule } from '../audit/audit.module';
import { ComplaintsController } from '../complaints/complaints.controller';
import { ComplaintsModule } from '../complaints/complaints.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { FilesModule } from '../files/files.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { NoticesModule } from '../notices/notices.module';
import { RoutingModule } from '../routing/routing.module';
import { SlaModule } from '../sla/sla.module';
import { StaffModule } from '../staff/staff.module';
import { PlacesModule } from '../places/places.module';
import { FollowersController } from './followers.controller';
import { FollowersService } from './followers.service';
import { PhotoCheckListener } from './photo-check.listener';
import { TicketActionRunner } from './ticket-action-runner';
import { TicketClosing } from './ticket-closing.service';
import { TicketComplaints } from './ticket-complaints.service';
import { TicketConversation } from './ticket-conversation.service';
import { TicketIntake } from './ticket-intake.service';
import { TicketNumberService } from './ticket-number.service';
import { TicketQueue } from './ticket-queue.service';
import { TicketReview } from './ticket-review.service';
import { TicketViews } from './ticket-views.service';
import { TicketWork } from './ticket-work.service';
import { TicketsController } from './tickets.controller';
import { Ticket, TicketEvent, TicketRating, TicketSequence } from './ticket.entity';
import { TicketFollower } from './ticket-follower.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Ticket, TicketEvent, TicketRating, TicketSequence, TicketFollower]),
    AuditModule,
    CatalogueModule,
    ComplaintsModule,
    FilesModule,
    IncidentsModule,
    NoticesModule,
    PlacesModule,
    RoutingModule,
    SlaModule,
    StaffModule,
  ],
  controllers: [TicketsController, FollowersController, ComplaintsController],
  providers: [
    TicketIntake,
    FollowersService,
    TicketQueue,
    TicketWork,
    TicketClosing,
    TicketComplaints,
    TicketConversation,
    TicketActionRunner,
    TicketReview,
    TicketViews,
    TicketNumberService,
    IdempotencyService,
    PhotoCheckListener,
  ],
  // The demo data (database/demo) files its requests through the same services as the API.
  exports: [TicketIntake, TicketQueue, TicketWork, TicketClosing, FollowersService, TicketComplaints],
})
export class TicketsModule {}
