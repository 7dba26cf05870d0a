import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes behind GET /admin/stats (issue #4): tickets created / resolved in a window per community, ratings per day. */
export class AddStatsIndexes1795456465540 implements MigrationInterface {
  name = 'AddStatsIndexes1795456465540';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_7477b7d8293bbdadc87a5dfa13\` ON \`tickets\` (\`community_id\`, \`created_at\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_f4476888a55137d9c7d82b319e\` ON \`tickets\` (\`community_id\`, \`resolved_at\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_1b0aaf9e40689296b1d7803d23\` ON \`ticket_ratings\` (\`created_at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_1b0aaf9e40689296b1d7803d23\` ON \`ticket_ratings\``);
    await queryRunner.query(`DROP INDEX \`IDX_f4476888a55137d9c7d82b319e\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_7477b7d8293bbdadc87a5dfa13\` ON \`tickets\``);
  }
}
