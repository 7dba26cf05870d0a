import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, LookupHashColumn, SecretColumn, TimeColumn } from '../../database/columns';

@Entity('staff')
export class Staff {
  @IdColumn() id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) username: string;
  @Column({ type: 'varchar', length: 255 }) passwordHash: string;
  @Column({ type: 'varchar', length: 50 }) name: string;
  @SecretColumn() phoneEnc: string | null;
  @LookupHashColumn() phoneHash: string | null;
  @Column({ type: 'simple-array' }) roles: StaffRole[];
  /** What a technician can do (水电, 门窗 …), shown in the dispatch picker. */
  @Column({ type: 'simple-json' }) skills: string[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  /**
   * Goes up whenever what the staff member may do changes (deactivated, roles,
   * communities, password). Access tokens carry the value they were issued with, and
   * the auth guard refuses a token whose value is stale: the change applies to the very
   * next request rather than when the token expires.
   */
  @Column({ type: 'int', default: 0 }) accessVersion: number;
  @Column({ type: 'int', default: 0 }) failedLogins: number;
  @TimeColumn({ nullable: true }) lockedUntil: Date | null;
  @CreatedAtColumn() createdAt: Date;
}

/** Which communities a staff member works in; every staff query is scoped by this. */
@Entity('staff_communities')
@Index(['communityId', 'staffId'])
export class StaffCommunity {
  @PrimaryColumn({ type: 'bigint', unsigned: true }) staffId: string;
  @PrimaryColumn({ type: 'bigint', unsigned: true }) communityId: string;
}
