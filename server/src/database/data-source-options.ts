import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, DataSourceOptions, getMetadataArgsStorage } from 'typeorm';
import { MARIADB_MIGRATIONS } from './migrations/mariadb';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './naming-strategy';
import { adaptEntitiesForSqlite, prepareSqliteDataSource } from './sqlite';

/** `sqlite:./data/yizhan.sqlite` (the embedded database) or `mysql://…` / `mariadb://…`. */
export function isSqliteUrl(databaseUrl: string): boolean {
  return databaseUrl.startsWith('sqlite:');
}

/** The file an embedded-database URL names; relative paths are taken from the working directory. */
export function sqlitePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));
}

/**
 * Every entity of the server, found in its `*.entity` / `*.entities` files (compiled or not): what
 * the migrations CLI and the schema checks use. The running app takes its entities from the modules
 * that own them instead (`TypeOrmModule.forFeature` + `autoLoadEntities`, app.module.ts). Loaded
 * eagerly, not as a glob for TypeORM to load later, so the embedded database's column fitting
 * (adaptEntitiesForSqlite) sees them.
 */
export function allEntities(root = path.join(__dirname, '..')): Function[] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(entity|entities)\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = files.flatMap((f) => Object.values(require(path.join(root, f)) as Record<string, unknown>));
  const tables = new Set(getMetadataArgsStorage().tables.map((t) => t.target));
  return [...new Set(exported.filter((value): value is Function => typeof value === 'function' && tables.has(value)))];
}

export function dataSourceOptions(databaseUrl: string, entities: Function[] = allEntities()): DataSourceOptions {
  const common = {
    entities,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as exceptions (logged by the error filter when they are
    // real faults); logging them here too would print every expected duplicate key.
    logging: ['warn', 'migration'] as ('warn' | 'migration')[],
  };
  if (isSqliteUrl(databaseUrl)) {
    adaptEntitiesForSqlite();
    return {
      ...common,
      type: 'better-sqlite3',
      database: sqlitePath(databaseUrl),
      migrations: SQLITE_MIGRATIONS,
      // Readers do not wait for the writer, and a crash loses nothing committed.
      enableWAL: true,
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    type: 'mariadb',
    url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    migrations: MARIADB_MIGRATIONS,
    // Dates travel as UTC both ways; ids (BIGINT) stay strings so no precision is lost.
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: 'utf8mb4_unicode_ci',
    connectTimeout: 5000,
    // trace: false — mysql2 otherwise captures a stack trace on every query (about 5 % of a
    // submission's CPU); TypeORM's QueryFailedError already names the statement that failed.
    extra: { connectionLimit: Number(process.env.DB_POOL_SIZE) || 20, enableKeepAlive: true, trace: false },
  };
}

/** A data source for the URL, not yet initialised, fitted for SQLite when it is the embedded one. */
export function createDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource(options);
  if (options.type === 'better-sqlite3') prepareSqliteDataSource(dataSource);
  return dataSource;
}

export function databaseName(databaseUrl: string): string {
  if (isSqliteUrl(databaseUrl)) return sqlitePath(databaseUrl);
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/** Creates the database named in the URL if it does not exist yet (first start, fresh test run). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  if (isSqliteUrl(databaseUrl)) {
    mkdirSync(path.dirname(sqlitePath(databaseUrl)), { recursive: true });
    return;
  }
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
 * once apply each migration exactly once. (The embedded database has one server process;
 * its migrations run in SQLite's own write lock.)
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'better-sqlite3') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
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
