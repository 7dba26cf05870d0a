import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintNotices1796630324972 implements MigrationInterface {
  name = 'ComplaintNotices1796630324972';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated', 'pooled', 'reopened', 'rated_low', 'resolved', 'followed_up', 'investigation', 'investigated') NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The complaint investigation notices only this schema can hold.
    await queryRunner.query(`DELETE FROM staff_notices WHERE kind IN ('investigation', 'investigated')`);
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated', 'pooled', 'reopened', 'rated_low', 'resolved', 'followed_up') NOT NULL`,
    );
  }
}
