import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../../database/columns';

/**
 * One fixed window of one rate limit for one caller, shared by every instance: the
 * bucket is "<limit>:<caller>:<window start, epoch s>", counted by an atomic upsert.
 * Rows whose window has passed are swept (TableSweeper).
 */
@Entity('rate_limit_counters')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 191 }) bucket: string;
  @Column({ type: 'int', unsigned: true, default: 0 }) hits: number;
  @Index() @TimeColumn() expiresAt: Date;
}
