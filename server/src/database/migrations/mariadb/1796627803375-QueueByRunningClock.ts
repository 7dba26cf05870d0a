// The staff queues order by the running clock's deadline (most pressing first) instead of the
// resolve deadline: tickets.clock_due_at, its two queue indexes in place of the resolve_by ones.
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * clock_due_at for the rows already there: the deadline of the first running clock with a
 * deadline, in clock order (respond, on site, resolve, confirm, revisit) — queueDueAt in
 * @yizhan/shared, as SQL. New writes set it from that function.
 */
const BACKFILL = `UPDATE tickets SET clock_due_at = CASE
  WHEN respond_by IS NOT NULL AND responded_at IS NULL AND resolved_at IS NULL AND cancelled_at IS NULL THEN respond_by
  WHEN onsite_by IS NOT NULL AND onsite_at IS NULL AND resolved_at IS NULL AND cancelled_at IS NULL THEN onsite_by
  WHEN resolve_by IS NOT NULL AND resolved_at IS NULL AND cancelled_at IS NULL THEN resolve_by
  WHEN confirm_by IS NOT NULL AND resolved_at IS NOT NULL AND closed_at IS NULL AND cancelled_at IS NULL THEN confirm_by
  WHEN revisit_by IS NOT NULL AND resolved_at IS NOT NULL AND revisited_at IS NULL THEN revisit_by
  ELSE NULL END`;

export class QueueByRunningClock1796627803375 implements MigrationInterface {
  name = 'QueueByRunningClock1796627803375';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_04ffcebf857f64287550dc0510\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_d0fed12db092e43e719140fdcc\` ON \`tickets\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` ADD \`clock_due_at\` datetime(3) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_db5b178b8f2bc9f041f1e19bba\` ON \`tickets\` (\`community_id\`, \`status\`, \`clock_due_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_99fa8af2321ec1f4c8ad947632\` ON \`tickets\` (\`community_id\`, \`clock_due_at\`, \`id\`)`);
    await queryRunner.query(BACKFILL);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_99fa8af2321ec1f4c8ad947632\` ON \`tickets\``);
    await queryRunner.query(`DROP INDEX \`IDX_db5b178b8f2bc9f041f1e19bba\` ON \`tickets\``);
    await queryRunner.query(`ALTER TABLE \`tickets\` DROP COLUMN \`clock_due_at\``);
    await queryRunner.query(`CREATE INDEX \`IDX_d0fed12db092e43e719140fdcc\` ON \`tickets\` (\`community_id\`, \`status\`, \`resolve_by\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_04ffcebf857f64287550dc0510\` ON \`tickets\` (\`community_id\`, \`resolve_by\`, \`id\`)`);
  }
}
