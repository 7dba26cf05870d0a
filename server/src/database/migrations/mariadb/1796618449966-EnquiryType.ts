import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnquiryType1796618449966 implements MigrationInterface {
  name = 'EnquiryType1796618449966';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_966493dcb48397e0b9280ff9fc\` ON \`sla_policies\``);
    await queryRunner.query(`ALTER TABLE \`sla_policies\` CHANGE \`type\` \`type\` enum ('repair', 'complaint', 'home_service', 'enquiry') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`tickets\` CHANGE \`type\` \`type\` enum ('repair', 'complaint', 'home_service', 'enquiry') NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_966493dcb48397e0b9280ff9fc\` ON \`sla_policies\` (\`community_id\`, \`type\`, \`priority\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_966493dcb48397e0b9280ff9fc\` ON \`sla_policies\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` CHANGE \`type\` \`type\` enum ('repair', 'complaint', 'home_service') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`sla_policies\` CHANGE \`type\` \`type\` enum ('repair', 'complaint', 'home_service') NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_966493dcb48397e0b9280ff9fc\` ON \`sla_policies\` (\`community_id\`, \`type\`, \`priority\`)`);
  }
}
