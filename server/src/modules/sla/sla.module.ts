import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NoticesModule } from '../notices/notices.module';
import { RoutingModule } from '../routing/routing.module';
import { SlaAdminController } from './sla-admin.controller';
import { SlaPolicyService } from './sla-policy.service';
import { SlaScanner } from './sla-scanner.service';

@Module({
  imports: [AuditModule, NoticesModule, RoutingModule],
  controllers: [SlaAdminController],
  providers: [SlaPolicyService, SlaScanner],
  exports: [SlaPolicyService, SlaScanner],
})
export class SlaModule {}
