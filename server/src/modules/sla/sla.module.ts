import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NoticesModule } from '../notices/notices.module';
import { RoutingModule } from '../routing/routing.module';
import { SlaAdminController } from './sla-admin.controller';
import { SlaPolicyService } from './sla-policy.service';
import { SlaScanner } from './sla-scanner.service';
import { AppointmentReminders } from './appointment-reminders.service';
import { SlaPolicy } from './sla-policy.entity';
import { AppointmentReminder } from './appointment-reminder.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicy, AppointmentReminder]), AuditModule, NoticesModule, RoutingModule],
  controllers: [SlaAdminController],
  providers: [SlaPolicyService, SlaScanner, AppointmentReminders],
  exports: [SlaPolicyService, SlaScanner, AppointmentReminders],
})
export class SlaModule {}
