import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintDepth1796626822603 implements MigrationInterface {
  name = 'ComplaintDepth1796626822603';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_966493dcb48397e0b9280ff9fc\` ON \`sla_policies\``);
    await queryRunner.query(
      `CREATE TABLE \`ticket_complaints\` (\`ticket_id\` bigint UNSIGNED NOT NULL, \`community_id\` bigint UNSIGNED NOT NULL, \`level\` enum ('general', 'major') NOT NULL DEFAULT 'general', \`subject_staff_id\` bigint UNSIGNED NULL, \`subject_name\` varchar(50) NULL, \`about_staff\` tinyint NOT NULL DEFAULT 0, \`validity\` enum ('valid', 'invalid') NULL, \`judged_at\` datetime(3) NULL, \`reply_result\` varchar(1000) NULL, \`reply_measures\` varchar(1000) NULL, \`replied_at\` datetime(3) NULL, \`replied_by_id\` bigint UNSIGNED NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_7dae9a1857370de35641b4f4a4\` (\`community_id\`, \`created_at\`), PRIMARY KEY (\`ticket_id\`)) ENGINE=InnoDB`,
    );
    // Complaints filed before complaints had their own row: general, nothing known yet (a 服务态度 one is about staff).
    await queryRunner.query(
      `INSERT INTO ticket_complaints (ticket_id, community_id, level, about_staff, created_at) SELECT id, community_id, 'general', CASE WHEN category = '服务态度' THEN 1 ELSE 0 END, created_at FROM tickets WHERE type = 'complaint'`,
    );
    await queryRunner.query(
      `CREATE TABLE \`complaint_investigations\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`ticket_id\` bigint UNSIGNED NOT NULL, \`department\` varchar(20) NULL, \`assignee_id\` bigint UNSIGNED NULL, \`task\` varchar(500) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`result\` varchar(1000) NULL, \`reported_at\` datetime(3) NULL, \`reported_by_id\` bigint UNSIGNED NULL, \`created_by_id\` bigint UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_37455a267174cb47bf51720ffc\` (\`assignee_id\`, \`reported_at\`), INDEX \`IDX_340703414610af4983fb48edf4\` (\`ticket_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`sla_policies\` ADD \`level\` enum ('general', 'major') NOT NULL DEFAULT 'general'`);
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked', 'graded', 'judged', 'investigation_assigned', 'investigation_reported', 'formally_replied') NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_1c363644a1704e915bacfac1b9\` ON \`sla_policies\` (\`community_id\`, \`type\`, \`priority\`, \`level\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // What only this schema can hold goes first: a major complaint's own limits, the complaint events.
    await queryRunner.query(`DELETE FROM sla_policies WHERE level <> 'general'`);
    await queryRunner.query(
      `DELETE FROM ticket_events WHERE type IN ('graded', 'judged', 'investigation_assigned', 'investigation_reported', 'formally_replied')`,
    );
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_1c363644a1704e915bacfac1b9\` ON \`sla_policies\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
    await queryRunner.query(`ALTER TABLE \`sla_policies\` DROP COLUMN \`level\``);
    await queryRunner.query(`DROP INDEX \`IDX_340703414610af4983fb48edf4\` ON \`complaint_investigations\``);
    await queryRunner.query(`DROP INDEX \`IDX_37455a267174cb47bf51720ffc\` ON \`complaint_investigations\``);
    await queryRunner.query(`DROP TABLE \`complaint_investigations\``);
    await queryRunner.query(`DROP INDEX \`IDX_7dae9a1857370de35641b4f4a4\` ON \`ticket_complaints\``);
    await queryRunner.query(`DROP TABLE \`ticket_complaints\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_966493dcb48397e0b9280ff9fc\` ON \`sla_policies\` (\`community_id\`, \`type\`, \`priority\`)`);
  }
}
