import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWorkingDayPolicies1795457800558 implements MigrationInterface {
  name = 'AddWorkingDayPolicies1795457800558';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sla_policies\` ADD \`resolve_working_days\` tinyint UNSIGNED NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sla_policies\` DROP COLUMN \`resolve_working_days\``);
  }
}
