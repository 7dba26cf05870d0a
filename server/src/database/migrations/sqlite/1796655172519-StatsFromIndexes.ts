import { MigrationInterface, QueryRunner } from 'typeorm';

export class StatsFromIndexes1796655172519 implements MigrationInterface {
  name = 'StatsFromIndexes1796655172519';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_7477b7d8293bbdadc87a5dfa13"`);
    await queryRunner.query(`DROP INDEX "IDX_ba62429c7ce94b52deb12a0438"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_stats_closing" ON "tickets" ("community_id", "created_at", "confirm_by", "closed_at", "revisit_by", "revisited_at", "cancelled_at", "held_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_stats_cohort" ON "tickets" ("community_id", "created_at", "type", "status", "owner_id", "reopen_count", "respond_by", "responded_at", "resolved_at", "onsite_by", "onsite_at", "resolve_by", "cancelled_at", "held_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ticket_ratings_stats_ticket" ON "ticket_ratings" ("ticket_id", "attitude", "timeliness", "quality") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_ratings_stats_day" ON "ticket_ratings" ("community_id", "created_at", "attitude", "timeliness", "quality") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ticket_ratings_stats_day"`);
    await queryRunner.query(`DROP INDEX "IDX_ticket_ratings_stats_ticket"`);
    await queryRunner.query(`DROP INDEX "IDX_tickets_stats_cohort"`);
    await queryRunner.query(`DROP INDEX "IDX_tickets_stats_closing"`);
    await queryRunner.query(`CREATE INDEX "IDX_ba62429c7ce94b52deb12a0438" ON "ticket_ratings" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_7477b7d8293bbdadc87a5dfa13" ON "tickets" ("community_id", "created_at") `);
  }
}
