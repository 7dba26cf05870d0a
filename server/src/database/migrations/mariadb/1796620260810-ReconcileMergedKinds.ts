// Several branches of one release each changed these enums; this brings the schema to what the entities say after merging them.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReconcileMergedKinds1796620260810 implements MigrationInterface {
  name = 'ReconcileMergedKinds1796620260810';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated', 'pooled', 'reopened', 'rated_low', 'resolved', 'followed_up') NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated', 'followed_up') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
  }
}
