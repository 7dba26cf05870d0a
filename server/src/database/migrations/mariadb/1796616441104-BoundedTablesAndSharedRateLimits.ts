import { MigrationInterface, QueryRunner } from 'typeorm';

export class BoundedTablesAndSharedRateLimits1796616441104 implements MigrationInterface {
  name = 'BoundedTablesAndSharedRateLimits1796616441104';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`rate_limit_counters\` (\`bucket\` varchar(191) NOT NULL, \`hits\` int UNSIGNED NOT NULL DEFAULT '0', \`expires_at\` datetime(3) NOT NULL, INDEX \`IDX_7ec50c4c6fb46dae15363f3c1d\` (\`expires_at\`), PRIMARY KEY (\`bucket\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_ba3bd69c8ad1e799c0256e9e50\` ON \`refresh_tokens\` (\`expires_at\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_343f9441c036d7dfc9fab6b84e\` ON \`notices\` (\`read_at\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_115998388f63944c2eda5132b4\` ON \`staff_notices\` (\`read_at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_115998388f63944c2eda5132b4\` ON \`staff_notices\``);
    await queryRunner.query(`DROP INDEX \`IDX_343f9441c036d7dfc9fab6b84e\` ON \`notices\``);
    await queryRunner.query(`DROP INDEX \`IDX_ba3bd69c8ad1e799c0256e9e50\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_7ec50c4c6fb46dae15363f3c1d\` ON \`rate_limit_counters\``);
    await queryRunner.query(`DROP TABLE \`rate_limit_counters\``);
  }
}
