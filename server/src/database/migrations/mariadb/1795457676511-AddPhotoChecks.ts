import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPhotoChecks1795457676511 implements MigrationInterface {
  name = 'AddPhotoChecks1795457676511';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`uploads\` ADD \`media_check\` enum ('pending', 'pass', 'review', 'risky', 'unchecked') NULL`);
    await queryRunner.query(`ALTER TABLE \`uploads\` ADD \`media_check_trace_id\` varchar(64) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_196ab4ab53b6bf558c21a0bb5c\` ON \`uploads\` (\`media_check_trace_id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_196ab4ab53b6bf558c21a0bb5c\` ON \`uploads\``);
    await queryRunner.query(`ALTER TABLE \`uploads\` DROP COLUMN \`media_check_trace_id\``);
    await queryRunner.query(`ALTER TABLE \`uploads\` DROP COLUMN \`media_check\``);
  }
}
