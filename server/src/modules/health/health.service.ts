import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What the health probes ask of the database: does it answer, and has this build's schema been applied. */
@Injectable()
export class HealthService {
  /** Migrations never un-run: once all are in, the check is not repeated. */
  private migrationsApplied = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True when the database answers `SELECT 1` within 2 s. */
  databaseUp(): Promise<boolean> {
    return Promise.race([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
  }

  async migrationsDone(): Promise<boolean> {
    if (!this.migrationsApplied) {
      this.migrationsApplied = await this.dataSource.showMigrations().then(
        (pending) => !pending,
        () => false,
      );
    }
    return this.migrationsApplied;
  }
}
