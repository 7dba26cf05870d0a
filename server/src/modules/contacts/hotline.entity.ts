import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/**
 * The property's phone numbers for residents (the seeds' "客服热线": A1 and B2 each have a
 * day number, one night number serves the whole community). One row per zone, and one
 * for the community as a whole (`zoneId` NULL) that fills in what a zone leaves out; the
 * community row also says how residents reach the technician on the day of a visit.
 */
@Entity('hotlines')
@Index(['communityId', 'zoneId'])
export class Hotline {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @RefColumn({ nullable: true }) zoneId: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) dayPhone: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) nightPhone: string | null;
  /** Day hours, 'HH:MM' Asia/Shanghai; outside them the night number answers. */
  @Column({ type: 'char', length: 5, default: '08:30' }) dayFrom: string;
  @Column({ type: 'char', length: 5, default: '21:00' }) dayTo: string;
  /** Community row: the number residents call to reach the technician (a relay or dispatch line). */
  @Column({ type: 'varchar', length: 20, nullable: true }) technicianPhone: string | null;
  /** Community row: give residents the technician's own phone on the day of the visit. */
  @Column({ type: 'boolean', default: false }) technicianOwnPhone: boolean;
  @TimeColumn() updatedAt: Date;
}
