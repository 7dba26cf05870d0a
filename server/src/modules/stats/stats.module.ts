import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReportsAdminController, StatsAdminController } from './stats-admin.controller';
import { StatsService } from './stats.service';
import { TicketExportService } from './ticket-export.service';

/** Issue #4: statistics (GET /admin/stats) and the Excel export (GET /admin/reports/tickets.xlsx). */
@Module({
  imports: [AuditModule],
  controllers: [StatsAdminController, ReportsAdminController],
  providers: [StatsService, TicketExportService],
})
export class StatsModule {}
