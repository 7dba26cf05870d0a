import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffWechatBindings1796616024745 implements MigrationInterface {
    name = 'StaffWechatBindings1796616024745'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_wechat_bindings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "staff_id" integer NOT NULL, "openid" varchar(64) NOT NULL, "created_at" datetime NOT NULL DEFAULT ((strftime('%Y-%m-%d %H:%M:%f', 'now'))))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b557d4b95b30ba51b6fa308228" ON "staff_wechat_bindings" ("staff_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_eecd422cbead8bee64b7e9df5b" ON "staff_wechat_bindings" ("openid") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_eecd422cbead8bee64b7e9df5b"`);
        await queryRunner.query(`DROP INDEX "IDX_b557d4b95b30ba51b6fa308228"`);
        await queryRunner.query(`DROP TABLE "staff_wechat_bindings"`);
    }

}
