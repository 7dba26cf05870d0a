import { createConnection } from 'mysql2/promise';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'mariadb',
    url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Dates travel as UTC both ways; ids (BIGINT) stay strings so no precision is lost.
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: 'utf8mb4_unicode_ci',
    connectTimeout: 5000,
    extra: { connectionLimit: Number(process.env.DB_POOL_SIZE) || 20, enableKeepAlive: true },
    // Failed queries surface as exceptions (logged by the error filter when they are
    // real faults); logging them here too would print every expected duplicate key.
    logging: ['warn', 'migration'],
  };
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/** Creates the database named in the URL if it does not exist yet (first start, fresh test run). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  const name = databaseName(databaseUrl);
  const conn = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    connectTimeout: 5000,
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

/**
 * Runs pending migrations under a database-wide lock, so several instances starting at
 * once apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [row] = await runner.query(`SELECT GET_LOCK('yizhan_migrations', 120) AS locked`);
    if (Number(row?.locked) !== 1) throw new Error('could not take the migration lock within 120 s');
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT RELEASE_LOCK('yizhan_migrations')`);
    }
  } finally {
    await runner.release();
  }
}
