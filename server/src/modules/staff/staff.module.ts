import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffAdminController } from './staff-admin.controller';
import { StaffService } from './staff.service';

@Module({ imports: [AuditModule], controllers: [StaffAdminController], providers: [StaffService], exports: [StaffService] })
export class StaffModule {}
