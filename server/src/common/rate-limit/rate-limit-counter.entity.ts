import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../../database/columns';

/**
 * The current window of one rate limit for one caller, shared by every instance: the
 * bucket is the throttler's key ("<limit>:<caller>"), counted by an atomic upsert; a
 * window starts at its first hit and ends at `expiresAt`. Ended rows are swept (TableSweeper).
 */
@Entity('rate_limit_counters')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 191 }) bucket: string;
  @Column({ type: 'int', unsigned: true, default: 0 }) hits: number;
  @Index() @TimeColumn() expiresAt: Date;
}
