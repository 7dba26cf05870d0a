import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/common/config/app-config';

// The fake WeChat server is plain CommonJS shared with local development.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFakeWechat } = require('@yizhan/fake-wechat');

export interface FakeWechat {
  url: string;
  expireToken(): void;
  messages(filter?: Record<string, string>): { touser: string; template_id: string; page: string; data: Record<string, { value: string }> }[];
  close(): Promise<void>;
  fail(spec: Record<string, unknown>): void;
  clearFailures(): void;
  openidFor(user: string): string;
  state: Record<string, unknown>;
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  fake: FakeWechat;
  databaseUrl: string;
  /** A raw connection to the test database, for assertions on what was stored. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Which database the e2e suites run on: MariaDB by default (CI always), the embedded
 * SQLite with DB=sqlite — the same suites, as Vendure runs its e2e tests with DB=.
 */
export const TEST_DB: 'mariadb' | 'sqlite' = process.env.DB === 'sqlite' ? 'sqlite' : 'mariadb';
export const BASE_DATABASE_URL = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/test';
const SQLITE_DIR = path.join(os.tmpdir(), 'yizhan-test-db');

/** A database URL for a fresh, uniquely named database on the same server (or a fresh SQLite file). */
export function freshDatabaseUrl(label: string): string {
  const name = `yz_t_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  if (TEST_DB === 'sqlite') return `sqlite:${path.join(SQLITE_DIR, `${name}.sqlite`)}`;
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    return;
  }
  const url = new URL(databaseUrl);
  const conn = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
  } finally {
    await conn.end();
  }
}

/**
 * The real server on a fresh database of its own (dropped afterwards) and the
 * fake WeChat server on loopback — the product itself only sees WECHAT_API_BASE.
 */
export async function startTestApp(label: string, env: Record<string, string> = {}): Promise<TestApp> {
  const fake: FakeWechat = await startFakeWechat({ port: 0, appid: 'wxtest', secret: 'wxtestsecret', inferTemplates: true });
  const databaseUrl = freshDatabaseUrl(label);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-test-secret-test-secret',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'admin-password',
    WECHAT_APPID: 'wxtest',
    WECHAT_SECRET: 'wxtestsecret',
    WECHAT_API_BASE: fake.url,
    FILES_DIR: `/tmp/yizhan-test-files-${process.pid}`,
    DB_POOL_SIZE: '10',
    // Tests drive the outbox worker themselves (OutboxWorker.drainOnce) for deterministic timing.
    OUTBOX_POLL_MS: '0',
    SLA_SCAN_MS: '0',
    RETENTION_SCAN_MS: '0',
    SWEEP_MS: '0',
    // Every suite signs in from the same loopback address; security.e2e-spec checks the real limits.
    RATE_LIMIT_LOGIN_PER_MIN: '100000',
    RATE_LIMIT_WRITE_PER_MIN: '100000',
    ...env,
  });
  const app = await createApp(config, { logger: ['error'] });
  await app.init();
  // Assertions read what was stored over a connection of their own (MariaDB), or through
  // the app's own connection on SQLite (one writer per file).
  let sql: (query: string, params: unknown[]) => Promise<unknown[]>;
  let endSql: () => Promise<void>;
  if (TEST_DB === 'sqlite') {
    const dataSource = app.get(DataSource);
    sql = (query, params) => dataSource.query(query, params);
    endSql = async () => undefined;
  } else {
    const url = new URL(databaseUrl);
    const conn = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    sql = async (query, params) => (await conn.query(query, params))[0] as unknown[];
    endSql = () => conn.end();
  }
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    fake,
    databaseUrl,
    sql: async <T>(query: string, params: unknown[] = []) => (await sql(query, params)) as T[],
    close: async () => {
      await endSql();
      await app.close();
      await fake.close();
      await dropDatabase(databaseUrl);
    },
  };
}
