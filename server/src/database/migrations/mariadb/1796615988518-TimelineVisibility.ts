import { MigrationInterface, QueryRunner } from 'typeorm';

export class TimelineVisibility1796615988518 implements MigrationInterface {
  name = 'TimelineVisibility1796615988518';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`ticket_events\` ADD \`visibility\` enum ('public', 'internal') NOT NULL DEFAULT 'public'`);
    await queryRunner.query(`ALTER TABLE \`ticket_events\` ADD \`public_note\` varchar(1000) NULL`);
    // Entries written before visibility existed: staff-only kinds and staff comments become
    // internal; the resident keeps reading their own words and the texts always meant for them.
    await queryRunner.query(
      `UPDATE ticket_events SET visibility = 'internal' WHERE type IN ('overdue', 'escalated', 'flagged') OR (type = 'commented' AND actor_kind <> 'resident')`,
    );
    await queryRunner.query(
      `UPDATE ticket_events SET public_note = note WHERE visibility = 'public' AND (actor_kind = 'resident' OR type IN ('resolved', 'cancelled', 'confirmed', 'auto_confirmed'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`ticket_events\` DROP COLUMN \`public_note\``);
    await queryRunner.query(`ALTER TABLE \`ticket_events\` DROP COLUMN \`visibility\``);
  }
}
