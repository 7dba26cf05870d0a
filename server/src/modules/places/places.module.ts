import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlacesAdminController } from './places-admin.controller';
import { PlacesController } from './places.controller';
import { PlacesService } from './places.service';

@Module({
  imports: [AuditModule],
  controllers: [PlacesController, PlacesAdminController],
  providers: [PlacesService],
  exports: [PlacesService],
})
export class PlacesModule {}
