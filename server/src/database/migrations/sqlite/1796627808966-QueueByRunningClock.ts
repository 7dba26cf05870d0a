// The staff queues order by the running clock's deadline (most pressing first) instead of the
// resolve deadline: tickets.clock_due_at, its two queue indexes in place of the resolve_by ones.
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * clock_due_at for the rows already there: the deadline of the first running clock with a
 * deadline, in clock order (respond, on site, resolve, confirm, revisit) — queueDueAt in
 * @yizhan/shared, as SQL. New writes set it from that function.
 */
const BACKFILL = `UPDATE tickets SET clock_due_at = CASE
  WHEN respond_by IS NOT NULL AND responded_at IS NULL AND resolved_at IS NULL AND cancelled_at IS NULL THEN respond_by
  WHEN onsite_by IS NOT NULL AND onsite_at IS NULL AND resolved_at IS NULL AND cancelled_at IS NULL THEN onsite_by
  WHEN resolve_by IS NOT NULL AND resolved_at IS NULL AND cancelled_at IS NULL THEN resolve_by
  WHEN confirm_by IS NOT NULL AND resolved_at IS NOT NULL AND closed_at IS NULL AND cancelled_at IS NULL THEN confirm_by
  WHEN revisit_by IS NOT NULL AND resolved_at IS NOT NULL AND revisited_at IS NULL THEN revisit_by
  ELSE NULL END`;

