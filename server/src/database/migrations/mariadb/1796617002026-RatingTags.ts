import { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingTags1796617002026 implements MigrationInterface {
  name = 'RatingTags1796617002026';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`ticket_ratings\` ADD \`tags\` text NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`ticket_ratings\` DROP COLUMN \`tags\``);
  }
}
