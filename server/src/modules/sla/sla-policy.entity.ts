import { Column, Entity, Index } from 'typeorm';
import { COMPLAINT_LEVELS, ComplaintLevel, PRIORITIES, Priority, TICKET_TYPES, TicketType } from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, RefColumn } from '../../database/columns';

/**
 * A community's own time limits for one type × priority (× level, for complaints: 一般 / 重大);
 * DESIGN.md's table applies where none is set.
 */
@Entity('sla_policies')
@Index(['communityId', 'type', 'priority', 'level'], { unique: true })
export class SlaPolicy {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @Column({ type: 'simple-enum', enum: TICKET_TYPES }) type: TicketType;
  @Column({ type: 'simple-enum', enum: PRIORITIES }) priority: Priority;
  /** A complaint's level; always `general` for the other types. */
  @Column({ type: 'simple-enum', enum: COMPLAINT_LEVELS, default: 'general' }) level: ComplaintLevel;
  @Column({ type: 'int', unsigned: true }) respondWithinSec: number;
  @Column({ type: 'int', unsigned: true, nullable: true }) onsiteWithinSec: number | null;
  @Column({ type: 'int', unsigned: true }) resolveWithinSec: number;
  /** When set, the resolve limit counts working days on China's calendar instead of seconds. */
  @Column({ type: 'tinyint', unsigned: true, nullable: true }) resolveWorkingDays: number | null;
  @Column({ type: 'int', unsigned: true }) confirmWithinSec: number;
  @Column({ type: 'int', unsigned: true }) revisitWithinSec: number;
  @CreatedAtColumn() createdAt: Date;
}
