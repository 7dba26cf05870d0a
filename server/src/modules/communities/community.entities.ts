import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn, SecretColumn, LookupHashColumn } from '../../database/columns';

@Entity('communities')
export class Community {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) address: string | null;
  @CreatedAtColumn() createdAt: Date;
}

/** 区 — a part of a community with its own day-shift agents (the seeds' A1 / B2). */
@Entity('zones')
@Index(['communityId', 'name'], { unique: true })
export class Zone {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @Column({ type: 'varchar', length: 50 }) name: string;
  @CreatedAtColumn() createdAt: Date;
}

@Entity('buildings')
@Index(['communityId', 'name'], { unique: true })
export class Building {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @RefColumn({ nullable: true }) zoneId: string | null;
  @Column({ type: 'varchar', length: 50 }) name: string;
  @CreatedAtColumn() createdAt: Date;
}

/**
 * A room with its roster entry (the registered owner). The roster is personal data:
 * name and phone are encrypted, with keyed hashes so a resident's binding request can
 * be matched without decrypting every row.
 */
@Entity('rooms')
@Index(['buildingId', 'unit', 'number'], { unique: true })
@Index(['communityId', 'label'])
export class Room {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @RefColumn() buildingId: string;
  @RefColumn({ nullable: true }) zoneId: string | null;
  @Column({ type: 'varchar', length: 20, default: '' }) unit: string;
  @Column({ type: 'varchar', length: 20 }) number: string;
  /** Display label, e.g. "A1区 3栋 2单元 1201", kept for search and lists. */
  @Column({ type: 'varchar', length: 120 }) label: string;
  @SecretColumn() ownerNameEnc: string | null;
  @LookupHashColumn() ownerNameHash: string | null;
  @SecretColumn() ownerPhoneEnc: string | null;
  @LookupHashColumn() ownerPhoneHash: string | null;
  @CreatedAtColumn() createdAt: Date;
}
