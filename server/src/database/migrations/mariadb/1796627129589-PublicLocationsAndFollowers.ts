import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicLocationsAndFollowers1796627129589 implements MigrationInterface {
  name = 'PublicLocationsAndFollowers1796627129589';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`ticket_followers\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`ticket_id\` bigint UNSIGNED NOT NULL, \`resident_id\` bigint UNSIGNED NOT NULL, \`via\` enum ('me_too', 'merge') NOT NULL, \`from_ticket_id\` bigint UNSIGNED NULL, \`attitude\` tinyint UNSIGNED NULL, \`timeliness\` tinyint UNSIGNED NULL, \`quality\` tinyint UNSIGNED NULL, \`comment\` varchar(500) NULL, \`rated_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_029d97a31a35e007920f46d517\` (\`resident_id\`, \`id\`), UNIQUE INDEX \`IDX_11b78f241c8cb76ebe793ab949\` (\`ticket_id\`, \`resident_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`places\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`zone_id\` bigint UNSIGNED NULL, \`building_id\` bigint UNSIGNED NULL, \`name\` varchar(50) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_c618d4884cf321b8a2312a74b3\` (\`community_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`location_kind\` enum ('room', 'building', 'unit', 'zone', 'place') NOT NULL DEFAULT 'room'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`building_id\` bigint UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`unit\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`place_id\` bigint UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`location_label\` varchar(120) NULL`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`reporter_room_id\` bigint UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`follower_count\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`merged_into_id\` bigint UNSIGNED NULL`);
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'merged') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked', 'merged') NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP FOREIGN KEY \`FK_e12d73a31aa5c3629a0243e7e1b\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` CHANGE \`room_id\` \`room_id\` bigint UNSIGNED NULL`);
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked', 'merged', 'duplicate_merged', 'followed', 'priority_raised', 'follower_rated') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_5127a2ce036000d7293268a9a6\` ON \`tickets\` (\`community_id\`, \`location_kind\`, \`status\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
    await queryRunner.query(
      `ALTER TABLE \`tickets\` ADD CONSTRAINT \`FK_e12d73a31aa5c3629a0243e7e1b\` FOREIGN KEY (\`room_id\`) REFERENCES \`rooms\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP FOREIGN KEY \`FK_e12d73a31aa5c3629a0243e7e1b\``);
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_5127a2ce036000d7293268a9a6\` ON \`tickets\``);
    await queryRunner.query(
      `ALTER TABLE \`ticket_events\` CHANGE \`type\` \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\` (\`ticket_id\`, \`type\`, \`at\`)`);
    await queryRunner.query(`ALTER TABLE \`tickets\` CHANGE \`room_id\` \`room_id\` bigint UNSIGNED NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE \`tickets\` ADD CONSTRAINT \`FK_e12d73a31aa5c3629a0243e7e1b\` FOREIGN KEY (\`room_id\`) REFERENCES \`rooms\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`outbox_messages\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`notices\` CHANGE \`kind\` \`kind\` enum ('accepted', 'dispatched', 'resolved', 'reopened', 'closed', 'cancelled', 'replied', 'held', 'resumed', 'appointment', 'reminder', 'delayed', 'incident', 'incident_resolved', 'incident_linked') NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`merged_into_id\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`follower_count\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`reporter_room_id\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`location_label\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`place_id\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`unit\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`building_id\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`location_kind\``);
    await queryRunner.query(`DROP INDEX \`IDX_c618d4884cf321b8a2312a74b3\` ON \`places\``);
    await queryRunner.query(`DROP TABLE \`places\``);
    await queryRunner.query(`DROP INDEX \`IDX_11b78f241c8cb76ebe793ab949\` ON \`ticket_followers\``);
    await queryRunner.query(`DROP INDEX \`IDX_029d97a31a35e007920f46d517\` ON \`ticket_followers\``);
    await queryRunner.query(`DROP TABLE \`ticket_followers\``);
  }
}
