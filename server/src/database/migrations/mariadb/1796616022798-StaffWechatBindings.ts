import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffWechatBindings1796616022798 implements MigrationInterface {
  name = 'StaffWechatBindings1796616022798';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`staff_wechat_bindings\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`staff_id\` bigint UNSIGNED NOT NULL, \`openid\` varchar(64) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_b557d4b95b30ba51b6fa308228\` (\`staff_id\`), UNIQUE INDEX \`IDX_eecd422cbead8bee64b7e9df5b\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_eecd422cbead8bee64b7e9df5b\` ON \`staff_wechat_bindings\``);
    await queryRunner.query(`DROP INDEX \`IDX_b557d4b95b30ba51b6fa308228\` ON \`staff_wechat_bindings\``);
    await queryRunner.query(`DROP TABLE \`staff_wechat_bindings\``);
  }
}
