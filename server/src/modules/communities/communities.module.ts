import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CommunitiesAdminController } from './communities-admin.controller';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';
import { Building, Community, Room, Zone } from './community.entities';

@Module({
  imports: [TypeOrmModule.forFeature([Building, Community, Room, Zone]), AuditModule],
  controllers: [CommunitiesController, CommunitiesAdminController],
  providers: [CommunitiesService],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}
