import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffAccessVersion1795482816445 implements MigrationInterface {
  name = 'StaffAccessVersion1795482816445';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff\` ADD \`access_version\` int NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff\` DROP COLUMN \`access_version\``);
  }
}
