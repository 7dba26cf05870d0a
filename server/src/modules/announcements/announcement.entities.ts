import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/**
 * A 公告 for one community or an area of it (any of the named zones or buildings; none
 * named: the whole community), shown to residents bound there while it is valid
 * (`startsAt` ≤ now < `endsAt`, no end: until withdrawn). Pinned ones come first.
 */
@Entity('announcements')
@Index(['communityId', 'id'])
@Index(['communityId', 'startsAt'])
export class Announcement {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @Column({ type: 'simple-json' }) zoneIds: string[];
  @Column({ type: 'simple-json' }) buildingIds: string[];
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 2000 }) body: string;
  /** Uploads (the uploads table), attached with no ticket. */
  @Column({ type: 'simple-json' }) photoIds: string[];
  @TimeColumn() startsAt: Date;
  @TimeColumn({ nullable: true }) endsAt: Date | null;
  @Column({ type: 'boolean', default: false }) pinned: boolean;
  /** Made from an incident (one click on the incident page). */
  @RefColumn({ nullable: true }) incidentId: string | null;
  @RefColumn() createdById: string;
  @Column({ type: 'varchar', length: 50 }) createdByName: string;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn() updatedAt: Date;
}

/** Who has read which announcement: the read count staff see. */
@Entity('announcement_reads')
export class AnnouncementRead {
  @PrimaryColumn({ type: 'bigint', unsigned: true }) announcementId: string;
  @PrimaryColumn({ type: 'bigint', unsigned: true }) residentId: string;
  @TimeColumn() readAt: Date;
}
