import { MigrationInterface, QueryRunner } from "typeorm";

export class Incidents1796616747509 implements MigrationInterface {
    name = 'Incidents1796616747509'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "incidents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "title" varchar(40) NOT NULL, "category" varchar(30) NOT NULL, "cause" varchar(300) NOT NULL, "zone_ids" text NOT NULL, "building_ids" text NOT NULL, "starts_at" datetime NOT NULL, "expected_end_at" datetime NOT NULL, "resolved_at" datetime, "resolution" varchar(300), "created_by_id" integer NOT NULL, "created_by_name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_aca4ccb11300c36fd8cbcc72f9" ON "incidents" ("community_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_bebfbe4d99fbdf90ef2ce866fc" ON "incidents" ("community_id", "resolved_at", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "incident_tickets" ("incident_id" integer NOT NULL, "ticket_id" integer PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`CREATE INDEX "IDX_d1f2218df482da0ca8d6e657bc" ON "incident_tickets" ("incident_id", "ticket_id") `);
        await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
        await queryRunner.query(`CREATE TABLE "temporary_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','incident','incident_resolved','incident_linked') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_notices"("id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "notices"`);
        await queryRunner.query(`DROP TABLE "notices"`);
        await queryRunner.query(`ALTER TABLE "temporary_notices" RENAME TO "notices"`);
        await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
        await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
        await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
        await queryRunner.query(`CREATE TABLE "temporary_outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','incident','incident_resolved','incident_linked') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`INSERT INTO "temporary_outbox_messages"("id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at") SELECT "id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at" FROM "outbox_messages"`);
        await queryRunner.query(`DROP TABLE "outbox_messages"`);
        await queryRunner.query(`ALTER TABLE "temporary_outbox_messages" RENAME TO "outbox_messages"`);
        await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
        await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
        await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
        await queryRunner.query(`CREATE TABLE "temporary_ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged','incident_linked') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`);
        await queryRunner.query(`INSERT INTO "temporary_ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "ticket_events"`);
        await queryRunner.query(`DROP TABLE "ticket_events"`);
        await queryRunner.query(`ALTER TABLE "temporary_ticket_events" RENAME TO "ticket_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
        await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
        await queryRunner.query(`ALTER TABLE "ticket_events" RENAME TO "temporary_ticket_events"`);
        await queryRunner.query(`CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`);
        await queryRunner.query(`INSERT INTO "ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "temporary_ticket_events"`);
        await queryRunner.query(`DROP TABLE "temporary_ticket_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
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
        await queryRunner.query(`DROP INDEX "IDX_d1f2218df482da0ca8d6e657bc"`);
        await queryRunner.query(`DROP TABLE "incident_tickets"`);
        await queryRunner.query(`DROP INDEX "IDX_bebfbe4d99fbdf90ef2ce866fc"`);
        await queryRunner.query(`DROP INDEX "IDX_aca4ccb11300c36fd8cbcc72f9"`);
        await queryRunner.query(`DROP TABLE "incidents"`);
    }

}
