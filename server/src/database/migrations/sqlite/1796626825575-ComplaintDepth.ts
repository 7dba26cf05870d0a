import { MigrationInterface, QueryRunner } from "typeorm";

export class ComplaintDepth1796626825575 implements MigrationInterface {
    name = 'ComplaintDepth1796626825575'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_966493dcb48397e0b9280ff9fc"`);
        await queryRunner.query(`CREATE TABLE "ticket_complaints" ("ticket_id" integer PRIMARY KEY NOT NULL, "community_id" integer NOT NULL, "level" varchar CHECK( "level" IN ('general','major') ) NOT NULL DEFAULT ('general'), "subject_staff_id" integer, "subject_name" varchar(50), "about_staff" boolean NOT NULL DEFAULT (0), "validity" varchar CHECK( "validity" IN ('valid','invalid') ), "judged_at" datetime, "reply_result" varchar(1000), "reply_measures" varchar(1000), "replied_at" datetime, "replied_by_id" integer, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        // Complaints filed before complaints had their own row: general, nothing known yet (a 服务态度 one is about staff).
        await queryRunner.query(`INSERT INTO ticket_complaints (ticket_id, community_id, level, about_staff, created_at) SELECT id, community_id, 'general', CASE WHEN category = '服务态度' THEN 1 ELSE 0 END, created_at FROM tickets WHERE type = 'complaint'`);
        await queryRunner.query(`CREATE INDEX "IDX_7dae9a1857370de35641b4f4a4" ON "ticket_complaints" ("community_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "complaint_investigations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "department" varchar(20), "assignee_id" integer, "task" varchar(500) NOT NULL, "due_at" datetime NOT NULL, "result" varchar(1000), "reported_at" datetime, "reported_by_id" integer, "created_by_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`CREATE INDEX "IDX_37455a267174cb47bf51720ffc" ON "complaint_investigations" ("assignee_id", "reported_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_340703414610af4983fb48edf4" ON "complaint_investigations" ("ticket_id", "id") `);
        await queryRunner.query(`CREATE TABLE "temporary_sla_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "respond_within_sec" integer NOT NULL, "onsite_within_sec" integer, "resolve_within_sec" integer NOT NULL, "resolve_working_days" tinyint, "confirm_within_sec" integer NOT NULL, "revisit_within_sec" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "level" varchar CHECK( "level" IN ('general','major') ) NOT NULL DEFAULT ('general'))`);
        await queryRunner.query(`INSERT INTO "temporary_sla_policies"("id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at") SELECT "id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at" FROM "sla_policies"`);
        await queryRunner.query(`DROP TABLE "sla_policies"`);
        await queryRunner.query(`ALTER TABLE "temporary_sla_policies" RENAME TO "sla_policies"`);
        await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
        await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
        await queryRunner.query(`CREATE TABLE "temporary_ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged','incident_linked','graded','judged','investigation_assigned','investigation_reported','formally_replied') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`);
        await queryRunner.query(`INSERT INTO "temporary_ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "ticket_events"`);
        await queryRunner.query(`DROP TABLE "ticket_events"`);
        await queryRunner.query(`ALTER TABLE "temporary_ticket_events" RENAME TO "ticket_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1c363644a1704e915bacfac1b9" ON "sla_policies" ("community_id", "type", "priority", "level") `);
        await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // What only this schema can hold goes first: a major complaint's own limits, the complaint events.
        await queryRunner.query(`DELETE FROM sla_policies WHERE level <> 'general'`);
        await queryRunner.query(`DELETE FROM ticket_events WHERE type IN ('graded', 'judged', 'investigation_assigned', 'investigation_reported', 'formally_replied')`);
        await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
        await queryRunner.query(`DROP INDEX "IDX_1c363644a1704e915bacfac1b9"`);
        await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
        await queryRunner.query(`ALTER TABLE "ticket_events" RENAME TO "temporary_ticket_events"`);
        await queryRunner.query(`CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged','incident_linked') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`);
        await queryRunner.query(`INSERT INTO "ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "temporary_ticket_events"`);
        await queryRunner.query(`DROP TABLE "temporary_ticket_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
        await queryRunner.query(`ALTER TABLE "sla_policies" RENAME TO "temporary_sla_policies"`);
        await queryRunner.query(`CREATE TABLE "sla_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "respond_within_sec" integer NOT NULL, "onsite_within_sec" integer, "resolve_within_sec" integer NOT NULL, "resolve_working_days" tinyint, "confirm_within_sec" integer NOT NULL, "revisit_within_sec" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`INSERT INTO "sla_policies"("id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at") SELECT "id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at" FROM "temporary_sla_policies"`);
        await queryRunner.query(`DROP TABLE "temporary_sla_policies"`);
        await queryRunner.query(`DROP INDEX "IDX_340703414610af4983fb48edf4"`);
        await queryRunner.query(`DROP INDEX "IDX_37455a267174cb47bf51720ffc"`);
        await queryRunner.query(`DROP TABLE "complaint_investigations"`);
        await queryRunner.query(`DROP INDEX "IDX_7dae9a1857370de35641b4f4a4"`);
        await queryRunner.query(`DROP TABLE "ticket_complaints"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_966493dcb48397e0b9280ff9fc" ON "sla_policies" ("community_id", "type", "priority") `);
    }

}
