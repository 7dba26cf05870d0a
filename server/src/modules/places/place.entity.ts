import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from '../../database/columns';

/**
 * A named public spot of a community (1号门岗, 地下车库B1, 中心花园 …) where a request can be
 * about. Its zone routes the request (the zone's day-shift agent, as for a room); a spot
 * with no zone goes to the community-wide shift. Spots are retired, never deleted, since
 * requests name them.
 */
@Entity('places')
@Index(['communityId', 'name'], { unique: true })
export class Place {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @RefColumn({ nullable: true }) zoneId: string | null;
  /** When the spot belongs to one building (3栋地下室): incidents of that building cover it. */
  @RefColumn({ nullable: true }) buildingId: string | null;
  @Column({ type: 'varchar', length: 50 }) name: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreatedAtColumn() createdAt: Date;
}
