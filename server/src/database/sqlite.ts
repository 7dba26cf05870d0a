import { E_TIMEOUT, Mutex, MutexInterface, withTimeout } from 'async-mutex';
import { DataSource, getMetadataArgsStorage, QueryRunner } from 'typeorm';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';

/**
 * The embedded database (issue #8): the same entities on better-sqlite3, so a newcomer
 * runs the whole product with no database server. Three things differ from MariaDB and
 * are handled here, once, so the services stay unaware:
 *
 * 1. Column types. The entities are written for MariaDB (BIGINT UNSIGNED ids,
 *    DATETIME(3), CHAR); before the data source is built their options are rewritten
 *    to SQLite's (INTEGER ids — the only type AUTOINCREMENT accepts — text times with
 *    milliseconds, defaults from strftime).
 * 2. Concurrency. TypeORM gives every caller the same SQLite connection, so two requests'
 *    transactions would interleave on it. Here each caller gets its own query runner and
 *    a transaction holds the connection until it ends; other work waits its turn (one
 *    writer, as SQLite has anyway). Code inside a transaction must use its manager: a
 *    query through the data source would wait for the transaction around it, so that
 *    wait is bounded and fails loudly.
 * 3. Values. MariaDB (bigNumberStrings) returns ids as strings and times as Dates; the
 *    API promises string ids. Result rows and generated ids are brought to the same
 *    shapes, and Date parameters are bound as the UTC text TypeORM stores.
 */

const TIME_DEFAULT = "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
const WAIT_LIMIT_MS = 30_000;

const idString = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : String(value)),
};

let adapted = false;

/** Rewrites the entities' MariaDB column options for SQLite. Once per process. */
export function adaptEntitiesForSqlite(): void {
  if (adapted) return;
  adapted = true;
  for (const column of getMetadataArgsStorage().columns) {
    const options = column.options as Record<string, unknown>;
    delete options.unsigned;
    if (options.type === 'bigint') {
      options.type = 'integer';
      options.transformer = idString;
    } else if (options.type === 'char') {
      options.type = 'varchar';
    } else if (options.type === 'datetime') {
      delete options.precision;
    }
    if (typeof options.default === 'function' && /CURRENT_TIMESTAMP/i.test(String((options.default as () => string)()))) {
      options.default = () => TIME_DEFAULT;
    }
  }
}

/** "2026-11-23 08:30:00.000": how TypeORM stores a time in SQLite, so raw SQL compares like with like. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

const TIME_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/;

/**
 * Which result columns hold times and ids, from the entities' metadata: a key is one of
 * them when it is the column's database or property name, or ends with "_<database
 * name>" (TypeORM's own aliases, "t_created_at"). Raw SQL that renames a column picks
 * one of those names for it.
 */
function columnKinds(dataSource: DataSource) {
  const times = new Set<string>();
  const ids = new Set<string>();
  for (const meta of dataSource.entityMetadatas) {
    for (const column of meta.columns) {
      const set = column.type === 'datetime' ? times : column.type === 'integer' && column.transformer ? ids : null;
      set?.add(column.databaseName);
      set?.add(column.propertyName);
    }
  }
  const matches = (set: Set<string>, key: string) => set.has(key) || set.has(key.slice(key.indexOf('_') + 1));
  return { isTime: (key: string) => matches(times, key), isId: (key: string) => matches(ids, key) };
}

function normalizeRows(rows: unknown, kinds: ReturnType<typeof columnKinds>): void {
  if (!Array.isArray(rows)) return;
  for (const row of rows) {
    if (!row || typeof row !== 'object') continue;
    const out = row as Record<string, unknown>;
    for (const [key, value] of Object.entries(out)) {
      if (typeof value === 'number' && kinds.isId(key)) out[key] = String(value);
      else if (typeof value === 'string' && TIME_TEXT.test(value) && kinds.isTime(key)) out[key] = new Date(value.replace(' ', 'T') + 'Z');
    }
  }
}

function bindable(value: unknown): unknown {
  if (value instanceof Date) return sqliteTime(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Fits a freshly built (not yet initialised) SQLite data source with the three adaptations above. */
export function prepareSqliteDataSource(dataSource: DataSource): void {
  const driver = dataSource.driver as BetterSqlite3Driver;
  const lock: MutexInterface = withTimeout(new Mutex(), WAIT_LIMIT_MS);
  const statements = new Map();
  // Result rows answer in MariaDB's shapes (string ids, Date times), for raw SQL and
  // query builders alike; entity hydration accepts both.
  let kinds: ReturnType<typeof columnKinds> | undefined;
  const acquire = async () => {
    try {
      return await lock.acquire();
    } catch (e) {
      if (e === E_TIMEOUT) {
        throw new Error(`SQLite: waited ${WAIT_LIMIT_MS / 1000} s for the database; is a query running outside the transaction that encloses it?`, {
          cause: e,
        });
      }
      throw e;
    }
  };

  driver.createQueryRunner = () => {
    const runner = new BetterSqlite3QueryRunner(driver);
    (runner as unknown as { stmtCache: Map<string, unknown> }).stmtCache = statements;
    let release: MutexInterface.Releaser | null = null;
    const query = runner.query.bind(runner);
    const start = runner.startTransaction.bind(runner);
    const commit = runner.commitTransaction.bind(runner);
    const rollback = runner.rollbackTransaction.bind(runner);
    const releaseRunner = runner.release.bind(runner);
    const depth = () => (runner as unknown as { transactionDepth: number }).transactionDepth;
    const letGo = () => {
      if (release && depth() === 0) {
        const r = release;
        release = null;
        r();
      }
    };
    const run = async (sql: string, params: unknown[] | undefined, structured: boolean) => {
      const result = await query(sql, params, structured as false);
      kinds ??= columnKinds(dataSource);
      normalizeRows(structured ? (result as unknown as { records?: unknown }).records : result, kinds);
      return result;
    };
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      const params = parameters?.map(bindable);
      if (release) return run(sql, params, !!structured);
      const r = await acquire();
      try {
        return await run(sql, params, !!structured);
      } finally {
        r();
      }
    }) as QueryRunner['query'];
    // The isolation level a service asks for is MariaDB's concern: here a transaction
    // holds the one connection until it ends, so it is serializable whatever it asked.
    runner.startTransaction = async () => {
      if (!release) release = await acquire();
      try {
        await start();
      } catch (e) {
        letGo();
        throw e;
      }
    };
    runner.commitTransaction = async () => {
      try {
        await commit();
      } finally {
        letGo();
      }
    };
    runner.rollbackTransaction = async () => {
      try {
        await rollback();
      } finally {
        letGo();
      }
    };
    runner.release = async () => {
      if (release) {
        // A caller gave up its runner inside a transaction: end it rather than keep the database.
        await rollback().catch(() => undefined);
        release();
        release = null;
      }
      return releaseRunner();
    };
    return runner;
  };

  // Ids of inserted rows come back from SQLite as numbers; the entities hold strings.
  const generatedMap = driver.createGeneratedMap.bind(driver);
  driver.createGeneratedMap = (metadata, insertResult, entityIndex, entityNum) => {
    const map = generatedMap(metadata, insertResult, entityIndex, entityNum) as Record<string, unknown> | undefined;
    if (map) for (const [key, value] of Object.entries(map)) if (typeof value === 'number') map[key] = String(value);
    return map;
  };
}
