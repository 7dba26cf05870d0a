import { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowUpStaffNotice1796616325335 implements MigrationInterface {
  name = 'FollowUpStaffNotice1796616325335';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated', 'followed_up') NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`staff_notices\` CHANGE \`kind\` \`kind\` enum ('routed', 'urgent', 'dispatched', 'urged', 'transferred', 'flagged', 'sla_warning', 'sla_overdue', 'escalated') NOT NULL`,
    );
  }
}
