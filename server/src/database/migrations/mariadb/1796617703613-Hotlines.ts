import { MigrationInterface, QueryRunner } from 'typeorm';

export class Hotlines1796617703613 implements MigrationInterface {
  name = 'Hotlines1796617703613';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`hotlines\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`zone_id\` bigint UNSIGNED NULL, \`day_phone\` varchar(20) NULL, \`night_phone\` varchar(20) NULL, \`day_from\` char(5) NOT NULL DEFAULT '08:30', \`day_to\` char(5) NOT NULL DEFAULT '21:00', \`technician_phone\` varchar(20) NULL, \`technician_own_phone\` tinyint NOT NULL DEFAULT 0, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_7d1ecc5592812d9fa72796e682\` (\`community_id\`, \`zone_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_7d1ecc5592812d9fa72796e682\` ON \`hotlines\``);
    await queryRunner.query(`DROP TABLE \`hotlines\``);
  }
}
