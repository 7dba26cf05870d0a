import { MigrationInterface, QueryRunner } from "typeorm";

export class ComplaintNotices1796630330691 implements MigrationInterface {
    name = 'ComplaintNotices1796630330691'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_115998388f63944c2eda5132b4"`);
        await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
        await queryRunner.query(`CREATE TABLE "temporary_staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated','pooled','reopened','rated_low','resolved','followed_up','investigation','investigated') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "staff_notices"`);
        await queryRunner.query(`DROP TABLE "staff_notices"`);
        await queryRunner.query(`ALTER TABLE "temporary_staff_notices" RENAME TO "staff_notices"`);
        await queryRunner.query(`CREATE INDEX "IDX_115998388f63944c2eda5132b4" ON "staff_notices" ("read_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The complaint investigation notices only this schema can hold.
        await queryRunner.query(`DELETE FROM staff_notices WHERE kind IN ('investigation', 'investigated')`);
        await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
        await queryRunner.query(`DROP INDEX "IDX_115998388f63944c2eda5132b4"`);
        await queryRunner.query(`ALTER TABLE "staff_notices" RENAME TO "temporary_staff_notices"`);
        await queryRunner.query(`CREATE TABLE "staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated','pooled','reopened','rated_low','resolved','followed_up') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
        await queryRunner.query(`INSERT INTO "staff_notices"("id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at") SELECT "id", "staff_id", "ticket_id", "kind", "title", "body", "created_at", "read_at" FROM "temporary_staff_notices"`);
        await queryRunner.query(`DROP TABLE "temporary_staff_notices"`);
        await queryRunner.query(`CREATE INDEX "IDX_97838a66f83a561851531995ac" ON "staff_notices" ("staff_id", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_115998388f63944c2eda5132b4" ON "staff_notices" ("read_at") `);
    }

}
