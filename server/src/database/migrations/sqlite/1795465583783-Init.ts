import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795465583783 implements MigrationInterface {
  name = 'Init1795465583783';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scope" varchar(80) NOT NULL, "idem_key" varchar(64) NOT NULL, "status_code" integer, "response" text, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5e72f040fdc5efc8eef52a388c" ON "idempotency_keys" ("created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_55057df532f502f1b079c39ab5" ON "idempotency_keys" ("scope", "idem_key") `);
    await queryRunner.query(
      `CREATE TABLE "audit_logs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "action" varchar(60) NOT NULL, "target_type" varchar(40) NOT NULL, "target_id" integer, "detail" text, "ip" varchar(64), "at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_21ab2a62ee34a3eaaec40449dc" ON "audit_logs" ("actor_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a358c00ae08bdea24880372d7a" ON "audit_logs" ("target_type", "target_id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" varchar(32) PRIMARY KEY NOT NULL, "staff_id" integer NOT NULL, "family_id" varchar(32) NOT NULL, "secret_hash" varchar(64) NOT NULL, "expires_at" datetime NOT NULL, "used_at" datetime, "revoked_at" datetime, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c56cd9b987d620d0ec1eb7abcb" ON "refresh_tokens" ("staff_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens" ("family_id") `);
    await queryRunner.query(
      `CREATE TABLE "service_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "name" varchar(60) NOT NULL, "description" varchar(300), "price" decimal(10,2) NOT NULL, "duration_min" integer NOT NULL, "slot_capacity" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9be2508f454dbc4e2eea8c1d35" ON "service_items" ("community_id", "active") `);
    await queryRunner.query(
      `CREATE TABLE "communities" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "address" varchar(200), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `CREATE TABLE "zones" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cc08c8ab5967f1970136dcffdd" ON "zones" ("community_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "buildings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_87c031b09ae0ea17b73a883334" ON "buildings" ("community_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "rooms" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "building_id" integer NOT NULL, "zone_id" integer, "unit" varchar(20) NOT NULL DEFAULT (''), "number" varchar(20) NOT NULL, "label" varchar(120) NOT NULL, "owner_name_enc" varchar(255), "owner_name_hash" varchar(64), "owner_phone_enc" varchar(255), "owner_phone_hash" varchar(64), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8d538a1e92266ab515c40676d5" ON "rooms" ("community_id", "label") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_633fd93f2695f7da87d57d7280" ON "rooms" ("building_id", "unit", "number") `);
    await queryRunner.query(
      `CREATE TABLE "duty_shifts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "staff_id" integer NOT NULL, "start_at" datetime NOT NULL, "end_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_48db5007d520b9a203f8dedb23" ON "duty_shifts" ("staff_id", "start_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0dfc1d1d565ee0f38eeb67adc" ON "duty_shifts" ("community_id", "zone_id", "start_at") `);
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
    await queryRunner.query(
      `CREATE TABLE "subscription_credits" ("resident_id" integer NOT NULL, "template_id" varchar(64) NOT NULL, "credits" integer NOT NULL DEFAULT (0), PRIMARY KEY ("resident_id", "template_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "wechat_push_events" ("dedupe_key" varchar(100) PRIMARY KEY NOT NULL, "received_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `CREATE TABLE "uploads" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "owner_kind" varchar CHECK( "owner_kind" IN ('resident','staff') ) NOT NULL, "owner_id" integer NOT NULL, "storage_key" varchar(200) NOT NULL, "thumb_key" varchar(200) NOT NULL, "mime" varchar(40) NOT NULL, "source_format" varchar(10) NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "size" integer NOT NULL, "thumb_size" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "attached_at" datetime, "ticket_id" integer, "hidden" boolean NOT NULL DEFAULT (0), "media_check" varchar CHECK( "media_check" IN ('pending','pass','review','risky','unchecked') ), "media_check_trace_id" varchar(64))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_196ab4ab53b6bf558c21a0bb5c" ON "uploads" ("media_check_trace_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_68632e2a295130256cda4e3100" ON "uploads" ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f1105f55b2dedb3f50028af899" ON "uploads" ("attached_at", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f17e47f028cc35e2e5bba15ded" ON "uploads" ("owner_kind", "owner_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "residents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "unionid" varchar(64), "phone_enc" varchar(255), "phone_hash" varchar(64), "last_login_at" datetime, "erased_at" datetime, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e3e21cb5a1e57c9ffa3d2019d2" ON "residents" ("openid") `);
    await queryRunner.query(
      `CREATE TABLE "room_bindings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "room_id" integer NOT NULL, "community_id" integer NOT NULL, "name_enc" varchar(255), "phone_enc" varchar(255), "status" varchar CHECK( "status" IN ('pending','approved','rejected') ) NOT NULL, "reviewed_by_id" integer, "reviewed_at" datetime, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_67fb0e8493dbf5970ae7ac9b8e" ON "room_bindings" ("community_id", "status", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7bf2def6c2c1701f0f502c840e" ON "room_bindings" ("resident_id", "room_id") `);
    await queryRunner.query(
      `CREATE TABLE "sla_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service') ) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "respond_within_sec" integer NOT NULL, "onsite_within_sec" integer, "resolve_within_sec" integer NOT NULL, "resolve_working_days" tinyint, "confirm_within_sec" integer NOT NULL, "revisit_within_sec" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_966493dcb48397e0b9280ff9fc" ON "sla_policies" ("community_id", "type", "priority") `);
    await queryRunner.query(
      `CREATE TABLE "staff" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(64) NOT NULL, "password_hash" varchar(255) NOT NULL, "name" varchar(50) NOT NULL, "phone_enc" varchar(255), "phone_hash" varchar(64), "roles" text NOT NULL, "skills" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" datetime, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_35aafb5ad218f3ff1ff70e281e" ON "staff" ("username") `);
    await queryRunner.query(
      `CREATE TABLE "staff_communities" ("staff_id" integer NOT NULL, "community_id" integer NOT NULL, PRIMARY KEY ("staff_id", "community_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c9fc2f97b9d96376aa5e2516ef" ON "staff_communities" ("community_id", "staff_id") `);
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL)`,
    );
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
    await queryRunner.query(
      `CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_ratings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "resident_id" integer NOT NULL, "attitude" tinyint NOT NULL, "timeliness" tinyint NOT NULL, "quality" tinyint NOT NULL, "comment" varchar(500), "reply" varchar(500), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_647a321b4525821d55818825e7" ON "ticket_ratings" ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1b0aaf9e40689296b1d7803d23" ON "ticket_ratings" ("created_at") `);
    await queryRunner.query(`CREATE TABLE "ticket_sequences" ("prefix" varchar(12) PRIMARY KEY NOT NULL, "seq" integer NOT NULL)`);
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
    await queryRunner.query(
      `CREATE TABLE "temporary_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version" FROM "tickets"`,
    );
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`ALTER TABLE "temporary_tickets" RENAME TO "tickets"`);
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(`ALTER TABLE "tickets" RENAME TO "temporary_tickets"`);
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version" FROM "temporary_tickets"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_tickets"`);
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
    await queryRunner.query(`DROP TABLE "ticket_sequences"`);
    await queryRunner.query(`DROP INDEX "IDX_1b0aaf9e40689296b1d7803d23"`);
    await queryRunner.query(`DROP INDEX "IDX_647a321b4525821d55818825e7"`);
    await queryRunner.query(`DROP TABLE "ticket_ratings"`);
    await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
    await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
    await queryRunner.query(`DROP TABLE "ticket_events"`);
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
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`DROP INDEX "IDX_c9fc2f97b9d96376aa5e2516ef"`);
    await queryRunner.query(`DROP TABLE "staff_communities"`);
    await queryRunner.query(`DROP INDEX "IDX_35aafb5ad218f3ff1ff70e281e"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`DROP INDEX "IDX_966493dcb48397e0b9280ff9fc"`);
    await queryRunner.query(`DROP TABLE "sla_policies"`);
    await queryRunner.query(`DROP INDEX "IDX_7bf2def6c2c1701f0f502c840e"`);
    await queryRunner.query(`DROP INDEX "IDX_67fb0e8493dbf5970ae7ac9b8e"`);
    await queryRunner.query(`DROP TABLE "room_bindings"`);
    await queryRunner.query(`DROP INDEX "IDX_e3e21cb5a1e57c9ffa3d2019d2"`);
    await queryRunner.query(`DROP TABLE "residents"`);
    await queryRunner.query(`DROP INDEX "IDX_f17e47f028cc35e2e5bba15ded"`);
    await queryRunner.query(`DROP INDEX "IDX_f1105f55b2dedb3f50028af899"`);
    await queryRunner.query(`DROP INDEX "IDX_68632e2a295130256cda4e3100"`);
    await queryRunner.query(`DROP INDEX "IDX_196ab4ab53b6bf558c21a0bb5c"`);
    await queryRunner.query(`DROP TABLE "uploads"`);
    await queryRunner.query(`DROP TABLE "wechat_push_events"`);
    await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
    await queryRunner.query(`DROP TABLE "staff_notices"`);
    await queryRunner.query(`DROP TABLE "subscription_credits"`);
    await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
    await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`DROP INDEX "IDX_c0dfc1d1d565ee0f38eeb67adc"`);
    await queryRunner.query(`DROP INDEX "IDX_48db5007d520b9a203f8dedb23"`);
    await queryRunner.query(`DROP TABLE "duty_shifts"`);
    await queryRunner.query(`DROP INDEX "IDX_633fd93f2695f7da87d57d7280"`);
    await queryRunner.query(`DROP INDEX "IDX_8d538a1e92266ab515c40676d5"`);
    await queryRunner.query(`DROP TABLE "rooms"`);
    await queryRunner.query(`DROP INDEX "IDX_87c031b09ae0ea17b73a883334"`);
    await queryRunner.query(`DROP TABLE "buildings"`);
    await queryRunner.query(`DROP INDEX "IDX_cc08c8ab5967f1970136dcffdd"`);
    await queryRunner.query(`DROP TABLE "zones"`);
    await queryRunner.query(`DROP TABLE "communities"`);
    await queryRunner.query(`DROP INDEX "IDX_9be2508f454dbc4e2eea8c1d35"`);
    await queryRunner.query(`DROP TABLE "service_items"`);
    await queryRunner.query(`DROP INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba"`);
    await queryRunner.query(`DROP INDEX "IDX_c56cd9b987d620d0ec1eb7abcb"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "IDX_a358c00ae08bdea24880372d7a"`);
    await queryRunner.query(`DROP INDEX "IDX_21ab2a62ee34a3eaaec40449dc"`);
    await queryRunner.query(`DROP TABLE "audit_logs"`);
    await queryRunner.query(`DROP INDEX "IDX_55057df532f502f1b079c39ab5"`);
    await queryRunner.query(`DROP INDEX "IDX_5e72f040fdc5efc8eef52a388c"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
