import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../../common/auth/decorators';
import { DrainService } from '../../common/lifecycle/drain.service';
import { HealthService } from './health.service';

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
  constructor(
    private readonly probes: HealthService,
    private readonly drain: DrainService,
  ) {}

  /** 200 when the database answers within 2 s, else 503 — what a load balancer needs. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const up = await this.probes.databaseUp();
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', db: up ? 'up' : 'down' };
  }

  /**
   * Readiness (send me traffic?): the database answers and this build's migrations have
   * run; 503 while the instance drains for a shutdown, so a balancer stops sending first.
   */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessView })
  @ApiServiceUnavailableResponse({ type: ReadinessView })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessView> {
    const db = await this.probes.databaseUp();
    const migrations = db && (await this.probes.migrationsDone());
    const status = this.drain.draining ? 'draining' : db && migrations ? 'ready' : 'not_ready';
    if (status !== 'ready') res.status(503);
    return { status, db: db ? 'up' : 'down', migrations };
  }

  /**
   * Liveness (restart me?): the process answers. It stays 200 while the database is down
   * or the instance drains — a restart would not help either.
   */
  @Get('live')
  @Public()
  @ApiOkResponse({ type: LivenessView })
  live(): LivenessView {
    return { status: 'ok' };
  }
}
