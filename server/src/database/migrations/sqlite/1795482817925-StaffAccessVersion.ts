import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffAccessVersion1795482817925 implements MigrationInterface {
  name = 'StaffAccessVersion1795482817925';

  // ADD COLUMN rather than the generated copy-and-swap of the table: the staff table is
  // referenced by most others, and dropping it would touch their foreign keys.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff" ADD COLUMN "access_version" integer NOT NULL DEFAULT (0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_35aafb5ad218f3ff1ff70e281e"`);
    await queryRunner.query(`ALTER TABLE "staff" RENAME TO "temporary_staff"`);
    await queryRunner.query(
      `CREATE TABLE "staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "password_hash" varchar(255) NOT NULL, "name" varchar(50) NOT NULL, "phone_enc" varchar(255), "phone_hash" varchar(64), "roles" text NOT NULL, "skills" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "staff"("id", "username", "password_hash", "name", "phone_enc", "phone_hash", "roles", "skills", "active", "failed_logins", "locked_until", "created_at") SELECT "id", "username", "password_hash", "name", "phone_enc", "phone_hash", "roles", "skills", "active", "failed_logins", "locked_until", "created_at" FROM "temporary_staff"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_staff"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35aafb5ad218f3ff1ff70e281e" ON "staff" ("username") `);
  }
}
