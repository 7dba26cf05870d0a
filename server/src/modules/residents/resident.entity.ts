import { Column, Entity, Index } from 'typeorm';
import type { RoomBindingStatus } from '@yizhan/shared';
import { ROOM_BINDING_STATUSES } from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, LookupHashColumn, RefColumn, SecretColumn, TimeColumn } from '../../database/columns';

/** A WeChat user of the mini-program. We keep the openid and, if they bind it, an encrypted phone. */
@Entity('residents')
export class Resident {
  @IdColumn() id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) openid: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) unionid: string | null;
  @SecretColumn() phoneEnc: string | null;
  @LookupHashColumn() phoneHash: string | null;
  @TimeColumn({ nullable: true }) lastLoginAt: Date | null;
  /** Set when the resident's personal data was erased (their request or the retention rule); the row stays for statistics. */
  @TimeColumn({ nullable: true }) erasedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
}

/** A resident's claim to live in a room: approved at once on a roster match, else reviewed by staff. */
@Entity('room_bindings')
@Index(['residentId', 'roomId'], { unique: true })
@Index(['communityId', 'status', 'id'])
export class RoomBinding {
  @IdColumn() id: string;
  @RefColumn() residentId: string;
  @RefColumn() roomId: string;
  @RefColumn() communityId: string;
  @SecretColumn() nameEnc: string | null;
  @SecretColumn() phoneEnc: string | null;
  @Column({ type: 'simple-enum', enum: ROOM_BINDING_STATUSES }) status: RoomBindingStatus;
  @RefColumn({ nullable: true }) reviewedById: string | null;
  @TimeColumn({ nullable: true }) reviewedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
}
