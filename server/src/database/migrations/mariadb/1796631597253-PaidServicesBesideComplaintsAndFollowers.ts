import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaidServicesBesideComplaintsAndFollowers1796631597253 implements MigrationInterface {
  name = 'PaidServicesBesideComplaintsAndFollowers1796631597253';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'merged', 'quoted', 'refunded') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'merged', 'quoted', 'refunded') NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked', 'merged', 'duplicate_merged', 'followed', 'priority_raised', 'follower_rated', 'quoted', 'quote_approved', 'quote_declined', 'paid', 'refunded', 'payment_waived', 'graded', 'judged', 'investigation_assigned', 'investigation_reported', 'formally_replied') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked', 'merged', 'duplicate_merged', 'followed', 'priority_raised', 'follower_rated', 'graded', 'judged', 'investigation_assigned', 'investigation_reported', 'formally_replied') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'quoted', 'refunded') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'quoted', 'refunded') NOT NULL`,
    );
  }
}
