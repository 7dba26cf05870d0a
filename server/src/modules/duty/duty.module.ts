import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { DutyAdminController } from './duty-admin.controller';
import { DutyService } from './duty.service';

@Module({ imports: [AuditModule, StaffModule], controllers: [DutyAdminController], providers: [DutyService], exports: [DutyService] })
export class DutyModule {}
