import { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingsByCommunityAndQueueByDeadline1795469275197 implements MigrationInterface {
  name = 'RatingsByCommunityAndQueueByDeadline1795469275197';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1b0aaf9e40689296b1d7803d23"`);
    await queryRunner.query(`DROP INDEX "IDX_647a321b4525821d55818825e7"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ticket_ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "resident_id" integer NOT NULL, "attitude" tinyint NOT NULL, "timeliness" tinyint NOT NULL, "quality" tinyint NOT NULL, "comment" varchar(500), "reply" varchar(500), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "community_id" integer NOT NULL)`,
    );
    // Existing ratings take their ticket's community (edited by hand: generated DDL only).
    await queryRunner.query(
      `INSERT INTO "temporary_ticket_ratings"("id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at", "community_id") SELECT "id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at", (SELECT t."community_id" FROM "tickets" t WHERE t."id" = "ticket_ratings"."ticket_id") FROM "ticket_ratings"`,
    );
    await queryRunner.query(`DROP TABLE "ticket_ratings"`);
    await queryRunner.query(`ALTER TABLE "temporary_ticket_ratings" RENAME TO "ticket_ratings"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_647a321b4525821d55818825e7" ON "ticket_ratings" ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d0fed12db092e43e719140fdcc" ON "tickets" ("community_id", "status", "resolve_by", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ba62429c7ce94b52deb12a0438" ON "ticket_ratings" ("community_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ba62429c7ce94b52deb12a0438"`);
    await queryRunner.query(`DROP INDEX "IDX_d0fed12db092e43e719140fdcc"`);
    await queryRunner.query(`DROP INDEX "IDX_647a321b4525821d55818825e7"`);
    await queryRunner.query(`ALTER TABLE "ticket_ratings" RENAME TO "temporary_ticket_ratings"`);
    await queryRunner.query(
      `CREATE TABLE "ticket_ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "resident_id" integer NOT NULL, "attitude" tinyint NOT NULL, "timeliness" tinyint NOT NULL, "quality" tinyint NOT NULL, "comment" varchar(500), "reply" varchar(500), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "ticket_ratings"("id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at") SELECT "id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at" FROM "temporary_ticket_ratings"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ticket_ratings"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_647a321b4525821d55818825e7" ON "ticket_ratings" ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1b0aaf9e40689296b1d7803d23" ON "ticket_ratings" ("created_at") `);
  }
}
