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