export class QueueByRunningClock1796627808966 implements MigrationInterface {
    name = 'QueueByRunningClock1796627808966'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_04ffcebf857f64287550dc0510"`);
        await queryRunner.query(`DROP INDEX "IDX_d0fed12db092e43e719140fdcc"`);
        await queryRunner.query(`DROP INDEX "IDX_46cc48ac7766c63c234e1f58e7"`);
        await queryRunner.query(`DROP INDEX "IDX_a91c84410096c6fd07f5d375a2"`);
        await queryRunner.query(`DROP INDEX "IDX_c67725747a9defd4b618f8faec"`);
        await queryRunner.query(`DROP INDEX "IDX_c9707ade25fa07e40bdb345f33"`);
        await queryRunner.query(`DROP INDEX "IDX_f4476888a55137d9c7d82b319e"`);
        await queryRunner.query(`DROP INDEX "IDX_7477b7d8293bbdadc87a5dfa13"`);
        await queryRunner.query(`DROP INDEX "IDX_fd51bedba288543185ba69cc9e"`);
        await queryRunner.query(`DROP INDEX "IDX_881422a2b9e47e4bd0c89fb11f"`);
        await queryRunner.query(`DROP INDEX "IDX_7c84817c3b88ad026b8288e180"`);
        await queryRunner.query(`DROP INDEX "IDX_f832f311c8687d0f5ca0414292"`);
        await queryRunner.query(`DROP INDEX "IDX_4fe17385e4c72f2bc82ae71a9a"`);
        await queryRunner.query(`DROP INDEX "IDX_f3e6ed066fe86d90924a85efff"`);
        await queryRunner.query(`CREATE TABLE "temporary_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "clock_due_at" datetime, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version" FROM "tickets"`);
        await queryRunner.query(`DROP TABLE "tickets"`);
        await queryRunner.query(`ALTER TABLE "temporary_tickets" RENAME TO "tickets"`);
        await queryRunner.query(`CREATE INDEX "IDX_46cc48ac7766c63c234e1f58e7" ON "tickets" ("appointment_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_a91c84410096c6fd07f5d375a2" ON "tickets" ("slot_start") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c67725747a9defd4b618f8faec" ON "tickets" ("no") `);
        await queryRunner.query(`CREATE INDEX "IDX_c9707ade25fa07e40bdb345f33" ON "tickets" ("next_due_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_f4476888a55137d9c7d82b319e" ON "tickets" ("community_id", "resolved_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_7477b7d8293bbdadc87a5dfa13" ON "tickets" ("community_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_fd51bedba288543185ba69cc9e" ON "tickets" ("service_item_id", "slot_start") `);
        await queryRunner.query(`CREATE INDEX "IDX_881422a2b9e47e4bd0c89fb11f" ON "tickets" ("assignee_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_7c84817c3b88ad026b8288e180" ON "tickets" ("owner_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f832f311c8687d0f5ca0414292" ON "tickets" ("resident_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_4fe17385e4c72f2bc82ae71a9a" ON "tickets" ("community_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f3e6ed066fe86d90924a85efff" ON "tickets" ("community_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_db5b178b8f2bc9f041f1e19bba" ON "tickets" ("community_id", "status", "clock_due_at", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_99fa8af2321ec1f4c8ad947632" ON "tickets" ("community_id", "clock_due_at", "id") `);
        await queryRunner.query(BACKFILL);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_99fa8af2321ec1f4c8ad947632"`);
        await queryRunner.query(`DROP INDEX "IDX_db5b178b8f2bc9f041f1e19bba"`);
        await queryRunner.query(`DROP INDEX "IDX_f3e6ed066fe86d90924a85efff"`);
        await queryRunner.query(`DROP INDEX "IDX_4fe17385e4c72f2bc82ae71a9a"`);
        await queryRunner.query(`DROP INDEX "IDX_f832f311c8687d0f5ca0414292"`);
        await queryRunner.query(`DROP INDEX "IDX_7c84817c3b88ad026b8288e180"`);
        await queryRunner.query(`DROP INDEX "IDX_881422a2b9e47e4bd0c89fb11f"`);
        await queryRunner.query(`DROP INDEX "IDX_fd51bedba288543185ba69cc9e"`);
        await queryRunner.query(`DROP INDEX "IDX_7477b7d8293bbdadc87a5dfa13"`);
        await queryRunner.query(`DROP INDEX "IDX_f4476888a55137d9c7d82b319e"`);
        await queryRunner.query(`DROP INDEX "IDX_c9707ade25fa07e40bdb345f33"`);
        await queryRunner.query(`DROP INDEX "IDX_c67725747a9defd4b618f8faec"`);
        await queryRunner.query(`DROP INDEX "IDX_a91c84410096c6fd07f5d375a2"`);
        await queryRunner.query(`DROP INDEX "IDX_46cc48ac7766c63c234e1f58e7"`);
        await queryRunner.query(`ALTER TABLE "tickets" RENAME TO "temporary_tickets"`);
        await queryRunner.query(`CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version" FROM "temporary_tickets"`);
        await queryRunner.query(`DROP TABLE "temporary_tickets"`);
        await queryRunner.query(`CREATE INDEX "IDX_f3e6ed066fe86d90924a85efff" ON "tickets" ("community_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_4fe17385e4c72f2bc82ae71a9a" ON "tickets" ("community_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f832f311c8687d0f5ca0414292" ON "tickets" ("resident_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_7c84817c3b88ad026b8288e180" ON "tickets" ("owner_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_881422a2b9e47e4bd0c89fb11f" ON "tickets" ("assignee_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_fd51bedba288543185ba69cc9e" ON "tickets" ("service_item_id", "slot_start") `);
        await queryRunner.query(`CREATE INDEX "IDX_7477b7d8293bbdadc87a5dfa13" ON "tickets" ("community_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_f4476888a55137d9c7d82b319e" ON "tickets" ("community_id", "resolved_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_c9707ade25fa07e40bdb345f33" ON "tickets" ("next_due_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c67725747a9defd4b618f8faec" ON "tickets" ("no") `);
        await queryRunner.query(`CREATE INDEX "IDX_a91c84410096c6fd07f5d375a2" ON "tickets" ("slot_start") `);
        await queryRunner.query(`CREATE INDEX "IDX_46cc48ac7766c63c234e1f58e7" ON "tickets" ("appointment_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_d0fed12db092e43e719140fdcc" ON "tickets" ("community_id", "status", "resolve_by", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_04ffcebf857f64287550dc0510" ON "tickets" ("community_id", "resolve_by", "id") `);
    }

}
