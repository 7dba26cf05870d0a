import { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingsByCommunityAndQueueByDeadline1795469273525 implements MigrationInterface {
  name = 'RatingsByCommunityAndQueueByDeadline1795469273525';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_1b0aaf9e40689296b1d7803d23\` ON \`ticket_ratings\``);
    await queryRunner.query(`ALTER TABLE \`ticket_ratings\` ADD \`community_id\` bigint UNSIGNED NOT NULL`);
    // Existing ratings take their ticket's community (edited by hand: generated DDL only).
    await queryRunner.query(`UPDATE \`ticket_ratings\` r JOIN \`tickets\` t ON t.\`id\` = r.\`ticket_id\` SET r.\`community_id\` = t.\`community_id\``);
    await queryRunner.query(`CREATE INDEX \`IDX_d0fed12db092e43e719140fdcc\` ON \`tickets\` (\`community_id\`, \`status\`, \`resolve_by\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_ba62429c7ce94b52deb12a0438\` ON \`ticket_ratings\` (\`community_id\`, \`created_at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_ba62429c7ce94b52deb12a0438\` ON \`ticket_ratings\``);
    await queryRunner.query(`DROP INDEX \`IDX_d0fed12db092e43e719140fdcc\` ON \`tickets\``);
    await queryRunner.query(`ALTER TABLE \`ticket_ratings\` DROP COLUMN \`community_id\``);
    await queryRunner.query(`CREATE INDEX \`IDX_1b0aaf9e40689296b1d7803d23\` ON \`ticket_ratings\` (\`created_at\`)`);
  }
}
