import { MigrationInterface, QueryRunner } from "typeorm";

export class Hotlines1796617712432 implements MigrationInterface {
    name = 'Hotlines1796617712432'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "hotlines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "zone_id" integer, "day_phone" varchar(20), "night_phone" varchar(20), "day_from" varchar(5) NOT NULL DEFAULT ('08:30'), "day_to" varchar(5) NOT NULL DEFAULT ('21:00'), "technician_phone" varchar(20), "technician_own_phone" boolean NOT NULL DEFAULT (0), "updated_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_7d1ecc5592812d9fa72796e682" ON "hotlines" ("community_id", "zone_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_7d1ecc5592812d9fa72796e682"`);
        await queryRunner.query(`DROP TABLE "hotlines"`);
    }

}
