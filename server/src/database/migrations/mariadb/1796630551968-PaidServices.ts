import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaidServices1796630551968 implements MigrationInterface {
  name = 'PaidServices1796630551968';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`price_items\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`name\` varchar(60) NOT NULL, \`unit\` varchar(10) NOT NULL, \`unit_price_fen\` int UNSIGNED NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_195e961ef30553a8db1f15fce5\` (\`community_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quote_lines\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`quote_id\` bigint UNSIGNED NOT NULL, \`ticket_id\` bigint UNSIGNED NOT NULL, \`position\` smallint UNSIGNED NOT NULL, \`kind\` enum ('service', 'material', 'labour', 'discount') NOT NULL, \`name\` varchar(60) NOT NULL, \`unit\` varchar(10) NOT NULL, \`unit_price_fen\` int UNSIGNED NOT NULL, \`quantity\` int UNSIGNED NOT NULL, \`amount_fen\` int NOT NULL, \`price_item_id\` bigint UNSIGNED NULL, INDEX \`IDX_46e8edd92c3871a3365657eb46\` (\`quote_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quotes\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`ticket_id\` bigint UNSIGNED NOT NULL, \`community_id\` bigint UNSIGNED NOT NULL, \`status\` enum ('pending', 'approved', 'declined', 'superseded') NOT NULL, \`total_fen\` int UNSIGNED NOT NULL, \`note\` varchar(300) NULL, \`created_by_staff_id\` bigint UNSIGNED NOT NULL, \`created_by_name\` varchar(50) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`decided_at\` datetime(3) NULL, \`decision_note\` varchar(300) NULL, INDEX \`IDX_09007b1c4dd048401742532bbc\` (\`ticket_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`payments\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`ticket_id\` bigint UNSIGNED NOT NULL, \`community_id\` bigint UNSIGNED NOT NULL, \`out_trade_no\` varchar(32) NOT NULL, \`method\` enum ('wechat', 'cash', 'qr') NOT NULL, \`status\` enum ('pending', 'paid', 'closed') NOT NULL, \`amount_fen\` int UNSIGNED NOT NULL, \`refunded_fen\` int UNSIGNED NOT NULL DEFAULT '0', \`prepay_id\` varchar(64) NULL, \`payer_openid\` varchar(64) NULL, \`transaction_id\` varchar(32) NULL, \`expires_at\` datetime(3) NULL, \`sweep_until\` datetime(3) NULL, \`paid_at\` datetime(3) NULL, \`recorded_by_staff_id\` bigint UNSIGNED NULL, \`recorded_by_name\` varchar(50) NULL, \`note\` varchar(200) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_b39945a319d0baa9e16e446c59\` (\`out_trade_no\`), INDEX \`IDX_040532fe36d8ba9ddd630f12f6\` (\`community_id\`, \`paid_at\`), INDEX \`IDX_cec73c51fa9b4f11beb344b627\` (\`status\`, \`expires_at\`), INDEX \`IDX_77c0211fa04e5110d0e6db2c7e\` (\`ticket_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refunds\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`payment_id\` bigint UNSIGNED NOT NULL, \`ticket_id\` bigint UNSIGNED NOT NULL, \`community_id\` bigint UNSIGNED NOT NULL, \`out_refund_no\` varchar(32) NOT NULL, \`amount_fen\` int UNSIGNED NOT NULL, \`reason\` varchar(200) NOT NULL, \`status\` enum ('processing', 'success', 'closed', 'abnormal') NOT NULL, \`refund_id\` varchar(32) NULL, \`created_by_staff_id\` bigint UNSIGNED NOT NULL, \`created_by_name\` varchar(50) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`succeeded_at\` datetime(3) NULL, UNIQUE INDEX \`IDX_726165fe1d221e74b601fb98c9\` (\`out_refund_no\`), INDEX \`IDX_55af7342cbfe3cb73c93f940c9\` (\`community_id\`, \`succeeded_at\`), INDEX \`IDX_7f48aa5d56c42aeb495db01668\` (\`payment_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`quote_pending\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`approved_fen\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`paid_fen\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`due_fen\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`fee_waived_at\` datetime(3) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'quoted', 'refunded') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'quoted', 'refunded') NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked', 'quoted', 'quote_approved', 'quote_declined', 'paid', 'refunded', 'payment_waived') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_7c5fbe33915327f4a15a8fef52\` ON \`tickets\` (\`community_id\`, \`due_fen\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_7c5fbe33915327f4a15a8fef52\` ON \`tickets\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`fee_waived_at\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`due_fen\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`paid_fen\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`approved_fen\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`quote_pending\``);
    await queryRunner.query(`DROP INDEX \`IDX_7f48aa5d56c42aeb495db01668\` ON \`refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_55af7342cbfe3cb73c93f940c9\` ON \`refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_726165fe1d221e74b601fb98c9\` ON \`refunds\``);
    await queryRunner.query(`DROP TABLE \`refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_77c0211fa04e5110d0e6db2c7e\` ON \`payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_cec73c51fa9b4f11beb344b627\` ON \`payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_040532fe36d8ba9ddd630f12f6\` ON \`payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_b39945a319d0baa9e16e446c59\` ON \`payments\``);
    await queryRunner.query(`DROP TABLE \`payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_09007b1c4dd048401742532bbc\` ON \`quotes\``);
    await queryRunner.query(`DROP TABLE \`quotes\``);
    await queryRunner.query(`DROP INDEX \`IDX_46e8edd92c3871a3365657eb46\` ON \`quote_lines\``);
    await queryRunner.query(`DROP TABLE \`quote_lines\``);
    await queryRunner.query(`DROP INDEX \`IDX_195e961ef30553a8db1f15fce5\` ON \`price_items\``);
    await queryRunner.query(`DROP TABLE \`price_items\``);
  }
}
