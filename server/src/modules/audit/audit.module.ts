import { Module } from '@nestjs/common';
import { AuditAdminController } from './audit-admin.controller';
import { AuditService } from './audit.service';

@Module({ controllers: [AuditAdminController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
