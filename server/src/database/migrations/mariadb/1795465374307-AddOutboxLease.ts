import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOutboxLease1795465374307 implements MigrationInterface {
  name = 'AddOutboxLease1795465374307';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`outbox_messages\` ADD \`credit_reserved\` tinyint NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`outbox_messages\` DROP COLUMN \`credit_reserved\``);
  }
}
