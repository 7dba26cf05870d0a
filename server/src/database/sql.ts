import { DataSource, EntityManager } from 'typeorm';

/**
 * The few places where MariaDB and the embedded SQLite speak different SQL, in one file.
 * Services write portable SQL and ask here for the parts that differ.
 */
export type DbKind = 'mariadb' | 'sqlite';

export function dbKind(source: DataSource | EntityManager): DbKind {
  const type = (source instanceof EntityManager ? source.connection : source).options.type;
  return type === 'better-sqlite3' ? 'sqlite' : 'mariadb';
}

/**
 * Row-claim suffix for queue tables read by several instances. SQLite has one writer
 * and no row locks (and one server process on its file), so plain reads are safe there.
 */
export function skipLocked(source: DataSource | EntityManager): string {
  return dbKind(source) === 'sqlite' ? '' : ' FOR UPDATE SKIP LOCKED';
}

/** Runs a write and says how many rows it changed, on either database. */
export async function execute(manager: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const own = !manager.queryRunner;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return Number(result.affected ?? 0);
  } finally {
    if (own) await runner.release();
  }
}

/** "IN (?, ?, …)" for a list of parameters. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** A unique index refused the row (MariaDB ER_DUP_ENTRY, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY). */
export function isDuplicateKey(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A row lock for find options. SQLite has none — and needs none: a transaction there
 * holds the whole database until it ends (see sqlite.ts).
 */
export function rowLock(
  source: DataSource | EntityManager,
  mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
): { mode: 'pessimistic_write' | 'pessimistic_read' } | undefined {
  return dbKind(source) === 'sqlite' ? undefined : { mode };
}

/** SQL that is true when `value` is one of the comma-separated entries of `column` (a simple-array). */
export function inCommaList(source: DataSource | EntityManager, value: string, column: string): string {
  return dbKind(source) === 'sqlite' ? `instr(',' || ${column} || ',', ',' || ${value} || ',') > 0` : `FIND_IN_SET(${value}, ${column}) > 0`;
}

/**
 * The tail of an INSERT that updates the existing row instead when `conflictColumns`
 * already hold the values; `assignments` ("credits = credits + 1") read the old row.
 */
export function onConflictUpdate(source: DataSource | EntityManager, conflictColumns: string[], assignments: string): string {
  return dbKind(source) === 'sqlite' ? `ON CONFLICT (${conflictColumns.join(', ')}) DO UPDATE SET ${assignments}` : `ON DUPLICATE KEY UPDATE ${assignments}`;
}

/**
 * A JSON array of one object per row, as text: `pairs` are [key, SQL expression]
 * (MariaDB/MySQL JSON_ARRAYAGG, SQLite json_group_array); no rows give NULL on MariaDB and
 * '[]' on SQLite.
 */
export function jsonArrayAgg(source: DataSource | EntityManager, pairs: [string, string][]): string {
  const object = pairs.map(([key, expr]) => `'${key}', ${expr}`).join(', ');
  return dbKind(source) === 'sqlite' ? `json_group_array(json_object(${object}))` : `JSON_ARRAYAGG(JSON_OBJECT(${object}))`;
}

/** Orders ids (unsigned decimal integers without leading zeros, as text): shorter is smaller, else compare the text. */
export const byIdNumber = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Row locks for a raw SELECT read before a write in the same transaction (SQLite: the transaction holds the whole database). */
export function forUpdate(source: DataSource | EntityManager): string {
  return dbKind(source) === 'sqlite' ? '' : ' FOR UPDATE';
}
