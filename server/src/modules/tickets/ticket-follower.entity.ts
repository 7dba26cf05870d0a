import { Column, Entity, Index } from 'typeorm';
import { FOLLOW_VIAS, FollowVia } from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/**
 * A resident who follows a public request someone else filed: they pressed 我也遇到, or
 * staff merged their own request into it. They get its notices and may rate it once
 * (their rating lives here, beside the requester's in ticket_ratings).
 */
@Entity('ticket_followers')
@Index(['ticketId', 'residentId'], { unique: true })
@Index(['residentId', 'id'])
export class TicketFollower {
  @IdColumn() id: string;
  @RefColumn() ticketId: string;
  @RefColumn() residentId: string;
  @Column({ type: 'simple-enum', enum: FOLLOW_VIAS }) via: FollowVia;
  /** For a merge: the resident's own request that was folded into this one. */
  @RefColumn({ nullable: true }) fromTicketId: string | null;
  @Column({ type: 'tinyint', unsigned: true, nullable: true }) attitude: number | null;
  @Column({ type: 'tinyint', unsigned: true, nullable: true }) timeliness: number | null;
  @Column({ type: 'tinyint', unsigned: true, nullable: true }) quality: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) comment: string | null;
  @TimeColumn({ nullable: true }) ratedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
}
