import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ResidentsModule } from '../residents/residents.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshToken } from './refresh-token.entity';
import { StaffWechatBinding } from './staff-wechat-binding.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RefreshToken, StaffWechatBinding]), AuditModule, ResidentsModule],
  controllers: [AuthController],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}
