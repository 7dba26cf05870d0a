import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CommunitiesAdminController } from './communities-admin.controller';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';

@Module({
  imports: [AuditModule],
  controllers: [CommunitiesController, CommunitiesAdminController],
  providers: [CommunitiesService],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}
