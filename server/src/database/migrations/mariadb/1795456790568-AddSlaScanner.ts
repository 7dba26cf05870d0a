import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSlaScanner1795456790568 implements MigrationInterface {
  name = 'AddSlaScanner1795456790568';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`sla_warned\` smallint UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`sla_breached\` smallint UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`escalation_level\` tinyint UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`escalated_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`next_due_at\` datetime(3) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_c9707ade25fa07e40bdb345f33\` ON \`tickets\` (\`next_due_at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c9707ade25fa07e40bdb345f33\` ON \`tickets\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`next_due_at\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`escalated_at\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`escalation_level\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`sla_breached\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`sla_warned\``);
  }
}
