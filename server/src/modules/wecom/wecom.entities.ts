import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, RefColumn, TimeColumn, CreatedAtColumn } from '../../database/columns';

export const WECOM_BINDING_SOURCES = ['admin', 'import', 'oauth'] as const;
export type WecomBindingSource = (typeof WECOM_BINDING_SOURCES)[number];

/**
 * A staff member's WeCom side: the WeCom userid their notices go to, what they want to
 * hear about, their quiet hours, and how the last send went. One row per staff member,
 * created on first use (binding or saving preferences); no row = unbound, defaults.
 */
@Entity('staff_wecom')
export class StaffWecom {
  @PrimaryColumn({ type: 'bigint', unsigned: true }) staffId: string;
  /** 企业微信 userid (账号), as in the corp's address book; null = not bound. */
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64, nullable: true }) userid: string | null;
  @Column({ type: 'simple-enum', enum: WECOM_BINDING_SOURCES, nullable: true }) boundVia: WecomBindingSource | null;
  @TimeColumn({ nullable: true }) boundAt: Date | null;
  /** Notice kinds the member turned off (urgent kinds cannot be). */
  @Column({ type: 'simple-array' }) mutedKinds: string[];
  /** Quiet hours in minutes after Asia/Shanghai midnight; both null = none. start > end spans midnight. */
  @Column({ type: 'smallint', nullable: true }) quietStart: number | null;
  @Column({ type: 'smallint', nullable: true }) quietEnd: number | null;
  /** The last final failure (81013 outside the visible range …), shown on the profile. */
  @Column({ type: 'varchar', length: 300, nullable: true }) lastError: string | null;
  @TimeColumn({ nullable: true }) lastErrorAt: Date | null;
  @TimeColumn({ nullable: true }) lastSentAt: Date | null;
}

export const WECOM_OUTBOX_STATUSES = ['pending', 'delivered', 'digested', 'failed', 'skipped'] as const;
export type WecomOutboxStatus = (typeof WECOM_OUTBOX_STATUSES)[number];

/**
 * The staff side of the transactional outbox: one row per WeCom application message,
 * written with the staff notice in the transaction of the change. Claimed like
 * outbox_messages (next_attempt_at moved one lease ahead under FOR UPDATE SKIP LOCKED),
 * so several instances never send a row twice. `held` marks a row waiting for the end of
 * its recipient's quiet hours (it does not block later urgent ones).
 */
@Entity('wecom_outbox')
@Index(['status', 'nextAttemptAt'])
@Index(['staffId', 'status', 'id'])
@Index(['staffId', 'sentAt'])
export class WecomOutbox {
  @IdColumn() id: string;
  @RefColumn() staffId: string;
  @RefColumn({ nullable: true }) ticketId: string | null;
  @Column({ type: 'varchar', length: 20 }) kind: string;
  @Column({ type: 'boolean', default: false }) urgent: boolean;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 300 }) body: string;
  @Column({ type: 'simple-enum', enum: WECOM_OUTBOX_STATUSES, default: 'pending' }) status: WecomOutboxStatus;
  @Column({ type: 'smallint', unsigned: true, default: 0 }) attempts: number;
  @TimeColumn() nextAttemptAt: Date;
  @Column({ type: 'boolean', default: false }) held: boolean;
  @Column({ type: 'varchar', length: 300, nullable: true }) lastError: string | null;
  @TimeColumn({ nullable: true }) sentAt: Date | null;
  /** On the row whose send carried a digest: how many notices it summed up (itself included). */
  @Column({ type: 'smallint', unsigned: true, default: 0 }) digestCount: number;
  @CreatedAtColumn() createdAt: Date;
}
