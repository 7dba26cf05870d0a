import { Module } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { AuditModule } from '../audit/audit.module';
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
import { TicketNumberService } from './ticket-number.service';
import { TicketViews } from './ticket-views.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [AuditModule, CatalogueModule, FilesModule, IncidentsModule, NoticesModule, PlacesModule, RoutingModule, SlaModule, StaffModule],
  controllers: [TicketsController, FollowersController],
  providers: [TicketsService, FollowersService, TicketViews, TicketNumberService, IdempotencyService, PhotoCheckListener],
  exports: [TicketsService, FollowersService],
})
export class TicketsModule {}
