import { MigrationInterface, QueryRunner } from "typeorm";

export class FollowUpStaffNotice1796616332083 implements MigrationInterface {
    name = 'FollowUpStaffNotice1796616332083'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_97838a66f83a561851531995ac"`);
        await queryRunner.query(`CREATE TABLE "temporary_staff_notices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "ticket_id" integer, "kind" varchar CHECK( "kind" IN ('routed','urgent','dispatched','urged','transferred','flagged','sla_warning','sla_overdue','escalated','followed_up') ) NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(300) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "read_at" datetime)`);
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
    }

}
