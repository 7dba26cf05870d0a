import { MigrationInterface, QueryRunner } from "typeorm";

export class TimelineVisibility1796615990160 implements MigrationInterface {
    name = 'TimelineVisibility1796615990160'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
        await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
        await queryRunner.query(`CREATE TABLE "temporary_ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`);
        await queryRunner.query(`INSERT INTO "temporary_ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids" FROM "ticket_events"`);
        await queryRunner.query(`DROP TABLE "ticket_events"`);
        await queryRunner.query(`ALTER TABLE "temporary_ticket_events" RENAME TO "ticket_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
        // Entries written before visibility existed: staff-only kinds and staff comments become
        // internal; the resident keeps reading their own words and the texts always meant for them.
        await queryRunner.query(`UPDATE ticket_events SET visibility = 'internal' WHERE type IN ('overdue', 'escalated', 'flagged') OR (type = 'commented' AND actor_kind <> 'resident')`);
        await queryRunner.query(`UPDATE ticket_events SET public_note = note WHERE visibility = 'public' AND (actor_kind = 'resident' OR type IN ('resolved', 'cancelled', 'confirmed', 'auto_confirmed'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
        await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
        await queryRunner.query(`ALTER TABLE "ticket_events" RENAME TO "temporary_ticket_events"`);
        await queryRunner.query(`CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text)`);
        await queryRunner.query(`INSERT INTO "ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids" FROM "temporary_ticket_events"`);
        await queryRunner.query(`DROP TABLE "temporary_ticket_events"`);
        await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    }

}
