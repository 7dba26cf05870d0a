import { MigrationInterface, QueryRunner } from "typeorm";

export class Announcements1796617563291 implements MigrationInterface {
    name = 'Announcements1796617563291'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "announcements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "zone_ids" text NOT NULL, "building_ids" text NOT NULL, "title" varchar(60) NOT NULL, "body" varchar(2000) NOT NULL, "photo_ids" text NOT NULL, "starts_at" datetime NOT NULL, "ends_at" datetime, "pinned" boolean NOT NULL DEFAULT (0), "incident_id" integer, "created_by_id" integer NOT NULL, "created_by_name" varchar(50) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_6f23842afa26e61115e80b4485" ON "announcements" ("community_id", "starts_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_95e26e69badd979fb8badf43d9" ON "announcements" ("community_id", "id") `);
        await queryRunner.query(`CREATE TABLE "announcement_reads" ("announcement_id" integer NOT NULL, "resident_id" integer NOT NULL, "read_at" datetime NOT NULL, PRIMARY KEY ("announcement_id", "resident_id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "announcement_reads"`);
        await queryRunner.query(`DROP INDEX "IDX_95e26e69badd979fb8badf43d9"`);
        await queryRunner.query(`DROP INDEX "IDX_6f23842afa26e61115e80b4485"`);
        await queryRunner.query(`DROP TABLE "announcements"`);
    }

}
