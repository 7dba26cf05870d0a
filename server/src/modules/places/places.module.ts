import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { PlacesAdminController } from './places-admin.controller';
import { PlacesController } from './places.controller';
import { Place } from './place.entity';
import { PlacesService } from './places.service';

@Module({
  imports: [TypeOrmModule.forFeature([Place]), AuditModule],
  controllers: [PlacesController, PlacesAdminController],
  providers: [PlacesService],
  exports: [PlacesService],
})
export class PlacesModule {}
