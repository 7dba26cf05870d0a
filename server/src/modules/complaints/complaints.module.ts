import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { NoticesModule } from '../notices/notices.module';
import { RoutingModule } from '../routing/routing.module';
import { SlaModule } from '../sla/sla.module';
import { StaffModule } from '../staff/staff.module';
import { ComplaintInvestigation, TicketComplaint } from './complaint.entities';
import { ComplaintsService } from './complaints.service';

/**
 * Complaint handling (投诉处理). Its routes render the ticket detail, so the tickets module
 * registers ComplaintsController (complaints.controller.ts) and uses this module's service
 * at intake, claim, transfer and dispatch.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TicketComplaint, ComplaintInvestigation]), AuditModule, NoticesModule, RoutingModule, SlaModule, StaffModule],
  providers: [ComplaintsService],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
