import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintsBesideFollowers1796631361401 implements MigrationInterface {
  name = 'ComplaintsBesideFollowers1796631361401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked', 'merged', 'duplicate_merged', 'followed', 'priority_raised', 'follower_rated', 'graded', 'judged', 'investigation_assigned', 'investigation_reported', 'formally_replied') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked', 'merged', 'duplicate_merged', 'followed', 'priority_raised', 'follower_rated') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
  }
}
