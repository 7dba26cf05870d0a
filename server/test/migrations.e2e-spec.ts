import { DataSource } from 'typeorm';
import { createDataSource, dataSourceOptions, ensureDatabase, runMigrations } from '../src/database/data-source-options';
import { dropDatabase, freshDatabaseUrl, TEST_DB } from './support/test-app';

/**
 * The schema comes from migrations only. After running them all on an empty
 * database, TypeORM must find nothing to change for the entities — the check
 * `migration:generate --check` makes. A failure here means an entity changed
 * without a migration: generate one (README, "Changing the schema"). Each database has
 * its own set: this suite proves MariaDB's, and with DB=sqlite the embedded one's.
 */
describe('migrations', () => {
  const url = freshDatabaseUrl('mig');
  let ds: DataSource;

  beforeAll(async () => {
    await ensureDatabase(url);
    ds = createDataSource({ ...dataSourceOptions(url), logging: false });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await dropDatabase(url);
  });

  it('create exactly the schema the entities describe', async () => {
    await runMigrations(ds);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('run once even when two instances start together', async () => {
    await Promise.all([runMigrations(ds), runMigrations(ds)]);
    const rows = await ds.query('SELECT COUNT(*) AS n FROM migrations');
    expect(Number(rows[0].n)).toBe(ds.migrations.length);
  });

  it('can be reverted and applied again', async () => {
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
    const tables = await ds.query(
      TEST_DB === 'sqlite'
        ? "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')"
        : "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
    );
    expect(tables).toEqual([]);
    await runMigrations(ds);
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
