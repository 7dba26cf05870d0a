import { MigrationInterface, QueryRunner } from 'typeorm';

export class Announcements1796617558689 implements MigrationInterface {
  name = 'Announcements1796617558689';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`announcements\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`zone_ids\` text NOT NULL, \`building_ids\` text NOT NULL, \`title\` varchar(60) NOT NULL, \`body\` varchar(2000) NOT NULL, \`photo_ids\` text NOT NULL, \`starts_at\` datetime(3) NOT NULL, \`ends_at\` datetime(3) NULL, \`pinned\` tinyint NOT NULL DEFAULT 0, \`incident_id\` bigint UNSIGNED NULL, \`created_by_id\` bigint UNSIGNED NOT NULL, \`created_by_name\` varchar(50) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_6f23842afa26e61115e80b4485\` (\`community_id\`, \`starts_at\`), INDEX \`IDX_95e26e69badd979fb8badf43d9\` (\`community_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`announcement_reads\` (\`announcement_id\` bigint UNSIGNED NOT NULL, \`resident_id\` bigint UNSIGNED NOT NULL, \`read_at\` datetime(3) NOT NULL, PRIMARY KEY (\`announcement_id\`, \`resident_id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`announcement_reads\``);
    await queryRunner.query(`DROP INDEX \`IDX_95e26e69badd979fb8badf43d9\` ON \`announcements\``);
    await queryRunner.query(`DROP INDEX \`IDX_6f23842afa26e61115e80b4485\` ON \`announcements\``);
    await queryRunner.query(`DROP TABLE \`announcements\``);
  }
}
