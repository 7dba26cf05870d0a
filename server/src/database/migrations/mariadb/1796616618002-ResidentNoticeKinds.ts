import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResidentNoticeKinds1796616618002 implements MigrationInterface {
  name = 'ResidentNoticeKinds1796616618002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`appointment_reminders\` (\`ticket_id\` bigint UNSIGNED NOT NULL, \`visit_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`ticket_id\`, \`visit_at\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_a91c84410096c6fd07f5d375a2\` ON \`tickets\` (\`slot_start\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_46cc48ac7766c63c234e1f58e7\` ON \`tickets\` (\`appointment_at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_46cc48ac7766c63c234e1f58e7\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_a91c84410096c6fd07f5d375a2\` ON \`tickets\``);
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled') NOT NULL`,
    );
    await queryRunner.query(`DROP TABLE \`appointment_reminders\``);
  }
}
