import { MigrationInterface, QueryRunner } from "typeorm";

export class ServiceItemSettings1796627533608 implements MigrationInterface {
    name = 'ServiceItemSettings1796627533608'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_9be2508f454dbc4e2eea8c1d35"`);
        await queryRunner.query(`CREATE TABLE "temporary_service_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "name" varchar(60) NOT NULL, "description" varchar(300), "price" decimal(10,2) NOT NULL, "duration_min" integer NOT NULL, "slot_capacity" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))), "slots_from_min" smallint NOT NULL DEFAULT (540), "slots_until_min" smallint NOT NULL DEFAULT (1080), "booking_days" tinyint NOT NULL DEFAULT (7), "photo_id" integer)`);
        await queryRunner.query(`INSERT INTO "temporary_service_items"("id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at") SELECT "id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at" FROM "service_items"`);
        await queryRunner.query(`DROP TABLE "service_items"`);
        await queryRunner.query(`ALTER TABLE "temporary_service_items" RENAME TO "service_items"`);
        await queryRunner.query(`CREATE INDEX "IDX_9be2508f454dbc4e2eea8c1d35" ON "service_items" ("community_id", "active") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_9be2508f454dbc4e2eea8c1d35"`);
        await queryRunner.query(`ALTER TABLE "service_items" RENAME TO "temporary_service_items"`);
        await queryRunner.query(`CREATE TABLE "service_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "community_id" integer NOT NULL, "name" varchar(60) NOT NULL, "description" varchar(300), "price" decimal(10,2) NOT NULL, "duration_min" integer NOT NULL, "slot_capacity" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`INSERT INTO "service_items"("id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at") SELECT "id", "community_id", "name", "description", "price", "duration_min", "slot_capacity", "active", "created_at" FROM "temporary_service_items"`);
        await queryRunner.query(`DROP TABLE "temporary_service_items"`);
        await queryRunner.query(`CREATE INDEX "IDX_9be2508f454dbc4e2eea8c1d35" ON "service_items" ("community_id", "active") `);
    }

}
