import { MigrationInterface, QueryRunner } from "typeorm";

export class WecomMessages1796616204836 implements MigrationInterface {
    name = 'WecomMessages1796616204836'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_wecom" ("staff_id" integer PRIMARY KEY NOT NULL, "userid" varchar(64), "bound_via" varchar CHECK( "bound_via" IN ('admin','import','oauth') ), "bound_at" datetime, "muted_kinds" text NOT NULL, "quiet_start" smallint, "quiet_end" smallint, "last_error" varchar(300), "last_error_at" datetime, "last_sent_at" datetime)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7b7287466aeaf84f49402f1e86" ON "staff_wecom" ("userid") `);
        await queryRunner.query(`CREATE TABLE "wecom_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar(20) NOT NULL, "urgent" boolean NOT NULL DEFAULT (0), "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','digested','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "held" boolean NOT NULL DEFAULT (0), "last_error" varchar(300), "sent_at" datetime, "digest_count" smallint NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`CREATE INDEX "IDX_9caa3ae20f232ba05f923ea1eb" ON "wecom_outbox" ("staff_id", "sent_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_54d50312f8f0f9b0fd41a831da" ON "wecom_outbox" ("staff_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_47bd399f1a0caa35ef0d9f654e" ON "wecom_outbox" ("status", "next_attempt_at") `);
        await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
        await queryRunner.query(`CREATE TABLE "temporary_staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated','pooled','reopened','rated_low','resolved') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "staff_notices"`);
        await queryRunner.query(`DROP TABLE "staff_notices"`);
        await queryRunner.query(`ALTER TABLE "temporary_staff_notices" RENAME TO "staff_notices"`);
        await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
        await queryRunner.query(`ALTER TABLE "staff_notices" RENAME TO "temporary_staff_notices"`);
        await queryRunner.query(`CREATE TABLE "staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
        await queryRunner.query(`INSERT INTO "staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "temporary_staff_notices"`);
        await queryRunner.query(`DROP TABLE "temporary_staff_notices"`);
        await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
        await queryRunner.query(`DROP INDEX "IDX_47bd399f1a0caa35ef0d9f654e"`);
        await queryRunner.query(`DROP INDEX "IDX_54d50312f8f0f9b0fd41a831da"`);
        await queryRunner.query(`DROP INDEX "IDX_9caa3ae20f232ba05f923ea1eb"`);
        await queryRunner.query(`DROP TABLE "wecom_outbox"`);
        await queryRunner.query(`DROP INDEX "IDX_7b7287466aeaf84f49402f1e86"`);
        await queryRunner.query(`DROP TABLE "staff_wecom"`);
    }

}
