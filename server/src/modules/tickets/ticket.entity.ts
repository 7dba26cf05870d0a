import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import {
  ACTOR_KINDS,
  ActorKind,
  CHANNELS,
  EVENT_VISIBILITIES,
  EventVisibility,
  Channel,
  LOCATION_KINDS,
  LocationKind,
  PRIORITIES,
  Priority,
  TICKET_EVENT_TYPES,
  TICKET_STATUSES,
  TICKET_TYPES,
  TicketEventType,
  TicketStatus,
  TicketType,
} from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, JsonRecord, MoneyColumn, RefColumn, SecretColumn, TimeColumn } from '../../database/columns';
import { Room } from '../communities/community.entities';
import { Staff } from '../staff/staff.entity';

/**
 * A request (工单). Deadlines are stored (not derived on read) so the staff queue and
 * the SLA scanner can use indexes; milestones record when each clock was met.
 */
@Entity('tickets')
@Index(['communityId', 'status', 'id'])
@Index(['communityId', 'id'])
@Index(['residentId', 'id'])
@Index(['ownerId', 'status', 'id'])
@Index(['assigneeId', 'status', 'id'])
@Index(['communityId', 'clockDueAt', 'id'])
@Index(['communityId', 'status', 'clockDueAt', 'id']) // staff queue, most pressing first: one ordered walk per open status
@Index(['serviceItemId', 'slotStart'])
@Index(['appointmentAt']) // the evening-before reminders: tomorrow's visits
@Index(['slotStart']) // … and tomorrow's booked services
// Stats (GET /admin/stats): the tickets created in a window, read from the index alone (no
// row lookup per ticket, which was most of their cost at scale): the first covers what the
// summary, the durations and the owner table read, the second the confirm and revisit
// clocks (MySQL allows 16 columns an index, so one index cannot hold both).
@Index('IDX_tickets_stats_cohort', [
  'communityId',
  'createdAt',
  'type',
  'status',
  'ownerId',
  'reopenCount',
  'respondBy',
  'respondedAt',
  'resolvedAt',
  'onsiteBy',
  'onsiteAt',
  'resolveBy',
  'cancelledAt',
  'heldAt',
])
@Index('IDX_tickets_stats_closing', ['communityId', 'createdAt', 'confirmBy', 'closedAt', 'revisitBy', 'revisitedAt', 'cancelledAt', 'heldAt'])
@Index(['communityId', 'resolvedAt']) // stats trend: resolved per day
@Index(['communityId', 'locationKind', 'status']) // 我也遇到: the open public requests of a community
@Index(['communityId', 'dueFen', 'id']) // the unpaid queue: a community's requests with something due
export class Ticket {
  @IdColumn() id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 24 }) no: string;
  @Column({ type: 'simple-enum', enum: TICKET_TYPES }) type: TicketType;
  @Column({ type: 'simple-enum', enum: TICKET_STATUSES }) status: TicketStatus;
  @Column({ type: 'varchar', length: 30 }) category: string;
  @Column({ type: 'varchar', length: 2000 }) description: string;
  @Column({ type: 'simple-enum', enum: PRIORITIES }) priority: Priority;
  @Column({ type: 'simple-enum', enum: CHANNELS }) channel: Channel;

  /**
   * Where the problem is (LOCATION_KINDS): a room, or a public area — a building, a unit's
   * common area (building + unit), a zone or a named spot (places). The zone, from the
   * location, routes the request; the resident's own bound room is who they are
   * (`reporterRoomId`), not where the problem is.
   */
  @Column({ type: 'simple-enum', enum: LOCATION_KINDS, default: 'room' }) locationKind: LocationKind;
  @RefColumn() communityId: string;
  @RefColumn({ nullable: true }) zoneId: string | null;
  /** Set for a room only. */
  @RefColumn({ nullable: true }) roomId: string | null;
  @ManyToOne(() => Room, { createForeignKeyConstraints: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id' })
  room?: Room | null;
  /** A building, a unit's common area, or the building a spot belongs to. */
  @RefColumn({ nullable: true }) buildingId: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) unit: string | null;
  @RefColumn({ nullable: true }) placeId: string | null;
  /** The label of a public location as it was named at submission ("A1区 3栋 2单元 公共区域", "1号门岗"); a room's is the room's. */
  @Column({ type: 'varchar', length: 120, nullable: true }) locationLabel: string | null;
  /** The resident's bound room in the community when the request is about a public area (who they are). */
  @RefColumn({ nullable: true }) reporterRoomId: string | null;
  /** Residents following it (我也遇到, merged duplicates), besides the one who filed it. */
  @Column({ type: 'int', unsigned: true, default: 0 }) followerCount: number;
  /** A duplicate merged into another request (it is cancelled; its resident follows that one). */
  @RefColumn({ nullable: true }) mergedIntoId: string | null;

  /** The resident the request belongs to (null for a staff-created request with no app user). */
  @RefColumn({ nullable: true }) residentId: string | null;
  @SecretColumn() residentNameEnc: string | null;
  @SecretColumn() contactPhoneEnc: string | null;
  @RefColumn({ nullable: true }) createdByStaffId: string | null;

  /** 首接人: set once by routing, claim or creation; only a supervisor's transfer changes it. */
  @RefColumn({ nullable: true }) ownerId: string | null;
  @ManyToOne(() => Staff, { createForeignKeyConstraints: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Staff | null;
  @RefColumn({ nullable: true }) assigneeId: string | null;
  @ManyToOne(() => Staff, { createForeignKeyConstraints: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Staff | null;

  @RefColumn({ nullable: true }) serviceItemId: string | null;
  @TimeColumn({ nullable: true }) slotStart: Date | null;
  @TimeColumn({ nullable: true }) appointmentAt: Date | null;
  @MoneyColumn({ nullable: true }) fee: number | null;
  /**
   * Paid services (modules/payments): a quote waits for the resident; the total they approved
   * (or accepted at booking), paid so far and still due — integer fen, kept by PaymentsService
   * in the transaction that changes them, read by the state machine (QUOTE_PENDING, PAYMENT_DUE).
   */
  @Column({ type: 'boolean', default: false }) quotePending: boolean;
  @Column({ type: 'int', unsigned: true, default: 0 }) approvedFen: number;
  @Column({ type: 'int', unsigned: true, default: 0 }) paidFen: number;
  @Column({ type: 'int', unsigned: true, default: 0 }) dueFen: number;
  /** A supervisor waived what was due (免收). */
  @TimeColumn({ nullable: true }) feeWaivedAt: Date | null;

  @TimeColumn({ nullable: true }) respondBy: Date | null;
  @TimeColumn({ nullable: true }) onsiteBy: Date | null;
  @TimeColumn({ nullable: true }) resolveBy: Date | null;
  @TimeColumn({ nullable: true }) confirmBy: Date | null;
  @TimeColumn({ nullable: true }) revisitBy: Date | null;

  @TimeColumn({ nullable: true }) respondedAt: Date | null;
  @TimeColumn({ nullable: true }) onsiteAt: Date | null;
  @TimeColumn({ nullable: true }) resolvedAt: Date | null;
  @TimeColumn({ nullable: true }) closedAt: Date | null;
  @TimeColumn({ nullable: true }) revisitedAt: Date | null;
  @TimeColumn({ nullable: true }) cancelledAt: Date | null;
  /** Set while the clocks are paused (hold); resume extends the running deadlines. */
  @TimeColumn({ nullable: true }) heldAt: Date | null;
  @Column({ type: 'int', unsigned: true, default: 0 }) heldSeconds: number;

  /**
   * SLA bookkeeping for the scanner: bits per clock (respond 1, onsite 2, resolve 4,
   * confirm 8, revisit 16) already warned about / already recorded as breached, the
   * escalation level reached, and the next instant the scanner must look at this
   * ticket (null when no clock needs watching) — one index serves the whole scan.
   */
  @Column({ type: 'smallint', unsigned: true, default: 0 }) slaWarned: number;
  @Column({ type: 'smallint', unsigned: true, default: 0 }) slaBreached: number;
  @Column({ type: 'tinyint', unsigned: true, default: 0 }) escalationLevel: number;
  @TimeColumn({ nullable: true }) escalatedAt: Date | null;
  @Index() @TimeColumn({ nullable: true }) nextDueAt: Date | null;
  /** The deadline of the clock being raced now (queueDueAt): the staff queues' order, most pressing first. */
  @TimeColumn({ nullable: true }) clockDueAt: Date | null;

  @Column({ type: 'smallint', unsigned: true, default: 0 }) reopenCount: number;
  /** Needs a human look: content check said "review" or could not run. */
  @Column({ type: 'boolean', default: false }) flagged: boolean;
  @Column({ type: 'simple-json' }) photoIds: string[];

  @CreatedAtColumn() createdAt: Date;
  @TimeColumn() updatedAt: Date;
  @VersionColumn() version: number;
}

/** One line of a ticket's timeline. Never updated, never deleted. */
@Entity('ticket_events')
@Index(['ticketId', 'id'])
@Index(['ticketId', 'type', 'at'])
export class TicketEvent {
  @IdColumn() id: string;
  @RefColumn() ticketId: string;
  @Column({ type: 'simple-enum', enum: TICKET_EVENT_TYPES }) type: TicketEventType;
  @TimeColumn() at: Date;
  @Column({ type: 'simple-enum', enum: ACTOR_KINDS }) actorKind: ActorKind;
  @RefColumn({ nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 50 }) actorName: string;
  /** The staff-facing text (a reason, an internal note, the work done). */
  @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  /** `internal`: staff only, never shown or sent to the resident (EVENT_VISIBILITIES). */
  @Column({ type: 'simple-enum', enum: EVENT_VISIBILITIES, default: 'public' }) visibility: EventVisibility;
  /** What the resident reads of a public entry; the staff's `note` never reaches them. */
  @Column({ type: 'varchar', length: 1000, nullable: true }) publicNote: string | null;
  @Column({ type: 'simple-json', nullable: true }) data: JsonRecord | null;
  @Column({ type: 'simple-json', nullable: true }) photoIds: string[] | null;
}

@Entity('ticket_ratings')
// Stats from the index alone: a community's ratings given per day (trend), and a ticket's rating (the cohort's satisfaction).
@Index('IDX_ticket_ratings_stats_day', ['communityId', 'createdAt', 'attitude', 'timeliness', 'quality'])
@Index('IDX_ticket_ratings_stats_ticket', ['ticketId', 'attitude', 'timeliness', 'quality'])
export class TicketRating {
  @IdColumn() id: string;
  @Index({ unique: true }) @RefColumn() ticketId: string;
  /** The ticket's community, copied (it never changes) so a community's ratings are one index range. */
  @RefColumn() communityId: string;
  @RefColumn() residentId: string;
  @Column({ type: 'tinyint', unsigned: true }) attitude: number;
  @Column({ type: 'tinyint', unsigned: true }) timeliness: number;
  @Column({ type: 'tinyint', unsigned: true }) quality: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) comment: string | null;
  /** Quick tags (RATING_TAGS). */
  @Column({ type: 'simple-json', nullable: true }) tags: string[] | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) reply: string | null;
  @CreatedAtColumn() createdAt: Date;
}

/** Per type-and-day counters behind ticket numbers (BX20261123-0007). */
@Entity('ticket_sequences')
export class TicketSequence {
  @Column({ type: 'varchar', length: 12, primary: true }) prefix: string;
  @Column({ type: 'int', unsigned: true }) seq: number;
}
