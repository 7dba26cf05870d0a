import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffModule } from '../staff/staff.module';
import { DutyAdminController } from './duty-admin.controller';
import { DutyService } from './duty.service';
import { DutyShift } from './duty-shift.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DutyShift]), AuditModule, StaffModule],
  controllers: [DutyAdminController],
  providers: [DutyService],
  exports: [DutyService],
})
export class DutyModule {}
