import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUploads1795456521042 implements MigrationInterface {
  name = 'AddUploads1795456521042';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`uploads\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`owner_kind\` enum ('resident', 'staff') NOT NULL, \`owner_id\` bigint UNSIGNED NOT NULL, \`storage_key\` varchar(200) NOT NULL, \`thumb_key\` varchar(200) NOT NULL, \`mime\` varchar(40) NOT NULL, \`source_format\` varchar(10) NOT NULL, \`width\` int UNSIGNED NOT NULL, \`height\` int UNSIGNED NOT NULL, \`size\` int UNSIGNED NOT NULL, \`thumb_size\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`attached_at\` datetime(3) NULL, \`ticket_id\` bigint UNSIGNED NULL, \`hidden\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_68632e2a295130256cda4e3100\` (\`ticket_id\`), INDEX \`IDX_f1105f55b2dedb3f50028af899\` (\`attached_at\`, \`created_at\`), INDEX \`IDX_f17e47f028cc35e2e5bba15ded\` (\`owner_kind\`, \`owner_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_f17e47f028cc35e2e5bba15ded\` ON \`uploads\``);
    await queryRunner.query(`DROP INDEX \`IDX_f1105f55b2dedb3f50028af899\` ON \`uploads\``);
    await queryRunner.query(`DROP INDEX \`IDX_68632e2a295130256cda4e3100\` ON \`uploads\``);
    await queryRunner.query(`DROP TABLE \`uploads\``);
  }
}
