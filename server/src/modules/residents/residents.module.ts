import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MeController } from './me.controller';
import { PrivacyService } from './privacy.service';
import { ResidentsService } from './residents.service';
import { RoomBindingsAdminController } from './room-bindings-admin.controller';
import { Resident, RoomBinding } from './resident.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Resident, RoomBinding]), AuditModule],
  controllers: [MeController, RoomBindingsAdminController],
  providers: [ResidentsService, PrivacyService],
  exports: [ResidentsService, PrivacyService],
})
export class ResidentsModule {}
