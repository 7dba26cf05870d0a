import { Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/**
 * Who answers for a zone (or, with zoneId null, the whole community — the night
 * shift) between two instants. Routing reads this at the moment a request arrives.
 */
@Entity('duty_shifts')
@Index(['communityId', 'zoneId', 'startAt'])
@Index(['staffId', 'startAt'])
export class DutyShift {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @RefColumn({ nullable: true }) zoneId: string | null;
  @RefColumn() staffId: string;
  @TimeColumn() startAt: Date;
  @TimeColumn() endAt: Date;
  @CreatedAtColumn() createdAt: Date;
}
