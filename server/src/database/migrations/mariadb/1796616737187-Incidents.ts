import { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1796616737187 implements MigrationInterface {
  name = 'Incidents1796616737187';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`incidents\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`title\` varchar(40) NOT NULL, \`category\` varchar(30) NOT NULL, \`cause\` varchar(300) NOT NULL, \`zone_ids\` text NOT NULL, \`building_ids\` text NOT NULL, \`starts_at\` datetime(3) NOT NULL, \`expected_end_at\` datetime(3) NOT NULL, \`resolved_at\` datetime(3) NULL, \`resolution\` varchar(300) NULL, \`created_by_id\` bigint UNSIGNED NOT NULL, \`created_by_name\` varchar(50) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_aca4ccb11300c36fd8cbcc72f9\` (\`community_id\`, \`id\`), INDEX \`IDX_bebfbe4d99fbdf90ef2ce866fc\` (\`community_id\`, \`resolved_at\`, \`starts_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`incident_tickets\` (\`incident_id\` bigint UNSIGNED NOT NULL, \`ticket_id\` bigint UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_d1f2218df482da0ca8d6e657bc\` (\`incident_id\`, \`ticket_id\`), PRIMARY KEY (\`ticket_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled') NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX \`IDX_d1f2218df482da0ca8d6e657bc\` ON \`incident_tickets\``);
    await queryRunner.query(`DROP TABLE \`incident_tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_bebfbe4d99fbdf90ef2ce866fc\` ON \`incidents\``);
    await queryRunner.query(`DROP INDEX \`IDX_aca4ccb11300c36fd8cbcc72f9\` ON \`incidents\``);
    await queryRunner.query(`DROP TABLE \`incidents\``);
  }
}
