import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NOTICE_KINDS, NoticeKind } from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, JsonRecord, RefColumn, TimeColumn } from '../../database/columns';

/** A line in a resident's in-app inbox. Written in the same transaction as the status change it tells of. */
@Entity('notices')
@Index(['residentId', 'id'])
@Index(['readAt']) // the sweep of read notices (TableSweeper)
export class Notice {
  @IdColumn() id: string;
  @RefColumn() residentId: string;
  @RefColumn({ nullable: true }) ticketId: string | null;
  @Column({ type: 'simple-enum', enum: NOTICE_KINDS }) kind: NoticeKind;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 300 }) body: string;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) readAt: Date | null;
}

export const OUTBOX_STATUSES = ['pending', 'delivered', 'no_consent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The transactional outbox: one row per WeChat subscribe message to send, written with
 * the notice. The worker claims rows by moving next_attempt_at one lease ahead (under
 * FOR UPDATE SKIP LOCKED), so any number of server instances can drain it without
 * sending a row twice, and a row whose sender died falls due again by itself.
 */
@Entity('outbox_messages')
@Index(['status', 'nextAttemptAt'])
@Index(['noticeId'], { unique: true })
export class OutboxMessage {
  @IdColumn() id: string;
  @RefColumn() noticeId: string;
  @RefColumn() residentId: string;
  @Column({ type: 'simple-enum', enum: NOTICE_KINDS }) kind: NoticeKind;
  /** Values the template keywords are filled from (ticket number, status, time …), before truncation. */
  @Column({ type: 'simple-json' }) values: JsonRecord;
  @Column({ type: 'varchar', length: 200 }) page: string;
  @Column({ type: 'simple-enum', enum: OUTBOX_STATUSES, default: 'pending' }) status: OutboxStatus;
  @Column({ type: 'smallint', unsigned: true, default: 0 }) attempts: number;
  @TimeColumn() nextAttemptAt: Date;
  @Column({ type: 'varchar', length: 300, nullable: true }) lastError: string | null;
  @TimeColumn({ nullable: true }) sentAt: Date | null;
  /** A subscription credit is held for this row (taken before the send, given back if it fails). */
  @Column({ type: 'boolean', default: false }) creditReserved: boolean;
  @CreatedAtColumn() createdAt: Date;
}

/** WeChat grants one send per "accept"; WeChat offers no balance API, so we count (WECHAT.md). */
@Entity('subscription_credits')
export class SubscriptionCredit {
  @PrimaryColumn({ type: 'bigint', unsigned: true }) residentId: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) templateId: string;
  @Column({ type: 'int', unsigned: true, default: 0 }) credits: number;
}

export const STAFF_NOTICE_KINDS = [
  'routed',
  'urgent',
  'dispatched',
  'urged',
  'transferred',
  'flagged',
  'sla_warning',
  'sla_overdue',
  'escalated',
  /** A new request nobody was routed to: it waits in the pool for a claim. */
  'pooled',
  /** The resident says the problem is not solved (问题未解决). */
  'reopened',
  /** A rating of 2 or less on any dimension. */
  'rated_low',
  /** The technician resolved it; the owner follows up with the resident. */
  'resolved',
  /** The resident added a note or photos to an open request (owner, and the technician once dispatched). */
  'followed_up',
  /** A complaint's investigation task given to this staff member (调查任务). */
  'investigation',
  /** The result of an investigation task, for the complaint's owner. */
  'investigated',
] as const;
export type StaffNoticeKind = (typeof STAFF_NOTICE_KINDS)[number];

/** Something a staff member should look at; streamed live to the admin pages. */
@Entity('staff_notices')
@Index(['staffId', 'id'])
@Index(['readAt']) // the sweep of read notices (TableSweeper)
export class StaffNotice {
  @IdColumn() id: string;
  @RefColumn() staffId: string;
  @RefColumn({ nullable: true }) ticketId: string | null;
  @Column({ type: 'simple-enum', enum: STAFF_NOTICE_KINDS }) kind: StaffNoticeKind;
  @Column({ type: 'varchar', length: 60 }) title: string;
  @Column({ type: 'varchar', length: 300 }) body: string;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) readAt: Date | null;
}

/** Message-push events already handled; WeChat retries a push it thinks failed. */
@Entity('wechat_push_events')
export class WechatPushEvent {
  @PrimaryColumn({ type: 'varchar', length: 100 }) dedupeKey: string;
  @CreatedAtColumn() receivedAt: Date;
}
