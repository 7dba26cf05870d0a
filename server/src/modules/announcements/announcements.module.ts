import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { AnnouncementsAdminController } from './announcements-admin.controller';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsService } from './announcements.service';
import { Announcement, AnnouncementRead } from './announcement.entities';

@Module({
  imports: [TypeOrmModule.forFeature([Announcement, AnnouncementRead]), AuditModule, FilesModule],
  controllers: [AnnouncementsAdminController, AnnouncementsController],
  providers: [AnnouncementsService],
})
export class AnnouncementsModule {}
