import { MigrationInterface, QueryRunner } from "typeorm";

export class ResidentNoticeKinds1796616623280 implements MigrationInterface {
    name = 'ResidentNoticeKinds1796616623280'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "appointment_reminders" ("ticket_id" integer NOT NULL, "visit_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), PRIMARY KEY ("ticket_id", "visit_at"))`);
        await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
        await queryRunner.query(`CREATE TABLE "temporary_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_notices"("id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "notices"`);
        await queryRunner.query(`DROP TABLE "notices"`);
        await queryRunner.query(`ALTER TABLE "temporary_notices" RENAME TO "notices"`);
        await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
        await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
        await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
        await queryRunner.query(`CREATE TABLE "temporary_outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`INSERT INTO "temporary_outbox_messages"("id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at") SELECT "id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at" FROM "outbox_messages"`);
        await queryRunner.query(`DROP TABLE "outbox_messages"`);
        await queryRunner.query(`ALTER TABLE "temporary_outbox_messages" RENAME TO "outbox_messages"`);
        await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_a91c84410096c6fd07f5d375a2" ON "tickets" ("slot_start") `);
        await queryRunner.query(`CREATE INDEX "IDX_46cc48ac7766c63c234e1f58e7" ON "tickets" ("appointment_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_46cc48ac7766c63c234e1f58e7"`);
        await queryRunner.query(`DROP INDEX "IDX_a91c84410096c6fd07f5d375a2"`);
        await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
        await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" RENAME TO "temporary_outbox_messages"`);
        await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`INSERT INTO "outbox_messages"("id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at") SELECT "id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at" FROM "temporary_outbox_messages"`);
        await queryRunner.query(`DROP TABLE "temporary_outbox_messages"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
        await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
        await queryRunner.query(`ALTER TABLE "notices" RENAME TO "temporary_notices"`);
        await queryRunner.query(`CREATE TABLE "notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
        await queryRunner.query(`INSERT INTO "notices"("id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "temporary_notices"`);
        await queryRunner.query(`DROP TABLE "temporary_notices"`);
        await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
        await queryRunner.query(`DROP TABLE "appointment_reminders"`);
    }

}
