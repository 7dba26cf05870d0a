import { MigrationInterface, QueryRunner } from 'typeorm';

export class WecomMessages1796616202613 implements MigrationInterface {
  name = 'WecomMessages1796616202613';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`staff_wecom\` (\`staff_id\` bigint UNSIGNED NOT NULL, \`userid\` varchar(64) NULL, \`bound_via\` enum ('admin', 'import', 'oauth') NULL, \`bound_at\` datetime(3) NULL, \`muted_kinds\` text NOT NULL, \`quiet_start\` smallint NULL, \`quiet_end\` smallint NULL, \`last_error\` varchar(300) NULL, \`last_error_at\` datetime(3) NULL, \`last_sent_at\` datetime(3) NULL, UNIQUE INDEX \`IDX_7b7287466aeaf84f49402f1e86\` (\`userid\`), PRIMARY KEY (\`staff_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wecom_outbox\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`staff_id\` bigint UNSIGNED NOT NULL, \`ticket_id\` bigint UNSIGNED NULL, \`kind\` varchar(20) NOT NULL, \`urgent\` tinyint NOT NULL DEFAULT 0, \`title\` varchar(60) NOT NULL, \`body\` varchar(300) NOT NULL, \`status\` enum ('pending', 'delivered', 'digested', 'failed', 'skipped') NOT NULL DEFAULT 'pending', \`attempts\` smallint UNSIGNED NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(3) NOT NULL, \`held\` tinyint NOT NULL DEFAULT 0, \`last_error\` varchar(300) NULL, \`sent_at\` datetime(3) NULL, \`digest_count\` smallint UNSIGNED NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_9caa3ae20f232ba05f923ea1eb\` (\`staff_id\`, \`sent_at\`), INDEX \`IDX_54d50312f8f0f9b0fd41a831da\` (\`staff_id\`, \`status\`, \`id\`), INDEX \`IDX_47bd399f1a0caa35ef0d9f654e\` (\`status\`, \`next_attempt_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated', 'pooled', 'reopened', 'rated_low', 'resolved') NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated') NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX \`IDX_47bd399f1a0caa35ef0d9f654e\` ON \`wecom_outbox\``);
    await queryRunner.query(`DROP INDEX \`IDX_54d50312f8f0f9b0fd41a831da\` ON \`wecom_outbox\``);
    await queryRunner.query(`DROP INDEX \`IDX_9caa3ae20f232ba05f923ea1eb\` ON \`wecom_outbox\``);
    await queryRunner.query(`DROP TABLE \`wecom_outbox\``);
    await queryRunner.query(`DROP INDEX \`IDX_7b7287466aeaf84f49402f1e86\` ON \`staff_wecom\``);
    await queryRunner.query(`DROP TABLE \`staff_wecom\``);
  }
}
