import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { dbKind } from '../../database/sql';

/** The parts of mysql2's pool the pool gauges read (not in its types). */
interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/**
 * Prometheus metrics of this instance (GET /metrics, `METRICS_TOKEN`; docs/operations.md):
 * HTTP requests by route (rate, latency, errors), the outbox (backlog, oldest pending,
 * send outcomes by WeChat errcode), the SLA scanner's lag, open staff event streams,
 * the database pool, and Node's own (event loop, memory, GC). Gauges that need the
 * database are read when Prometheus scrapes, not on a timer. A registry per app, so
 * several apps in one process (the tests) do not share counters.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'yizhan_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'yizhan_http_errors_total',
    help: 'HTTP answers with a 5xx status, by method and route',
    labelNames: ['method', 'route'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'yizhan_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (event streams excluded), by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly sends = new Counter({
    name: 'yizhan_wechat_sends_total',
    help: 'Subscribe-message sends to WeChat by outcome (delivered, failed, retry, no_consent) and errcode (0 = ok, -2 = network/HTTP)',
    labelNames: ['outcome', 'errcode'] as const,
    registers: [this.registry],
  });
  readonly openStreams = new Gauge({
    name: 'yizhan_staff_event_streams',
    help: 'Staff event streams (server-sent events) open on this instance',
    registers: [this.registry],
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'yizhan_' });
    const source = this.dataSource;
    new Gauge({
      name: 'yizhan_outbox_pending',
      help: 'Subscribe messages waiting to be sent',
      registers: [this.registry],
      async collect() {
        const [row] = await source.query(`SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'pending'`);
        this.set(Number(row?.n ?? 0));
      },
    });
    new Gauge({
      name: 'yizhan_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest subscribe message still waiting (0 when none)',
      registers: [this.registry],
      async collect() {
        const [row] = await source.query(`SELECT MIN(created_at) AS oldest FROM outbox_messages WHERE status = 'pending'`);
        this.set(row?.oldest ? Math.max(0, (Date.now() - asDate(row.oldest).getTime()) / 1000) : 0);
      },
    });
    new Gauge({
      name: 'yizhan_sla_scanner_lag_seconds',
      help: 'How long the most overdue ticket check has waited (now − the oldest next_due_at; 0 when nothing is due)',
      registers: [this.registry],
      async collect() {
        const [row] = await source.query('SELECT MIN(next_due_at) AS due FROM tickets');
        this.set(row?.due ? Math.max(0, (Date.now() - asDate(row.due).getTime()) / 1000) : 0);
      },
    });
    new Gauge({
      name: 'yizhan_db_pool_connections',
      help: 'Database connections of this instance: limit, open, in use, requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        if (dbKind(source) === 'sqlite') {
          // One connection to the embedded file, serialised by a mutex (database/sqlite.ts).
          for (const state of ['limit', 'open']) this.set({ state }, 1);
          return;
        }
        const pool = (source.driver as unknown as { pool?: Mysql2PoolInternals }).pool;
        const open = pool?._allConnections?.length ?? 0;
        const free = pool?._freeConnections?.length ?? 0;
        this.set({ state: 'limit' }, pool?.config?.connectionLimit ?? 0);
        this.set({ state: 'open' }, open);
        this.set({ state: 'in_use' }, open - free);
        this.set({ state: 'waiting' }, pool?._connectionQueue?.length ?? 0);
      },
    });
  }

  /** Express middleware: times every request and counts it under its route pattern once answered. */
  readonly track = (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // The matched route's pattern (/api/v1/tickets/:id), never the raw path: bounded labels.
      const route = (req.route?.path as string | undefined) ?? (res.statusCode === 404 ? 'unmatched' : 'other');
      const labels = { method: req.method, route };
      this.requests.inc({ ...labels, status: String(res.statusCode) });
      if (res.statusCode >= 500) this.errors.inc(labels);
      if (!String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) {
        this.latency.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
    next();
  };

  /** GET /metrics: 404 unless METRICS_TOKEN is set; then 401 without `Authorization: Bearer <token>`. */
  readonly endpoint = async (req: Request, res: Response): Promise<void> => {
    const token = this.config.metricsToken;
    if (!token) {
      res.status(404).json({ statusCode: 404, code: 'NOT_FOUND', message: '请求的内容不存在' });
      return;
    }
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    const wanted = Buffer.from(`Bearer ${token}`);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      res.status(401).json({ statusCode: 401, code: 'UNAUTHENTICATED', message: '请提供指标访问令牌' });
      return;
    }
    try {
      res.setHeader('Content-Type', this.registry.contentType);
      res.send(await this.registry.metrics());
    } catch (e) {
      res.status(503).json({ statusCode: 503, code: 'DB_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', detail: (e as Error).message });
    }
  };
}

/** MariaDB answers DATETIME as Date; the embedded SQLite as text in UTC. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
