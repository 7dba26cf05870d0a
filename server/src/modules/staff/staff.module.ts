import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffAdminController } from './staff-admin.controller';
import { StaffService } from './staff.service';
import { Staff, StaffCommunity } from './staff.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Staff, StaffCommunity]), AuditModule],
  controllers: [StaffAdminController],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
