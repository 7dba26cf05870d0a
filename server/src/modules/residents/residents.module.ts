import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MeController } from './me.controller';
import { PrivacyService } from './privacy.service';
import { ResidentsService } from './residents.service';
import { RoomBindingsAdminController } from './room-bindings-admin.controller';

@Module({
  imports: [AuditModule],
  controllers: [MeController, RoomBindingsAdminController],
  providers: [ResidentsService, PrivacyService],
  exports: [ResidentsService, PrivacyService],
})
export class ResidentsModule {}
