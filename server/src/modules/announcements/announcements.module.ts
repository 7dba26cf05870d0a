import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { AnnouncementsAdminController } from './announcements-admin.controller';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsService } from './announcements.service';

@Module({
  imports: [AuditModule, FilesModule],
  controllers: [AnnouncementsAdminController, AnnouncementsController],
  providers: [AnnouncementsService],
})
export class AnnouncementsModule {}
