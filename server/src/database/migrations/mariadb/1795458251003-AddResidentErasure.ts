import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddResidentErasure1795458251003 implements MigrationInterface {
  name = 'AddResidentErasure1795458251003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`residents\` ADD \`erased_at\` datetime(3) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`residents\` DROP COLUMN \`erased_at\``);
  }
}
