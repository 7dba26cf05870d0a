import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795455695002 implements MigrationInterface {
  name = 'Init1795455695002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`idempotency_keys\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`scope\` varchar(80) NOT NULL, \`idem_key\` varchar(64) NOT NULL, \`status_code\` int NULL, \`response\` text NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_5e72f040fdc5efc8eef52a388c\` (\`created_at\`), UNIQUE INDEX \`IDX_55057df532f502f1b079c39ab5\` (\`scope\`, \`idem_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_logs\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`actor_kind\` enum ('resident', 'staff', 'system') NOT NULL, \`actor_id\` bigint UNSIGNED NULL, \`actor_name\` varchar(50) NOT NULL, \`action\` varchar(60) NOT NULL, \`target_type\` varchar(40) NOT NULL, \`target_id\` bigint UNSIGNED NULL, \`detail\` text NULL, \`ip\` varchar(64) NULL, \`at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_21ab2a62ee34a3eaaec40449dc\` (\`actor_id\`, \`id\`), INDEX \`IDX_a358c00ae08bdea24880372d7a\` (\`target_type\`, \`target_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refresh_tokens\` (\`id\` char(32) NOT NULL, \`staff_id\` bigint UNSIGNED NOT NULL, \`family_id\` char(32) NOT NULL, \`secret_hash\` char(64) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`used_at\` datetime(3) NULL, \`revoked_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_c56cd9b987d620d0ec1eb7abcb\` (\`staff_id\`), INDEX \`IDX_d5e27da0cd39bc3bb2811fc8ba\` (\`family_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`service_items\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`name\` varchar(60) NOT NULL, \`description\` varchar(300) NULL, \`price\` decimal(10,2) NOT NULL, \`duration_min\` int UNSIGNED NOT NULL, \`slot_capacity\` int UNSIGNED NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_9be2508f454dbc4e2eea8c1d35\` (\`community_id\`, \`active\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`communities\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`address\` varchar(200) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`zones\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`name\` varchar(50) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_cc08c8ab5967f1970136dcffdd\` (\`community_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`buildings\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`zone_id\` bigint UNSIGNED NULL, \`name\` varchar(50) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_87c031b09ae0ea17b73a883334\` (\`community_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rooms\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`building_id\` bigint UNSIGNED NOT NULL, \`zone_id\` bigint UNSIGNED NULL, \`unit\` varchar(20) NOT NULL DEFAULT '', \`number\` varchar(20) NOT NULL, \`label\` varchar(120) NOT NULL, \`owner_name_enc\` varchar(255) NULL, \`owner_name_hash\` char(64) NULL, \`owner_phone_enc\` varchar(255) NULL, \`owner_phone_hash\` char(64) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_8d538a1e92266ab515c40676d5\` (\`community_id\`, \`label\`), UNIQUE INDEX \`IDX_633fd93f2695f7da87d57d7280\` (\`building_id\`, \`unit\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`duty_shifts\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`zone_id\` bigint UNSIGNED NULL, \`staff_id\` bigint UNSIGNED NOT NULL, \`start_at\` datetime(3) NOT NULL, \`end_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_48db5007d520b9a203f8dedb23\` (\`staff_id\`, \`start_at\`), INDEX \`IDX_c0dfc1d1d565ee0f38eeb67adc\` (\`community_id\`, \`zone_id\`, \`start_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`residents\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`phone_enc\` varchar(255) NULL, \`phone_hash\` char(64) NULL, \`last_login_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_e3e21cb5a1e57c9ffa3d2019d2\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`room_bindings\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`resident_id\` bigint UNSIGNED NOT NULL, \`room_id\` bigint UNSIGNED NOT NULL, \`community_id\` bigint UNSIGNED NOT NULL, \`name_enc\` varchar(255) NULL, \`phone_enc\` varchar(255) NULL, \`status\` enum ('pending', 'approved', 'rejected') NOT NULL, \`reviewed_by_id\` bigint UNSIGNED NULL, \`reviewed_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`IDX_67fb0e8493dbf5970ae7ac9b8e\` (\`community_id\`, \`status\`, \`id\`), UNIQUE INDEX \`IDX_7bf2def6c2c1701f0f502c840e\` (\`resident_id\`, \`room_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sla_policies\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`community_id\` bigint UNSIGNED NOT NULL, \`type\` enum ('repair', 'complaint', 'home_service') NOT NULL, \`priority\` enum ('normal', 'urgent') NOT NULL, \`respond_within_sec\` int UNSIGNED NOT NULL, \`onsite_within_sec\` int UNSIGNED NULL, \`resolve_within_sec\` int UNSIGNED NOT NULL, \`confirm_within_sec\` int UNSIGNED NOT NULL, \`revisit_within_sec\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_966493dcb48397e0b9280ff9fc\` (\`community_id\`, \`type\`, \`priority\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`name\` varchar(50) NOT NULL, \`phone_enc\` varchar(255) NULL, \`phone_hash\` char(64) NULL, \`roles\` text NOT NULL, \`skills\` text NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`failed_logins\` int NOT NULL DEFAULT '0', \`locked_until\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_35aafb5ad218f3ff1ff70e281e\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`staff_communities\` (\`staff_id\` bigint UNSIGNED NOT NULL, \`community_id\` bigint UNSIGNED NOT NULL, INDEX \`IDX_c9fc2f97b9d96376aa5e2516ef\` (\`community_id\`, \`staff_id\`), PRIMARY KEY (\`staff_id\`, \`community_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`tickets\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`no\` varchar(24) NOT NULL, \`type\` enum ('repair', 'complaint', 'home_service') NOT NULL, \`status\` enum ('submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed', 'revisited', 'cancelled') NOT NULL, \`category\` varchar(30) NOT NULL, \`description\` varchar(2000) NOT NULL, \`priority\` enum ('normal', 'urgent') NOT NULL, \`channel\` enum ('miniapp', 'phone', 'walk_in', 'patrol', 'other') NOT NULL, \`community_id\` bigint UNSIGNED NOT NULL, \`zone_id\` bigint UNSIGNED NULL, \`room_id\` bigint UNSIGNED NOT NULL, \`resident_id\` bigint UNSIGNED NULL, \`resident_name_enc\` varchar(255) NULL, \`contact_phone_enc\` varchar(255) NULL, \`created_by_staff_id\` bigint UNSIGNED NULL, \`owner_id\` bigint UNSIGNED NULL, \`assignee_id\` bigint UNSIGNED NULL, \`service_item_id\` bigint UNSIGNED NULL, \`slot_start\` datetime(3) NULL, \`appointment_at\` datetime(3) NULL, \`fee\` decimal(10,2) NULL, \`respond_by\` datetime(3) NULL, \`onsite_by\` datetime(3) NULL, \`resolve_by\` datetime(3) NULL, \`confirm_by\` datetime(3) NULL, \`revisit_by\` datetime(3) NULL, \`responded_at\` datetime(3) NULL, \`onsite_at\` datetime(3) NULL, \`resolved_at\` datetime(3) NULL, \`closed_at\` datetime(3) NULL, \`revisited_at\` datetime(3) NULL, \`cancelled_at\` datetime(3) NULL, \`held_at\` datetime(3) NULL, \`held_seconds\` int UNSIGNED NOT NULL DEFAULT '0', \`reopen_count\` smallint UNSIGNED NOT NULL DEFAULT '0', \`flagged\` tinyint NOT NULL DEFAULT 0, \`photo_ids\` text NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_c67725747a9defd4b618f8faec\` (\`no\`), INDEX \`IDX_fd51bedba288543185ba69cc9e\` (\`service_item_id\`, \`slot_start\`), INDEX \`IDX_04ffcebf857f64287550dc0510\` (\`community_id\`, \`resolve_by\`, \`id\`), INDEX \`IDX_881422a2b9e47e4bd0c89fb11f\` (\`assignee_id\`, \`status\`, \`id\`), INDEX \`IDX_7c84817c3b88ad026b8288e180\` (\`owner_id\`, \`status\`, \`id\`), INDEX \`IDX_f832f311c8687d0f5ca0414292\` (\`resident_id\`, \`id\`), INDEX \`IDX_4fe17385e4c72f2bc82ae71a9a\` (\`community_id\`, \`id\`), INDEX \`IDX_f3e6ed066fe86d90924a85efff\` (\`community_id\`, \`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ticket_events\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`ticket_id\` bigint UNSIGNED NOT NULL, \`type\` enum ('created', 'routed', 'pooled', 'claimed', 'accepted', 'dispatched', 'started', 'held', 'resumed', 'resolved', 'confirmed', 'auto_confirmed', 'verified', 'reopened', 'revisited', 'cancelled', 'transferred', 'commented', 'rated', 'urged', 'overdue', 'escalated', 'flagged') NOT NULL, \`at\` datetime(3) NOT NULL, \`actor_kind\` enum ('resident', 'staff', 'system') NOT NULL, \`actor_id\` bigint UNSIGNED NULL, \`actor_name\` varchar(50) NOT NULL, \`note\` varchar(1000) NULL, \`data\` text NULL, \`photo_ids\` text NULL, INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` (\`ticket_id\`, \`type\`, \`at\`), INDEX \`IDX_659e86bdff64b785a179e6709f\` (\`ticket_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ticket_ratings\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`ticket_id\` bigint UNSIGNED NOT NULL, \`resident_id\` bigint UNSIGNED NOT NULL, \`attitude\` tinyint UNSIGNED NOT NULL, \`timeliness\` tinyint UNSIGNED NOT NULL, \`quality\` tinyint UNSIGNED NOT NULL, \`comment\` varchar(500) NULL, \`reply\` varchar(500) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_647a321b4525821d55818825e7\` (\`ticket_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ticket_sequences\` (\`prefix\` varchar(12) NOT NULL, \`seq\` int UNSIGNED NOT NULL, PRIMARY KEY (\`prefix\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`tickets\` ADD CONSTRAINT \`FK_e12d73a31aa5c3629a0243e7e1b\` FOREIGN KEY (\`room_id\`) REFERENCES \`rooms\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`tickets\` ADD CONSTRAINT \`FK_5051ef7bf7d664ad1d081a110e6\` FOREIGN KEY (\`owner_id\`) REFERENCES \`staff\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`tickets\` ADD CONSTRAINT \`FK_dff6e2b44c9b5e177114588772f\` FOREIGN KEY (\`assignee_id\`) REFERENCES \`staff\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP FOREIGN KEY \`FK_dff6e2b44c9b5e177114588772f\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP FOREIGN KEY \`FK_5051ef7bf7d664ad1d081a110e6\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP FOREIGN KEY \`FK_e12d73a31aa5c3629a0243e7e1b\``);
    await queryRunner.query(`DROP TABLE \`ticket_sequences\``);
    await queryRunner.query(`DROP INDEX \`IDX_647a321b4525821d55818825e7\` ON \`ticket_ratings\``);
    await queryRunner.query(`DROP TABLE \`ticket_ratings\``);
    await queryRunner.query(`DROP INDEX \`IDX_659e86bdff64b785a179e6709f\` ON \`ticket_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_8fcb8dfeb7aa9e4978c29e6a69\` ON \`ticket_events\``);
    await queryRunner.query(`DROP TABLE \`ticket_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_f3e6ed066fe86d90924a85efff\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_4fe17385e4c72f2bc82ae71a9a\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_f832f311c8687d0f5ca0414292\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_7c84817c3b88ad026b8288e180\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_881422a2b9e47e4bd0c89fb11f\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_04ffcebf857f64287550dc0510\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_fd51bedba288543185ba69cc9e\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_c67725747a9defd4b618f8faec\` ON \`tickets\``);
    await queryRunner.query(`DROP TABLE \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_c9fc2f97b9d96376aa5e2516ef\` ON \`staff_communities\``);
    await queryRunner.query(`DROP TABLE \`staff_communities\``);
    await queryRunner.query(`DROP INDEX \`IDX_35aafb5ad218f3ff1ff70e281e\` ON \`staff\``);
    await queryRunner.query(`DROP TABLE \`staff\``);
    await queryRunner.query(`DROP INDEX \`IDX_966493dcb48397e0b9280ff9fc\` ON \`sla_policies\``);
    await queryRunner.query(`DROP TABLE \`sla_policies\``);
    await queryRunner.query(`DROP INDEX \`IDX_7bf2def6c2c1701f0f502c840e\` ON \`room_bindings\``);
    await queryRunner.query(`DROP INDEX \`IDX_67fb0e8493dbf5970ae7ac9b8e\` ON \`room_bindings\``);
    await queryRunner.query(`DROP TABLE \`room_bindings\``);
    await queryRunner.query(`DROP INDEX \`IDX_e3e21cb5a1e57c9ffa3d2019d2\` ON \`residents\``);
    await queryRunner.query(`DROP TABLE \`residents\``);
    await queryRunner.query(`DROP INDEX \`IDX_c0dfc1d1d565ee0f38eeb67adc\` ON \`duty_shifts\``);
    await queryRunner.query(`DROP INDEX \`IDX_48db5007d520b9a203f8dedb23\` ON \`duty_shifts\``);
    await queryRunner.query(`DROP TABLE \`duty_shifts\``);
    await queryRunner.query(`DROP INDEX \`IDX_633fd93f2695f7da87d57d7280\` ON \`rooms\``);
    await queryRunner.query(`DROP INDEX \`IDX_8d538a1e92266ab515c40676d5\` ON \`rooms\``);
    await queryRunner.query(`DROP TABLE \`rooms\``);
    await queryRunner.query(`DROP INDEX \`IDX_87c031b09ae0ea17b73a883334\` ON \`buildings\``);
    await queryRunner.query(`DROP TABLE \`buildings\``);
    await queryRunner.query(`DROP INDEX \`IDX_cc08c8ab5967f1970136dcffdd\` ON \`zones\``);
    await queryRunner.query(`DROP TABLE \`zones\``);
    await queryRunner.query(`DROP TABLE \`communities\``);
    await queryRunner.query(`DROP INDEX \`IDX_9be2508f454dbc4e2eea8c1d35\` ON \`service_items\``);
    await queryRunner.query(`DROP TABLE \`service_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_d5e27da0cd39bc3bb2811fc8ba\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_c56cd9b987d620d0ec1eb7abcb\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP TABLE \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_a358c00ae08bdea24880372d7a\` ON \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_21ab2a62ee34a3eaaec40449dc\` ON \`audit_logs\``);
    await queryRunner.query(`DROP TABLE \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_55057df532f502f1b079c39ab5\` ON \`idempotency_keys\``);
    await queryRunner.query(`DROP INDEX \`IDX_5e72f040fdc5efc8eef52a388c\` ON \`idempotency_keys\``);
    await queryRunner.query(`DROP TABLE \`idempotency_keys\``);
  }
}
