// One migration for this release's changes on the embedded database (timeline visibility, the staff
// side's WeChat binding, WeCom, bounded tables and shared rate limits, the resident conversation,
// hotlines, incidents, announcements, the enquiry type): several branches each rebuilt the same
// SQLite tables, so their changes are generated together, once.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceDeskRound1796620297016 implements MigrationInterface {
  name = 'ServiceDeskRound1796620297016';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_counters" ("bucket" varchar(191) PRIMARY KEY NOT NULL, "hits" integer NOT NULL DEFAULT (0), "expires_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7ec50c4c6fb46dae15363f3c1d" ON "rate_limit_counters" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "announcements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "zone_ids" text NOT NULL, "building_ids" text NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(2000) NOT NULL, "photo_ids" text NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime, "pinned" boolean NOT NULL DEFAULT (0), "incident_id" integer, "created_by_id" integer NOT NULL, "created_by_name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6f23842afa26e61115e80b4485" ON "announcements" ("community_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_95e26e69badd979fb8badf43d9" ON "announcements" ("community_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "announcement_reads" ("announcement_id" integer NOT NULL, "resident_id" integer NOT NULL, "read_at" datetime NOT NULL, PRIMARY KEY ("announcement_id", "resident_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_wechat_bindings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "openid" varchar(64) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b557d4b95b30ba51b6fa308228" ON "staff_wechat_bindings" ("staff_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_eecd422cbead8bee64b7e9df5b" ON "staff_wechat_bindings" ("openid") `);
    await queryRunner.query(
      `CREATE TABLE "hotlines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "day_phone" varchar(20), "night_phone" varchar(20), "day_from" varchar(5) NOT NULL DEFAULT ('08:30'), "day_to" varchar(5) NOT NULL DEFAULT ('21:00'), "technician_phone" varchar(20), "technician_own_phone" boolean NOT NULL DEFAULT (0), "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7d1ecc5592812d9fa72796e682" ON "hotlines" ("community_id", "zone_id") `);
    await queryRunner.query(
      `CREATE TABLE "incidents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "title" varchar(40) NOT NULL, "category" varchar(30) NOT NULL, "cause" varchar(300) NOT NULL, "zone_ids" text NOT NULL, "building_ids" text NOT NULL, "starts_at" datetime NOT NULL, "expected_end_at" datetime NOT NULL, "resolved_at" datetime, "resolution" varchar(300), "created_by_id" integer NOT NULL, "created_by_name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_aca4ccb11300c36fd8cbcc72f9" ON "incidents" ("community_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bebfbe4d99fbdf90ef2ce866fc" ON "incidents" ("community_id", "resolved_at", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "incident_tickets" ("incident_id" integer NOT NULL, "ticket_id" integer PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d1f2218df482da0ca8d6e657bc" ON "incident_tickets" ("incident_id", "ticket_id") `);
    await queryRunner.query(
      `CREATE TABLE "appointment_reminders" ("ticket_id" integer NOT NULL, "visit_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), PRIMARY KEY ("ticket_id", "visit_at"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_wecom" ("staff_id" integer PRIMARY KEY NOT NULL, "userid" varchar(64), "bound_via" varchar CHECK( "bound_via" IN ('admin','import','oauth') ), "bound_at" datetime, "muted_kinds" text NOT NULL, "quiet_start" smallint, "quiet_end" smallint, "last_error" varchar(300), "last_error_at" datetime, "last_sent_at" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7b7287466aeaf84f49402f1e86" ON "staff_wecom" ("userid") `);
    await queryRunner.query(
      `CREATE TABLE "wecom_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar(20) NOT NULL, "urgent" boolean NOT NULL DEFAULT (0), "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','digested','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "held" boolean NOT NULL DEFAULT (0), "last_error" varchar(300), "sent_at" datetime, "digest_count" smallint NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9caa3ae20f232ba05f923ea1eb" ON "wecom_outbox" ("staff_id", "sent_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_54d50312f8f0f9b0fd41a831da" ON "wecom_outbox" ("staff_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_47bd399f1a0caa35ef0d9f654e" ON "wecom_outbox" ("status", "next_attempt_at") `);
    await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
    await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids" FROM "ticket_events"`,
    );
    await queryRunner.query(`DROP TABLE "ticket_events"`);
    await queryRunner.query(`ALTER TABLE "temporary_ticket_events" RENAME TO "ticket_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
    await queryRunner.query(`DROP INDEX "IDX_ba62429c7ce94b52deb12a0438"`);
    await queryRunner.query(`DROP INDEX "IDX_647a321b4525821d55818825e7"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ticket_ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "resident_id" integer NOT NULL, "attitude" tinyint NOT NULL, "timeliness" tinyint NOT NULL, "quality" tinyint NOT NULL, "comment" varchar(500), "reply" varchar(500), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "community_id" integer NOT NULL, "tags" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ticket_ratings"("id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at", "community_id") SELECT "id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at", "community_id" FROM "ticket_ratings"`,
    );
    await queryRunner.query(`DROP TABLE "ticket_ratings"`);
    await queryRunner.query(`ALTER TABLE "temporary_ticket_ratings" RENAME TO "ticket_ratings"`);
    await queryRunner.query(`CREATE INDEX "IDX_ba62429c7ce94b52deb12a0438" ON "ticket_ratings" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_647a321b4525821d55818825e7" ON "ticket_ratings" ("ticket_id") `);
    await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed','incident','incident_resolved','incident_linked') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_notices"("id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "notices"`,
    );
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`ALTER TABLE "temporary_notices" RENAME TO "notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
    await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed','incident','incident_resolved','incident_linked') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_outbox_messages"("id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at") SELECT "id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at" FROM "outbox_messages"`,
    );
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_outbox_messages" RENAME TO "outbox_messages"`);
    await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
    await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated','pooled','reopened','rated_low','resolved','followed_up') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "staff_notices"`,
    );
    await queryRunner.query(`DROP TABLE "staff_notices"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_notices" RENAME TO "staff_notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_966493dcb48397e0b9280ff9fc"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sla_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "respond_within_sec" integer NOT NULL, "onsite_within_sec" integer, "resolve_within_sec" integer NOT NULL, "resolve_working_days" tinyint, "confirm_within_sec" integer NOT NULL, "revisit_within_sec" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sla_policies"("id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at") SELECT "id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at" FROM "sla_policies"`,
    );
    await queryRunner.query(`DROP TABLE "sla_policies"`);
    await queryRunner.query(`ALTER TABLE "temporary_sla_policies" RENAME TO "sla_policies"`);
    await queryRunner.query(`DROP INDEX "IDX_d0fed12db092e43e719140fdcc"`);
    await queryRunner.query(`DROP INDEX "IDX_f3e6ed066fe86d90924a85efff"`);
    await queryRunner.query(`DROP INDEX "IDX_4fe17385e4c72f2bc82ae71a9a"`);
    await queryRunner.query(`DROP INDEX "IDX_f832f311c8687d0f5ca0414292"`);
    await queryRunner.query(`DROP INDEX "IDX_7c84817c3b88ad026b8288e180"`);
    await queryRunner.query(`DROP INDEX "IDX_881422a2b9e47e4bd0c89fb11f"`);
    await queryRunner.query(`DROP INDEX "IDX_04ffcebf857f64287550dc0510"`);
    await queryRunner.query(`DROP INDEX "IDX_fd51bedba288543185ba69cc9e"`);
    await queryRunner.query(`DROP INDEX "IDX_7477b7d8293bbdadc87a5dfa13"`);
    await queryRunner.query(`DROP INDEX "IDX_f4476888a55137d9c7d82b319e"`);
    await queryRunner.query(`DROP INDEX "IDX_c9707ade25fa07e40bdb345f33"`);
    await queryRunner.query(`DROP INDEX "IDX_c67725747a9defd4b618f8faec"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version" FROM "tickets"`,
    );
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`ALTER TABLE "temporary_tickets" RENAME TO "tickets"`);
    await queryRunner.query(`CREATE INDEX "IDX_d0fed12db092e43e719140fdcc" ON "tickets" ("community_id", "status", "resolve_by", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3e6ed066fe86d90924a85efff" ON "tickets" ("community_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4fe17385e4c72f2bc82ae71a9a" ON "tickets" ("community_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f832f311c8687d0f5ca0414292" ON "tickets" ("resident_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7c84817c3b88ad026b8288e180" ON "tickets" ("owner_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_881422a2b9e47e4bd0c89fb11f" ON "tickets" ("assignee_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_04ffcebf857f64287550dc0510" ON "tickets" ("community_id", "resolve_by", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fd51bedba288543185ba69cc9e" ON "tickets" ("service_item_id", "slot_start") `);
    await queryRunner.query(`CREATE INDEX "IDX_7477b7d8293bbdadc87a5dfa13" ON "tickets" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f4476888a55137d9c7d82b319e" ON "tickets" ("community_id", "resolved_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c9707ade25fa07e40bdb345f33" ON "tickets" ("next_due_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c67725747a9defd4b618f8faec" ON "tickets" ("no") `);
    await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
    await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged','incident_linked') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "ticket_events"`,
    );
    await queryRunner.query(`DROP TABLE "ticket_events"`);
    await queryRunner.query(`ALTER TABLE "temporary_ticket_events" RENAME TO "ticket_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ba3bd69c8ad1e799c0256e9e50" ON "refresh_tokens" ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_343f9441c036d7dfc9fab6b84e" ON "notices" ("read_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_115998388f63944c2eda5132b4" ON "staff_notices" ("read_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_966493dcb48397e0b9280ff9fc" ON "sla_policies" ("community_id", "type", "priority") `);
    await queryRunner.query(`CREATE INDEX "IDX_a91c84410096c6fd07f5d375a2" ON "tickets" ("slot_start") `);
    await queryRunner.query(`CREATE INDEX "IDX_46cc48ac7766c63c234e1f58e7" ON "tickets" ("appointment_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
    // Timeline entries written before visibility existed: staff-only kinds and staff comments become
    // internal; the resident keeps reading their own words and the texts always meant for them.
    await queryRunner.query(
      `UPDATE ticket_events SET visibility = 'internal' WHERE type IN ('overdue', 'escalated', 'flagged') OR (type = 'commented' AND actor_kind <> 'resident')`,
    );
    await queryRunner.query(
      `UPDATE ticket_events SET public_note = note WHERE visibility = 'public' AND (actor_kind = 'resident' OR type IN ('resolved', 'cancelled', 'confirmed', 'auto_confirmed'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
    await queryRunner.query(`DROP INDEX "IDX_46cc48ac7766c63c234e1f58e7"`);
    await queryRunner.query(`DROP INDEX "IDX_a91c84410096c6fd07f5d375a2"`);
    await queryRunner.query(`DROP INDEX "IDX_966493dcb48397e0b9280ff9fc"`);
    await queryRunner.query(`DROP INDEX "IDX_115998388f63944c2eda5132b4"`);
    await queryRunner.query(`DROP INDEX "IDX_343f9441c036d7dfc9fab6b84e"`);
    await queryRunner.query(`DROP INDEX "IDX_ba3bd69c8ad1e799c0256e9e50"`);
    await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" RENAME TO "temporary_ticket_events"`);
    await queryRunner.query(
      `CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`,
    );
    await queryRunner.query(
      `INSERT INTO "ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "temporary_ticket_events"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ticket_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
    await queryRunner.query(`DROP INDEX "IDX_c67725747a9defd4b618f8faec"`);
    await queryRunner.query(`DROP INDEX "IDX_c9707ade25fa07e40bdb345f33"`);
    await queryRunner.query(`DROP INDEX "IDX_f4476888a55137d9c7d82b319e"`);
    await queryRunner.query(`DROP INDEX "IDX_7477b7d8293bbdadc87a5dfa13"`);
    await queryRunner.query(`DROP INDEX "IDX_fd51bedba288543185ba69cc9e"`);
    await queryRunner.query(`DROP INDEX "IDX_04ffcebf857f64287550dc0510"`);
    await queryRunner.query(`DROP INDEX "IDX_881422a2b9e47e4bd0c89fb11f"`);
    await queryRunner.query(`DROP INDEX "IDX_7c84817c3b88ad026b8288e180"`);
    await queryRunner.query(`DROP INDEX "IDX_f832f311c8687d0f5ca0414292"`);
    await queryRunner.query(`DROP INDEX "IDX_4fe17385e4c72f2bc82ae71a9a"`);
    await queryRunner.query(`DROP INDEX "IDX_f3e6ed066fe86d90924a85efff"`);
    await queryRunner.query(`DROP INDEX "IDX_d0fed12db092e43e719140fdcc"`);
    await queryRunner.query(`ALTER TABLE "tickets" RENAME TO "temporary_tickets"`);
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version" FROM "temporary_tickets"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_tickets"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c67725747a9defd4b618f8faec" ON "tickets" ("no") `);
    await queryRunner.query(`CREATE INDEX "IDX_c9707ade25fa07e40bdb345f33" ON "tickets" ("next_due_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f4476888a55137d9c7d82b319e" ON "tickets" ("community_id", "resolved_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_7477b7d8293bbdadc87a5dfa13" ON "tickets" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_fd51bedba288543185ba69cc9e" ON "tickets" ("service_item_id", "slot_start") `);
    await queryRunner.query(`CREATE INDEX "IDX_04ffcebf857f64287550dc0510" ON "tickets" ("community_id", "resolve_by", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_881422a2b9e47e4bd0c89fb11f" ON "tickets" ("assignee_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7c84817c3b88ad026b8288e180" ON "tickets" ("owner_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f832f311c8687d0f5ca0414292" ON "tickets" ("resident_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4fe17385e4c72f2bc82ae71a9a" ON "tickets" ("community_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3e6ed066fe86d90924a85efff" ON "tickets" ("community_id", "status", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d0fed12db092e43e719140fdcc" ON "tickets" ("community_id", "status", "resolve_by", "id") `);
    await queryRunner.query(`ALTER TABLE "sla_policies" RENAME TO "temporary_sla_policies"`);
    await queryRunner.query(
      `CREATE TABLE "sla_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service') ) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "respond_within_sec" integer NOT NULL, "onsite_within_sec" integer, "resolve_within_sec" integer NOT NULL, "resolve_working_days" tinyint, "confirm_within_sec" integer NOT NULL, "revisit_within_sec" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "sla_policies"("id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at") SELECT "id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at" FROM "temporary_sla_policies"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sla_policies"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_966493dcb48397e0b9280ff9fc" ON "sla_policies" ("community_id", "type", "priority") `);
    await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
    await queryRunner.query(`ALTER TABLE "staff_notices" RENAME TO "temporary_staff_notices"`);
    await queryRunner.query(
      `CREATE TABLE "staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "temporary_staff_notices"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_staff_notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
    await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" RENAME TO "temporary_outbox_messages"`);
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "outbox_messages"("id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at") SELECT "id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at" FROM "temporary_outbox_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_outbox_messages"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
    await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
    await queryRunner.query(`ALTER TABLE "notices" RENAME TO "temporary_notices"`);
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "notices"("id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "temporary_notices"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_647a321b4525821d55818825e7"`);
    await queryRunner.query(`DROP INDEX "IDX_ba62429c7ce94b52deb12a0438"`);
    await queryRunner.query(`ALTER TABLE "ticket_ratings" RENAME TO "temporary_ticket_ratings"`);
    await queryRunner.query(
      `CREATE TABLE "ticket_ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "resident_id" integer NOT NULL, "attitude" tinyint NOT NULL, "timeliness" tinyint NOT NULL, "quality" tinyint NOT NULL, "comment" varchar(500), "reply" varchar(500), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "community_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "ticket_ratings"("id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at", "community_id") SELECT "id", "ticket_id", "resident_id", "attitude", "timeliness", "quality", "comment", "reply", "created_at", "community_id" FROM "temporary_ticket_ratings"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ticket_ratings"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_647a321b4525821d55818825e7" ON "ticket_ratings" ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ba62429c7ce94b52deb12a0438" ON "ticket_ratings" ("community_id", "created_at") `);
    await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
    await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" RENAME TO "temporary_ticket_events"`);
    await queryRunner.query(
      `CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids" FROM "temporary_ticket_events"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ticket_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_47bd399f1a0caa35ef0d9f654e"`);
    await queryRunner.query(`DROP INDEX "IDX_54d50312f8f0f9b0fd41a831da"`);
    await queryRunner.query(`DROP INDEX "IDX_9caa3ae20f232ba05f923ea1eb"`);
    await queryRunner.query(`DROP TABLE "wecom_outbox"`);
    await queryRunner.query(`DROP INDEX "IDX_7b7287466aeaf84f49402f1e86"`);
    await queryRunner.query(`DROP TABLE "staff_wecom"`);
    await queryRunner.query(`DROP TABLE "appointment_reminders"`);
    await queryRunner.query(`DROP INDEX "IDX_d1f2218df482da0ca8d6e657bc"`);
    await queryRunner.query(`DROP TABLE "incident_tickets"`);
    await queryRunner.query(`DROP INDEX "IDX_bebfbe4d99fbdf90ef2ce866fc"`);
    await queryRunner.query(`DROP INDEX "IDX_aca4ccb11300c36fd8cbcc72f9"`);
    await queryRunner.query(`DROP TABLE "incidents"`);
    await queryRunner.query(`DROP INDEX "IDX_7d1ecc5592812d9fa72796e682"`);
    await queryRunner.query(`DROP TABLE "hotlines"`);
    await queryRunner.query(`DROP INDEX "IDX_eecd422cbead8bee64b7e9df5b"`);
    await queryRunner.query(`DROP INDEX "IDX_b557d4b95b30ba51b6fa308228"`);
    await queryRunner.query(`DROP TABLE "staff_wechat_bindings"`);
    await queryRunner.query(`DROP TABLE "announcement_reads"`);
    await queryRunner.query(`DROP INDEX "IDX_95e26e69badd979fb8badf43d9"`);
    await queryRunner.query(`DROP INDEX "IDX_6f23842afa26e61115e80b4485"`);
    await queryRunner.query(`DROP TABLE "announcements"`);
    await queryRunner.query(`DROP INDEX "IDX_7ec50c4c6fb46dae15363f3c1d"`);
    await queryRunner.query(`DROP TABLE "rate_limit_counters"`);
  }
}
