import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { placeholders } from './sql';

/**
 * INSERTs for the hot paths (a submission, an SLA pass): the statement is built once per
 * entity and column set and the values go through the driver's own column mapping
 * (JSON, booleans, times, transformers), so a row is stored exactly as TypeORM's
 * `insert()` stores it — without the query builder, which cost more CPU than the
 * database did for these statements (npm run bench, a CPU profile of the server).
 */
const statements = new WeakMap<object, Map<string, { sql: string; columns: ColumnMetadata[] }>>();

/** The columns any of the rows sets (plus the version); a row that leaves one of them unset writes NULL there. */
function statementFor(manager: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]) {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => c.isVersion || rows.some((row) => row[c.propertyName] !== undefined));
  const key = columns.map((c) => c.propertyName).join(',');
  let cache = statements.get(metadata);
  if (!cache) statements.set(metadata, (cache = new Map()));
  let statement = cache.get(key);
  if (!statement) {
    const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
    statement = { sql: `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES `, columns };
    cache.set(key, statement);
  }
  return statement;
}

function valuesOf(manager: EntityManager, columns: ColumnMetadata[], row: ObjectLiteral): unknown[] {
  const driver = manager.connection.driver;
  // A new row starts at version 1, as TypeORM's insert() sets it.
  return columns.map((c) => (c.isVersion && row[c.propertyName] === undefined ? 1 : (driver.preparePersistentValue(row[c.propertyName], c) ?? null)));
}

/** Inserts one row and returns its generated id (as a string, like every id here). */
export async function insertRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Partial<T>): Promise<string> {
  const { sql, columns } = statementFor(manager, target, [row]);
  const result: unknown = await manager.query(`${sql}(${placeholders(columns)})`, valuesOf(manager, columns, row));
  // mysql2 answers with a result header; better-sqlite3 (through TypeORM) with the rowid.
  const id = typeof result === 'object' && result !== null && 'insertId' in result ? (result as { insertId: number | string }).insertId : result;
  return String(id);
}

/** Inserts rows in order (a multi-row INSERT numbers its rows in order), at most `chunk` rows a statement. */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: Partial<T>[], chunk = 500): Promise<void> {
  if (!rows.length) return;
  const { sql, columns } = statementFor(manager, target, rows);
  const tuple = `(${placeholders(columns)})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await manager.query(
      sql + part.map(() => tuple).join(', '),
      part.flatMap((row) => valuesOf(manager, columns, row)),
    );
  }
}
