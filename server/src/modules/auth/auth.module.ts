import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ResidentsModule } from '../residents/residents.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({ imports: [AuditModule, ResidentsModule], controllers: [AuthController], providers: [AuthService], exports: [AuthService] })
export class AuthModule {}
