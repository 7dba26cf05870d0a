import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HotlinesAdminController, MeHotlineController, TicketContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { Hotline } from './hotline.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Hotline]), AuditModule],
  controllers: [HotlinesAdminController, MeHotlineController, TicketContactsController],
  providers: [ContactsService],
  exports: [ContactsService],
})
export class ContactsModule {}
