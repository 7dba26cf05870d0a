import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * This round's schema for the embedded database, in one migration (SQLite rebuilds a table for
 * most changes, so the branches' separate migrations would each rebuild tickets without the
 * others' columns): public locations and followers (#18), service item settings and the queue's
 * running-clock deadline (#22), complaint depth (#18.5: ticket_complaints with a row for each existing
 * complaint, investigations, the SLA level) and paid services (#17: price items, quotes, payments, refunds,
 * what a request has due).
 *
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

/** Every complaint already filed gets its complaint row (一般; 服务态度 counts as about staff). */
const COMPLAINT_ROWS = `INSERT INTO ticket_complaints (ticket_id, community_id, level, about_staff, created_at) SELECT id, community_id, 'general', CASE WHEN category = '服务态度' THEN 1 ELSE 0 END, created_at FROM tickets WHERE type = 'complaint'`;

export class RoundSeven1796631595161 implements MigrationInterface {
  name = 'RoundSeven1796631595161';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_966493dcb48397e0b9280ff9fc"`);
    await queryRunner.query(`DROP INDEX "IDX_04ffcebf857f64287550dc0510"`);
    await queryRunner.query(`DROP INDEX "IDX_d0fed12db092e43e719140fdcc"`);
    await queryRunner.query(
      `CREATE TABLE "ticket_complaints" ("ticket_id" integer PRIMARY KEY NOT NULL, "community_id" integer NOT NULL, "level" varchar CHECK( "level" IN ('general','major') ) NOT NULL DEFAULT ('general'), "subject_staff_id" integer, "subject_name" varchar(50), "about_staff" boolean NOT NULL DEFAULT (0), "validity" varchar CHECK( "validity" IN ('valid','invalid') ), "judged_at" datetime, "reply_result" varchar(1000), "reply_measures" varchar(1000), "replied_at" datetime, "replied_by_id" integer, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7dae9a1857370de35641b4f4a4" ON "ticket_complaints" ("community_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "complaint_investigations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "department" varchar(20), "assignee_id" integer, "task" varchar(500) NOT NULL, "due_at" datetime NOT NULL, "result" varchar(1000), "reported_at" datetime, "reported_by_id" integer, "created_by_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_37455a267174cb47bf51720ffc" ON "complaint_investigations" ("assignee_id", "reported_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_340703414610af4983fb48edf4" ON "complaint_investigations" ("ticket_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "price_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "name" varchar(60) NOT NULL, "unit" varchar(10) NOT NULL, "unit_price_fen" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_195e961ef30553a8db1f15fce5" ON "price_items" ("community_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "quote_lines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "quote_id" integer NOT NULL, "ticket_id" integer NOT NULL, "position" smallint NOT NULL, "kind" varchar CHECK( "kind" IN ('service','material','labour','discount') ) NOT NULL, "name" varchar(60) NOT NULL, "unit" varchar(10) NOT NULL, "unit_price_fen" integer NOT NULL, "quantity" integer NOT NULL, "amount_fen" integer NOT NULL, "price_item_id" integer)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_46e8edd92c3871a3365657eb46" ON "quote_lines" ("quote_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "quotes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "community_id" integer NOT NULL, "status" varchar CHECK( "status" IN ('pending','approved','declined','superseded') ) NOT NULL, "total_fen" integer NOT NULL, "note" varchar(300), "created_by_staff_id" integer NOT NULL, "created_by_name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "decided_at" datetime, "decision_note" varchar(300))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_09007b1c4dd048401742532bbc" ON "quotes" ("ticket_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "payments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "community_id" integer NOT NULL, "out_trade_no" varchar(32) NOT NULL, "method" varchar CHECK( "method" IN ('wechat','cash','qr') ) NOT NULL, "status" varchar CHECK( "status" IN ('pending','paid','closed') ) NOT NULL, "amount_fen" integer NOT NULL, "refunded_fen" integer NOT NULL DEFAULT (0), "prepay_id" varchar(64), "payer_openid" varchar(64), "transaction_id" varchar(32), "expires_at" datetime, "sweep_until" datetime, "paid_at" datetime, "recorded_by_staff_id" integer, "recorded_by_name" varchar(50), "note" varchar(200), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b39945a319d0baa9e16e446c59" ON "payments" ("out_trade_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_040532fe36d8ba9ddd630f12f6" ON "payments" ("community_id", "paid_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_cec73c51fa9b4f11beb344b627" ON "payments" ("status", "expires_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_77c0211fa04e5110d0e6db2c7e" ON "payments" ("ticket_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "refunds" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "payment_id" integer NOT NULL, "ticket_id" integer NOT NULL, "community_id" integer NOT NULL, "out_refund_no" varchar(32) NOT NULL, "amount_fen" integer NOT NULL, "reason" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('processing','success','closed','abnormal') ) NOT NULL, "refund_id" varchar(32), "created_by_staff_id" integer NOT NULL, "created_by_name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "succeeded_at" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_726165fe1d221e74b601fb98c9" ON "refunds" ("out_refund_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_55af7342cbfe3cb73c93f940c9" ON "refunds" ("community_id", "succeeded_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_7f48aa5d56c42aeb495db01668" ON "refunds" ("payment_id") `);
    await queryRunner.query(
      `CREATE TABLE "places" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "building_id" integer, "name" varchar(50) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c618d4884cf321b8a2312a74b3" ON "places" ("community_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_followers" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "resident_id" integer NOT NULL, "via" varchar CHECK( "via" IN ('me_too','merge') ) NOT NULL, "from_ticket_id" integer, "attitude" tinyint, "timeliness" tinyint, "quality" tinyint, "comment" varchar(500), "rated_at" datetime, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_029d97a31a35e007920f46d517" ON "ticket_followers" ("resident_id", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_11b78f241c8cb76ebe793ab949" ON "ticket_followers" ("ticket_id", "resident_id") `);
    await queryRunner.query(`DROP INDEX "IDX_9be2508f454dbc4e2eea8c1d35"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_service_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "name" varchar(60) NOT NULL, "description" varchar(300), "price" decimal(10,2) NOT NULL, "duration_min" integer NOT NULL, "slot_capacity" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "slots_from_min" smallint NOT NULL DEFAULT (540), "slots_until_min" smallint NOT NULL DEFAULT (1080), "booking_days" tinyint NOT NULL DEFAULT (7), "photo_id" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_service_items"("id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at") SELECT "id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at" FROM "service_items"`,
    );
    await queryRunner.query(`DROP TABLE "service_items"`);
    await queryRunner.query(`ALTER TABLE "temporary_service_items" RENAME TO "service_items"`);
    await queryRunner.query(`CREATE INDEX "IDX_9be2508f454dbc4e2eea8c1d35" ON "service_items" ("community_id", "active") `);
    await queryRunner.query(
      `CREATE TABLE "temporary_sla_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "respond_within_sec" integer NOT NULL, "onsite_within_sec" integer, "resolve_within_sec" integer NOT NULL, "resolve_working_days" tinyint, "confirm_within_sec" integer NOT NULL, "revisit_within_sec" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "level" varchar CHECK( "level" IN ('general','major') ) NOT NULL DEFAULT ('general'))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sla_policies"("id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at") SELECT "id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at" FROM "sla_policies"`,
    );
    await queryRunner.query(`DROP TABLE "sla_policies"`);
    await queryRunner.query(`ALTER TABLE "temporary_sla_policies" RENAME TO "sla_policies"`);
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
    await queryRunner.query(
      `CREATE TABLE "temporary_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "location_kind" varchar CHECK( "location_kind" IN ('room','building','unit','zone','place') ) NOT NULL DEFAULT ('room'), "building_id" integer, "unit" varchar(20), "place_id" integer, "location_label" varchar(120), "reporter_room_id" integer, "follower_count" integer NOT NULL DEFAULT (0), "merged_into_id" integer, "quote_pending" boolean NOT NULL DEFAULT (0), "approved_fen" integer NOT NULL DEFAULT (0), "paid_fen" integer NOT NULL DEFAULT (0), "due_fen" integer NOT NULL DEFAULT (0), "fee_waived_at" datetime, "clock_due_at" datetime, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version" FROM "tickets"`,
    );
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
    await queryRunner.query(`DROP INDEX "IDX_343f9441c036d7dfc9fab6b84e"`);
    await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed','incident','incident_resolved','incident_linked','merged','quoted','refunded') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_notices"("id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "notices"`,
    );
    await queryRunner.query(`DROP TABLE "notices"`);
    await queryRunner.query(`ALTER TABLE "temporary_notices" RENAME TO "notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_343f9441c036d7dfc9fab6b84e" ON "notices" ("read_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
    await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed','incident','incident_resolved','incident_linked','merged','quoted','refunded') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_outbox_messages"("id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at") SELECT "id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at" FROM "outbox_messages"`,
    );
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_outbox_messages" RENAME TO "outbox_messages"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
    await queryRunner.query(`DROP INDEX "IDX_115998388f63944c2eda5132b4"`);
    await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated','pooled','reopened','rated_low','resolved','followed_up','investigation','investigated') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "staff_notices"`,
    );
    await queryRunner.query(`DROP TABLE "staff_notices"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_notices" RENAME TO "staff_notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_115998388f63944c2eda5132b4" ON "staff_notices" ("read_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
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
    await queryRunner.query(
      `CREATE TABLE "temporary_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "location_kind" varchar CHECK( "location_kind" IN ('room','building','unit','zone','place') ) NOT NULL DEFAULT ('room'), "building_id" integer, "unit" varchar(20), "place_id" integer, "location_label" varchar(120), "reporter_room_id" integer, "follower_count" integer NOT NULL DEFAULT (0), "merged_into_id" integer, "quote_pending" boolean NOT NULL DEFAULT (0), "approved_fen" integer NOT NULL DEFAULT (0), "paid_fen" integer NOT NULL DEFAULT (0), "due_fen" integer NOT NULL DEFAULT (0), "fee_waived_at" datetime, "clock_due_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at" FROM "tickets"`,
    );
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
    await queryRunner.query(
      `CREATE TABLE "temporary_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "location_kind" varchar CHECK( "location_kind" IN ('room','building','unit','zone','place') ) NOT NULL DEFAULT ('room'), "building_id" integer, "unit" varchar(20), "place_id" integer, "location_label" varchar(120), "reporter_room_id" integer, "follower_count" integer NOT NULL DEFAULT (0), "merged_into_id" integer, "quote_pending" boolean NOT NULL DEFAULT (0), "approved_fen" integer NOT NULL DEFAULT (0), "paid_fen" integer NOT NULL DEFAULT (0), "due_fen" integer NOT NULL DEFAULT (0), "fee_waived_at" datetime, "clock_due_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at" FROM "tickets"`,
    );
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
    await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
    await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged','incident_linked','merged','duplicate_merged','followed','priority_raised','follower_rated','quoted','quote_approved','quote_declined','paid','refunded','payment_waived','graded','judged','investigation_assigned','investigation_reported','formally_replied') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "ticket_events"`,
    );
    await queryRunner.query(`DROP TABLE "ticket_events"`);
    await queryRunner.query(`ALTER TABLE "temporary_ticket_events" RENAME TO "ticket_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1c363644a1704e915bacfac1b9" ON "sla_policies" ("community_id", "type", "priority", "level") `);
    await queryRunner.query(`CREATE INDEX "IDX_7c5fbe33915327f4a15a8fef52" ON "tickets" ("community_id", "due_fen", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5127a2ce036000d7293268a9a6" ON "tickets" ("community_id", "location_kind", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_db5b178b8f2bc9f041f1e19bba" ON "tickets" ("community_id", "status", "clock_due_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_99fa8af2321ec1f4c8ad947632" ON "tickets" ("community_id", "clock_due_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
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
    await queryRunner.query(`DROP INDEX "IDX_7c5fbe33915327f4a15a8fef52"`);
    await queryRunner.query(`DROP INDEX "IDX_5127a2ce036000d7293268a9a6"`);
    await queryRunner.query(`DROP INDEX "IDX_db5b178b8f2bc9f041f1e19bba"`);
    await queryRunner.query(`DROP INDEX "IDX_99fa8af2321ec1f4c8ad947632"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "location_kind" varchar CHECK( "location_kind" IN ('room','building','unit','zone','place') ) NOT NULL DEFAULT ('room'), "building_id" integer, "unit" varchar(20), "place_id" integer, "location_label" varchar(120), "reporter_room_id" integer, "follower_count" integer NOT NULL DEFAULT (0), "merged_into_id" integer, "quote_pending" boolean NOT NULL DEFAULT (0), "approved_fen" integer NOT NULL DEFAULT (0), "paid_fen" integer NOT NULL DEFAULT (0), "due_fen" integer NOT NULL DEFAULT (0), "fee_waived_at" datetime, "clock_due_at" datetime, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at" FROM "tickets"`,
    );
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
    await queryRunner.query(`CREATE INDEX "IDX_7c5fbe33915327f4a15a8fef52" ON "tickets" ("community_id", "due_fen", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5127a2ce036000d7293268a9a6" ON "tickets" ("community_id", "location_kind", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_db5b178b8f2bc9f041f1e19bba" ON "tickets" ("community_id", "status", "clock_due_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_99fa8af2321ec1f4c8ad947632" ON "tickets" ("community_id", "clock_due_at", "id") `);
    await queryRunner.query(BACKFILL);
    await queryRunner.query(COMPLAINT_ROWS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_99fa8af2321ec1f4c8ad947632"`);
    await queryRunner.query(`DROP INDEX "IDX_db5b178b8f2bc9f041f1e19bba"`);
    await queryRunner.query(`DROP INDEX "IDX_5127a2ce036000d7293268a9a6"`);
    await queryRunner.query(`DROP INDEX "IDX_7c5fbe33915327f4a15a8fef52"`);
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
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "location_kind" varchar CHECK( "location_kind" IN ('room','building','unit','zone','place') ) NOT NULL DEFAULT ('room'), "building_id" integer, "unit" varchar(20), "place_id" integer, "location_label" varchar(120), "reporter_room_id" integer, "follower_count" integer NOT NULL DEFAULT (0), "merged_into_id" integer, "quote_pending" boolean NOT NULL DEFAULT (0), "approved_fen" integer NOT NULL DEFAULT (0), "paid_fen" integer NOT NULL DEFAULT (0), "due_fen" integer NOT NULL DEFAULT (0), "fee_waived_at" datetime, "clock_due_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at" FROM "temporary_tickets"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_tickets"`);
    await queryRunner.query(`CREATE INDEX "IDX_99fa8af2321ec1f4c8ad947632" ON "tickets" ("community_id", "clock_due_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_db5b178b8f2bc9f041f1e19bba" ON "tickets" ("community_id", "status", "clock_due_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5127a2ce036000d7293268a9a6" ON "tickets" ("community_id", "location_kind", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_7c5fbe33915327f4a15a8fef52" ON "tickets" ("community_id", "due_fen", "id") `);
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
    await queryRunner.query(`DROP INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69"`);
    await queryRunner.query(`DROP INDEX "IDX_99fa8af2321ec1f4c8ad947632"`);
    await queryRunner.query(`DROP INDEX "IDX_db5b178b8f2bc9f041f1e19bba"`);
    await queryRunner.query(`DROP INDEX "IDX_5127a2ce036000d7293268a9a6"`);
    await queryRunner.query(`DROP INDEX "IDX_7c5fbe33915327f4a15a8fef52"`);
    await queryRunner.query(`DROP INDEX "IDX_1c363644a1704e915bacfac1b9"`);
    await queryRunner.query(`DROP INDEX "IDX_659e86bdff64b785a179e6709f"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" RENAME TO "temporary_ticket_events"`);
    await queryRunner.query(
      `CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('created','routed','pooled','claimed','accepted','dispatched','started','held','resumed','resolved','confirmed','auto_confirmed','verified','reopened','revisited','cancelled','transferred','commented','rated','urged','overdue','escalated','flagged','incident_linked') ) NOT NULL, "at" datetime NOT NULL, "actor_kind" varchar CHECK( "actor_kind" IN ('resident','staff','system') ) NOT NULL, "actor_id" integer, "actor_name" varchar(50) NOT NULL, "note" varchar(1000), "data" text, "photo_ids" text, "visibility" varchar CHECK( "visibility" IN ('public','internal') ) NOT NULL DEFAULT ('public'), "public_note" varchar(1000))`,
    );
    await queryRunner.query(
      `INSERT INTO "ticket_events"("id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note") SELECT "id", "ticket_id", "type", "at", "actor_kind", "actor_id", "actor_name", "note", "data", "photo_ids", "visibility", "public_note" FROM "temporary_ticket_events"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ticket_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_659e86bdff64b785a179e6709f" ON "ticket_events" ("ticket_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8fcb8dfeb7aa9e4978c29e6a69" ON "ticket_events" ("ticket_id", "type", "at") `);
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
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "location_kind" varchar CHECK( "location_kind" IN ('room','building','unit','zone','place') ) NOT NULL DEFAULT ('room'), "building_id" integer, "unit" varchar(20), "place_id" integer, "location_label" varchar(120), "reporter_room_id" integer, "follower_count" integer NOT NULL DEFAULT (0), "merged_into_id" integer, "quote_pending" boolean NOT NULL DEFAULT (0), "approved_fen" integer NOT NULL DEFAULT (0), "paid_fen" integer NOT NULL DEFAULT (0), "due_fen" integer NOT NULL DEFAULT (0), "fee_waived_at" datetime, "clock_due_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at" FROM "temporary_tickets"`,
    );
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
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, "location_kind" varchar CHECK( "location_kind" IN ('room','building','unit','zone','place') ) NOT NULL DEFAULT ('room'), "building_id" integer, "unit" varchar(20), "place_id" integer, "location_label" varchar(120), "reporter_room_id" integer, "follower_count" integer NOT NULL DEFAULT (0), "merged_into_id" integer, "quote_pending" boolean NOT NULL DEFAULT (0), "approved_fen" integer NOT NULL DEFAULT (0), "paid_fen" integer NOT NULL DEFAULT (0), "due_fen" integer NOT NULL DEFAULT (0), "fee_waived_at" datetime, "clock_due_at" datetime, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "tickets"("id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at") SELECT "id", "no", "type", "status", "category", "description", "priority", "channel", "community_id", "zone_id", "room_id", "resident_id", "resident_name_enc", "contact_phone_enc", "created_by_staff_id", "owner_id", "assignee_id", "service_item_id", "slot_start", "appointment_at", "fee", "respond_by", "onsite_by", "resolve_by", "confirm_by", "revisit_by", "responded_at", "onsite_at", "resolved_at", "closed_at", "revisited_at", "cancelled_at", "held_at", "held_seconds", "sla_warned", "sla_breached", "escalation_level", "escalated_at", "next_due_at", "reopen_count", "flagged", "photo_ids", "created_at", "updated_at", "version", "location_kind", "building_id", "unit", "place_id", "location_label", "reporter_room_id", "follower_count", "merged_into_id", "quote_pending", "approved_fen", "paid_fen", "due_fen", "fee_waived_at", "clock_due_at" FROM "temporary_tickets"`,
    );
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
    await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
    await queryRunner.query(`DROP INDEX "IDX_115998388f63944c2eda5132b4"`);
    await queryRunner.query(`ALTER TABLE "staff_notices" RENAME TO "temporary_staff_notices"`);
    await queryRunner.query(
      `CREATE TABLE "staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated','pooled','reopened','rated_low','resolved','followed_up') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "temporary_staff_notices"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_staff_notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_115998388f63944c2eda5132b4" ON "staff_notices" ("read_at") `);
    await queryRunner.query(`DROP INDEX "IDX_026b59e1ff189e25edecb09f84"`);
    await queryRunner.query(`DROP INDEX "IDX_f742eeec9b36163f730a1abf05"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" RENAME TO "temporary_outbox_messages"`);
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "notice_id" integer NOT NULL, "resident_id" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed','incident','incident_resolved','incident_linked') ) NOT NULL, "values" text NOT NULL, "page" varchar(200) NOT NULL, "status" varchar CHECK( "status" IN ('pending','delivered','no_consent','failed','skipped') ) NOT NULL DEFAULT ('pending'), "attempts" smallint NOT NULL DEFAULT (0), "next_attempt_at" datetime NOT NULL, "last_error" varchar(300), "sent_at" datetime, "credit_reserved" boolean NOT NULL DEFAULT (0), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "outbox_messages"("id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at") SELECT "id", "notice_id", "resident_id", "kind", "values", "page", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "credit_reserved", "created_at" FROM "temporary_outbox_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_outbox_messages"`);
    await queryRunner.query(`CREATE INDEX "IDX_026b59e1ff189e25edecb09f84" ON "outbox_messages" ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f742eeec9b36163f730a1abf05" ON "outbox_messages" ("notice_id") `);
    await queryRunner.query(`DROP INDEX "IDX_d955929fa3bb2611c3150cdbd5"`);
    await queryRunner.query(`DROP INDEX "IDX_343f9441c036d7dfc9fab6b84e"`);
    await queryRunner.query(`ALTER TABLE "notices" RENAME TO "temporary_notices"`);
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "resident_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('accepted','dispatched','resolved','reopened','closed','cancelled','replied','held','resumed','appointment','reminder','delayed','incident','incident_resolved','incident_linked') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "notices"("id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "resident_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "temporary_notices"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_notices"`);
    await queryRunner.query(`CREATE INDEX "IDX_d955929fa3bb2611c3150cdbd5" ON "notices" ("resident_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_343f9441c036d7dfc9fab6b84e" ON "notices" ("read_at") `);
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
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "no" varchar(24) NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "status" varchar CHECK( "status" IN ('submitted','accepted','dispatched','in_progress','resolved','closed','revisited','cancelled') ) NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('miniapp','phone','walk_in','patrol','other') ) NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "room_id" integer NOT NULL, "resident_id" integer, "resident_name_enc" varchar(255), "contact_phone_enc" varchar(255), "created_by_staff_id" integer, "owner_id" integer, "assignee_id" integer, "service_item_id" integer, "slot_start" datetime, "appointment_at" datetime, "fee" decimal(10,2), "respond_by" datetime, "onsite_by" datetime, "resolve_by" datetime, "confirm_by" datetime, "revisit_by" datetime, "responded_at" datetime, "onsite_at" datetime, "resolved_at" datetime, "closed_at" datetime, "revisited_at" datetime, "cancelled_at" datetime, "held_at" datetime, "held_seconds" integer NOT NULL DEFAULT (0), "sla_warned" smallint NOT NULL DEFAULT (0), "sla_breached" smallint NOT NULL DEFAULT (0), "escalation_level" tinyint NOT NULL DEFAULT (0), "escalated_at" datetime, "next_due_at" datetime, "reopen_count" smallint NOT NULL DEFAULT (0), "flagged" boolean NOT NULL DEFAULT (0), "photo_ids" text NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL, "version" integer NOT NULL, CONSTRAINT "FK_e12d73a31aa5c3629a0243e7e1b" FOREIGN KEY ("room_id") REFERENCES "rooms" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5051ef7bf7d664ad1d081a110e6" FOREIGN KEY ("owner_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
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
    await queryRunner.query(`CREATE INDEX "IDX_fd51bedba288543185ba69cc9e" ON "tickets" ("service_item_id", "slot_start") `);
    await queryRunner.query(`CREATE INDEX "IDX_7477b7d8293bbdadc87a5dfa13" ON "tickets" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f4476888a55137d9c7d82b319e" ON "tickets" ("community_id", "resolved_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c9707ade25fa07e40bdb345f33" ON "tickets" ("next_due_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c67725747a9defd4b618f8faec" ON "tickets" ("no") `);
    await queryRunner.query(`CREATE INDEX "IDX_a91c84410096c6fd07f5d375a2" ON "tickets" ("slot_start") `);
    await queryRunner.query(`CREATE INDEX "IDX_46cc48ac7766c63c234e1f58e7" ON "tickets" ("appointment_at") `);
    await queryRunner.query(`ALTER TABLE "sla_policies" RENAME TO "temporary_sla_policies"`);
    await queryRunner.query(
      `CREATE TABLE "sla_policies" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('repair','complaint','home_service','enquiry') ) NOT NULL, "priority" varchar CHECK( "priority" IN ('normal','urgent') ) NOT NULL, "respond_within_sec" integer NOT NULL, "onsite_within_sec" integer, "resolve_within_sec" integer NOT NULL, "resolve_working_days" tinyint, "confirm_within_sec" integer NOT NULL, "revisit_within_sec" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "sla_policies"("id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at") SELECT "id", "community_id", "type", "priority", "respond_within_sec", "onsite_within_sec", "resolve_within_sec", "resolve_working_days", "confirm_within_sec", "revisit_within_sec", "created_at" FROM "temporary_sla_policies"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sla_policies"`);
    await queryRunner.query(`DROP INDEX "IDX_9be2508f454dbc4e2eea8c1d35"`);
    await queryRunner.query(`ALTER TABLE "service_items" RENAME TO "temporary_service_items"`);
    await queryRunner.query(
      `CREATE TABLE "service_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "name" varchar(60) NOT NULL, "description" varchar(300), "price" decimal(10,2) NOT NULL, "duration_min" integer NOT NULL, "slot_capacity" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`,
    );
    await queryRunner.query(
      `INSERT INTO "service_items"("id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at") SELECT "id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at" FROM "temporary_service_items"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_service_items"`);
    await queryRunner.query(`CREATE INDEX "IDX_9be2508f454dbc4e2eea8c1d35" ON "service_items" ("community_id", "active") `);
    await queryRunner.query(`DROP INDEX "IDX_11b78f241c8cb76ebe793ab949"`);
    await queryRunner.query(`DROP INDEX "IDX_029d97a31a35e007920f46d517"`);
    await queryRunner.query(`DROP TABLE "ticket_followers"`);
    await queryRunner.query(`DROP INDEX "IDX_c618d4884cf321b8a2312a74b3"`);
    await queryRunner.query(`DROP TABLE "places"`);
    await queryRunner.query(`DROP INDEX "IDX_7f48aa5d56c42aeb495db01668"`);
    await queryRunner.query(`DROP INDEX "IDX_55af7342cbfe3cb73c93f940c9"`);
    await queryRunner.query(`DROP INDEX "IDX_726165fe1d221e74b601fb98c9"`);
    await queryRunner.query(`DROP TABLE "refunds"`);
    await queryRunner.query(`DROP INDEX "IDX_77c0211fa04e5110d0e6db2c7e"`);
    await queryRunner.query(`DROP INDEX "IDX_cec73c51fa9b4f11beb344b627"`);
    await queryRunner.query(`DROP INDEX "IDX_040532fe36d8ba9ddd630f12f6"`);
    await queryRunner.query(`DROP INDEX "IDX_b39945a319d0baa9e16e446c59"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP INDEX "IDX_09007b1c4dd048401742532bbc"`);
    await queryRunner.query(`DROP TABLE "quotes"`);
    await queryRunner.query(`DROP INDEX "IDX_46e8edd92c3871a3365657eb46"`);
    await queryRunner.query(`DROP TABLE "quote_lines"`);
    await queryRunner.query(`DROP INDEX "IDX_195e961ef30553a8db1f15fce5"`);
    await queryRunner.query(`DROP TABLE "price_items"`);
    await queryRunner.query(`DROP INDEX "IDX_340703414610af4983fb48edf4"`);
    await queryRunner.query(`DROP INDEX "IDX_37455a267174cb47bf51720ffc"`);
    await queryRunner.query(`DROP TABLE "complaint_investigations"`);
    await queryRunner.query(`DROP INDEX "IDX_7dae9a1857370de35641b4f4a4"`);
    await queryRunner.query(`DROP TABLE "ticket_complaints"`);
    await queryRunner.query(`CREATE INDEX "IDX_d0fed12db092e43e719140fdcc" ON "tickets" ("community_id", "status", "resolve_by", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_04ffcebf857f64287550dc0510" ON "tickets" ("community_id", "resolve_by", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_966493dcb48397e0b9280ff9fc" ON "sla_policies" ("community_id", "type", "priority") `);
  }
}
