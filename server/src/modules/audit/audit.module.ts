import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditAdminController } from './audit-admin.controller';
import { AuditService } from './audit.service';
import { AuditLog } from './audit-log.entity';

@Module({ imports: [TypeOrmModule.forFeature([AuditLog])], controllers: [AuditAdminController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
