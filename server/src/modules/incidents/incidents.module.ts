import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NoticesModule } from '../notices/notices.module';
import { SlaModule } from '../sla/sla.module';
import { IncidentsAdminController } from './incidents-admin.controller';
import { IncidentsController } from './incidents.controller';
import { IncidentViews } from './incident-views.service';
import { IncidentsService } from './incidents.service';
import { Incident, IncidentTicket } from './incident.entities';

@Module({
  imports: [TypeOrmModule.forFeature([Incident, IncidentTicket]), AuditModule, NoticesModule, SlaModule],
  controllers: [IncidentsAdminController, IncidentsController],
  providers: [IncidentsService, IncidentViews],
  exports: [IncidentsService],
})
export class IncidentsModule {}
