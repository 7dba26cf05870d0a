import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotices1795456567138 implements MigrationInterface {
  name = 'AddNotices1795456567138';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`notices\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`resident_id\` bigint UNSIGNED NOT NULL, \`ticket_id\` bigint UNSIGNED NULL, \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled') NOT NULL, \`title\` varchar(60) NOT NULL, \`body\` varchar(300) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`read_at\` datetime(3) NULL, INDEX \`IDX_d955929fa3bb2611c3150cdbd5\` (\`resident_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`outbox_messages\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`notice_id\` bigint UNSIGNED NOT NULL, \`resident_id\` bigint UNSIGNED NOT NULL, \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled') NOT NULL, \`values\` text NOT NULL, \`page\` varchar(200) NOT NULL, \`status\` enum ('pending', 'delivered', 'no_consent', 'failed', 'skipped') NOT NULL DEFAULT 'pending', \`attempts\` smallint UNSIGNED NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(3) NOT NULL, \`last_error\` varchar(300) NULL, \`sent_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_f742eeec9b36163f730a1abf05\` (\`notice_id\`), INDEX \`IDX_026b59e1ff189e25edecb09f84\` (\`status\`, \`next_attempt_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`subscription_credits\` (\`resident_id\` bigint UNSIGNED NOT NULL, \`template_id\` varchar(64) NOT NULL, \`credits\` int UNSIGNED NOT NULL DEFAULT '0', PRIMARY KEY (\`resident_id\`, \`template_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff_notices\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`staff_id\` bigint UNSIGNED NOT NULL, \`ticket_id\` bigint UNSIGNED NULL, \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated') NOT NULL, \`title\` varchar(60) NOT NULL, \`body\` varchar(300) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`read_at\` datetime(3) NULL, INDEX \`IDX_97838a66f83a561851531995ac\` (\`staff_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wechat_push_events\` (\`dedupe_key\` varchar(100) NOT NULL, \`received_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`dedupe_key\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`wechat_push_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_97838a66f83a561851531995ac\` ON \`staff_notices\``);
    await queryRunner.query(`DROP TABLE \`staff_notices\``);
    await queryRunner.query(`DROP TABLE \`subscription_credits\``);
    await queryRunner.query(`DROP INDEX \`IDX_026b59e1ff189e25edecb09f84\` ON \`outbox_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_f742eeec9b36163f730a1abf05\` ON \`outbox_messages\``);
    await queryRunner.query(`DROP TABLE \`outbox_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_d955929fa3bb2611c3150cdbd5\` ON \`notices\``);
    await queryRunner.query(`DROP TABLE \`notices\``);
  }
}
