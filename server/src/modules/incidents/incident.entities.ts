import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/**
 * An incident (停水停电, 电梯停运 …) declared by staff for an area of one community: the
 * whole community when no zone and no building is named, else the rooms in any of the
 * named zones or buildings. Everything here except `createdByName` is told to residents.
 * Its state is derived from the times (INCIDENT_STATUSES): planned before `startsAt`,
 * active until `resolvedAt`.
 */
@Entity('incidents')
@Index(['communityId', 'resolvedAt', 'startsAt']) // a submission looks up the community's unresolved ones
@Index(['communityId', 'id'])
export class Incident {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  /** What residents see first: 停水, 3栋电梯停运 … */
  @Column({ type: 'varchar', length: 40 }) title: string;
  /** The request category whose new requests in the area are linked to it (水电, 电梯 …). */
  @Column({ type: 'varchar', length: 30 }) category: string;
  @Column({ type: 'varchar', length: 300 }) cause: string;
  @Column({ type: 'simple-json' }) zoneIds: string[];
  @Column({ type: 'simple-json' }) buildingIds: string[];
  @TimeColumn() startsAt: Date;
  @TimeColumn() expectedEndAt: Date;
  @TimeColumn({ nullable: true }) resolvedAt: Date | null;
  /** Told to every resident of the area and written on each linked request when it is resolved. */
  @Column({ type: 'varchar', length: 300, nullable: true }) resolution: string | null;
  @RefColumn() createdById: string;
  @Column({ type: 'varchar', length: 50 }) createdByName: string;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn() updatedAt: Date;
}

/** A request linked to an incident at its submission (one incident per request). */
@Entity('incident_tickets')
@Index(['incidentId', 'ticketId'])
export class IncidentTicket {
  @RefColumn() incidentId: string;
  @Column({ type: 'bigint', unsigned: true, primary: true }) ticketId: string;
  @CreatedAtColumn() createdAt: Date;
}
