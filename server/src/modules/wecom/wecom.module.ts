import { TypeOrmModule } from '@nestjs/typeorm';
import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WecomAdminController, WecomSettingsController } from './wecom.controller';
import { WecomClient } from './wecom.client';
import { WecomOutboxWorker } from './wecom-outbox.worker';
import { WecomOutboxWriter } from './wecom-outbox.writer';
import { WecomService } from './wecom.service';
import { StaffWecom, WecomOutbox } from './wecom.entities';

/** WeCom (企业微信) application messages to staff: client, outbox, binding and preferences. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([StaffWecom, WecomOutbox]), AuditModule],
  controllers: [WecomSettingsController, WecomAdminController],
  providers: [WecomClient, WecomOutboxWriter, WecomOutboxWorker, WecomService],
  exports: [WecomClient, WecomOutboxWriter, WecomOutboxWorker, WecomService],
})
export class WecomModule {}
