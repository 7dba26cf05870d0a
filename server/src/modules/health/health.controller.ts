import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { DrainService } from '../../common/lifecycle/drain.service';

class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
}

class ReadinessView {
  @ApiProperty({ enum: ['ready', 'not_ready', 'draining'] }) status: 'ready' | 'not_ready' | 'draining';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ description: 'every migration of this build has run' }) migrations: boolean;
}

class LivenessView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  /** Migrations never un-run: once all are in, the check is not repeated. */
  private migrationsApplied = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drain: DrainService,
  ) {}

  /** 200 when the database answers within 2 s, else 503 — what a load balancer needs. */
  @Get() @Public() @ApiOkResponse({ type: HealthView }) @ApiServiceUnavailableResponse({ type: HealthView })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const up = await this.databaseUp();
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', db: up ? 'up' : 'down' };
  }

  /**
   * Readiness (send me traffic?): the database answers and this build's migrations have
   * run; 503 while the instance drains for a shutdown, so a balancer stops sending first.
   */
  @Get('ready') @Public() @ApiOkResponse({ type: ReadinessView }) @ApiServiceUnavailableResponse({ type: ReadinessView })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessView> {
    const db = await this.databaseUp();
    const migrations = db && (await this.migrationsDone());
    const status = this.drain.draining ? 'draining' : db && migrations ? 'ready' : 'not_ready';
    if (status !== 'ready') res.status(503);
    return { status, db: db ? 'up' : 'down', migrations };
  }

  /**
   * Liveness (restart me?): the process answers. It stays 200 while the database is down
   * or the instance drains — a restart would not help either.
   */
  @Get('live') @Public() @ApiOkResponse({ type: LivenessView })
  live(): LivenessView {
    return { status: 'ok' };
  }

  private databaseUp(): Promise<boolean> {
    return Promise.race([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
  }

  private async migrationsDone(): Promise<boolean> {
    if (!this.migrationsApplied) this.migrationsApplied = await this.dataSource.showMigrations().then((pending) => !pending, () => false);
    return this.migrationsApplied;
  }
}
