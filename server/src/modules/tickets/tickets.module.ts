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
import { PhotoCheckListener } from './photo-check.listener';
import { TicketNumberService } from './ticket-number.service';
import { TicketViews } from './ticket-views.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [AuditModule, CatalogueModule, ComplaintsModule, FilesModule, IncidentsModule, NoticesModule, RoutingModule, SlaModule, StaffModule],
  controllers: [TicketsController, ComplaintsController],
  providers: [TicketsService, TicketViews, TicketNumberService, IdempotencyService, PhotoCheckListener],
  exports: [TicketsService],
})
export class TicketsModule {}
