import { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceItemSettings1796627526183 implements MigrationInterface {
  name = 'ServiceItemSettings1796627526183';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`service_items\` ADD \`slots_from_min\` smallint UNSIGNED NOT NULL DEFAULT '540'`);
    await queryRunner.query(`ALTER TABLE \`service_items\` ADD \`slots_until_min\` smallint UNSIGNED NOT NULL DEFAULT '1080'`);
    await queryRunner.query(`ALTER TABLE \`service_items\` ADD \`booking_days\` tinyint UNSIGNED NOT NULL DEFAULT '7'`);
    await queryRunner.query(`ALTER TABLE \`service_items\` ADD \`photo_id\` bigint UNSIGNED NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`service_items\` DROP COLUMN \`photo_id\``);
    await queryRunner.query(`ALTER TABLE \`service_items\` DROP COLUMN \`booking_days\``);
    await queryRunner.query(`ALTER TABLE \`service_items\` DROP COLUMN \`slots_until_min\``);
    await queryRunner.query(`ALTER TABLE \`service_items\` DROP COLUMN \`slots_from_min\``);
  }
}
