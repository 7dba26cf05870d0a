import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LevelWithSilent } from 'pino';
import { AuthGuard } from './common/auth/auth.guard';
import { APP_CONFIG, AppConfig } from './common/config/app-config';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { LifecycleModule } from './common/lifecycle/lifecycle.module';
import { loggingModule } from './common/logging/logging';
import { CallerThrottlerGuard, throttlerOptions } from './common/rate-limit/rate-limit';
import { IdempotencyKey } from './common/idempotency/idempotency-key.entity';
import { RateLimitCounter } from './common/rate-limit/rate-limit-counter.entity';
import { createDataSource, dataSourceOptions } from './database/data-source-options';
import { AnnouncementsModule } from './modules/announcements/announcements.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { CommunitiesModule } from './modules/communities/communities.module';
import { ContactsModule } from './modules/contacts/contacts.module';
import { CryptoModule } from './modules/crypto/crypto.module';
import { DemoModule } from './modules/demo/demo.module';
import { DutyModule } from './modules/duty/duty.module';
import { FilesModule } from './modules/files/files.module';
import { IncidentsModule } from './modules/incidents/incidents.module';
import { HealthController } from './modules/health/health.controller';
import { HealthService } from './modules/health/health.service';
import { HousekeepingModule } from './modules/housekeeping/housekeeping.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { NoticesModule } from './modules/notices/notices.module';
import { ResidentsModule } from './modules/residents/residents.module';
import { SlaModule } from './modules/sla/sla.module';
import { StaffModule } from './modules/staff/staff.module';
import { StatsModule } from './modules/stats/stats.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { WechatModule } from './modules/wechat/wechat.module';
import { WecomModule } from './modules/wecom/wecom.module';

@Global()
@Module({})
class ConfigHolderModule {
  static register(config: AppConfig): DynamicModule {
    return { module: ConfigHolderModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The whole server, built from an already-validated config (so tests can make their own). */
@Module({})
export class AppModule {
  static register(config: AppConfig, logLevel: LevelWithSilent = config.log.level): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigHolderModule.register(config),
        loggingModule(config, logLevel),
        LifecycleModule,
        MetricsModule,
        TypeOrmModule.forRootAsync({
          // Entities register with the modules that own them (TypeOrmModule.forFeature); these two are common/'s.
          useFactory: () => ({ ...dataSourceOptions(config.databaseUrl, [IdempotencyKey, RateLimitCounter]), autoLoadEntities: true }),
          dataSourceFactory: async (options) => createDataSource(options!).initialize(),
        }),
        ThrottlerModule.forRootAsync({ inject: [DataSource], useFactory: (dataSource: DataSource) => throttlerOptions(config, dataSource) }),
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as
        // a public key on every verify and throws (about 0.7 ms of CPU per request).
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        CryptoModule,
        WechatModule,
        WecomModule,
        AuditModule,
        AuthModule,
        CommunitiesModule,
        ContactsModule,
        StaffModule,
        DutyModule,
        ResidentsModule,
        SlaModule,
        CatalogueModule,
        TicketsModule,
        IncidentsModule,
        AnnouncementsModule,
        FilesModule,
        StatsModule,
        NoticesModule,
        HousekeepingModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [
        // Order matters: the auth guard identifies the caller the throttler counts.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: CallerThrottlerGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        HealthService,
      ],
    };
  }
}
