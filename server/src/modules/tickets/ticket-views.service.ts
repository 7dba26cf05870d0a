import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CLOCK_BIT, SLA_CLOCKS, clockOf, maskPhone, milestonesOf, overdueClocks, runningClocks } from '@yizhan/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { ServiceItem } from '../catalogue/service-item.entity';
import { Room } from '../communities/community.entities';
import { FieldCrypto } from '../crypto/field-crypto.service';
import { FilesService } from '../files/files.service';
import { Staff } from '../staff/staff.entity';
import type { FollowVia } from '@yizhan/shared';
import type { RatingView, TicketDetailView, TicketSummaryView } from './dto/ticket.dto';
import { TicketFollower } from './ticket-follower.entity';
import { Ticket, TicketEvent, TicketRating } from './ticket.entity';
import { placeholders } from '../../database/sql';
import { complaintView } from '../complaints/complaint-views';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Breaches as of now, plus those the SLA scanner has recorded (they stay until a reopen starts the clock anew). */
function overdueOf(t: Ticket, now: Date) {
  const computed = overdueClocks(t, milestonesOf(t), now, { heldAt: t.heldAt });
  return SLA_CLOCKS.filter((clock) => computed.includes(clock) || (t.slaBreached & CLOCK_BIT[clock]) !== 0);
}

/** The ticket columns a list item is built from. */
const LIST_COLUMNS = [
  'id',
  'no',
  'type',
  'status',
  'category',
  'description',
  'priority',
  'channel',
  'roomId',
  'communityId',
  'zoneId',
  'ownerId',
  'assigneeId',
  'respondBy',
  'onsiteBy',
  'resolveBy',
  'clockDueAt',
  'confirmBy',
  'revisitBy',
  'respondedAt',
  'onsiteAt',
  'resolvedAt',
  'closedAt',
  'revisitedAt',
  'cancelledAt',
  'heldAt',
  'slaBreached',
  'appointmentAt',
  'createdAt',
  'updatedAt',
  'locationKind',
  'buildingId',
  'unit',
  'placeId',
  'locationLabel',
  'followerCount',
] as const;
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** What a list row selects: the ticket's list columns, its room's label, its owner's and assignee's names. */
const LIST_SELECT = [...LIST_COLUMNS.map((c) => `t.${snake(c)} AS ${c}`), 'r.label AS roomLabel', 'o.name AS ownerName', 'a.name AS assigneeName'];

/** listRows' statement for rows picked by id: the same columns and joins, "IN (…)" to follow. */
const LIST_ROWS_BY_ID = `SELECT ${LIST_SELECT.join(', ')}
  FROM tickets t LEFT JOIN rooms r ON r.id = t.room_id LEFT JOIN staff o ON o.id = t.owner_id LEFT JOIN staff a ON a.id = t.assignee_id
 WHERE t.id IN`;

/** When a summary is drawn, and how long before a deadline its clock turns to "warning" (SLA_WARN_LEAD_SEC). */
interface ViewTime {
  now: Date;
  warnLeadSec: number;
}

/** A list row from a row of listRows' columns. */
function listRowOf(row: Record<string, unknown>, at: ViewTime): ListRow {
  const t = row as unknown as Ticket;
  return {
    summary: summaryOf(
      t,
      String(row.roomLabel ?? ''),
      (row.ownerName as string | null) ?? (t.ownerId ? '' : null),
      (row.assigneeName as string | null) ?? (t.assigneeId ? '' : null),
      at,
    ),
    dueAt: t.clockDueAt,
  };
}

type SummarySource = Pick<Ticket, (typeof LIST_COLUMNS)[number]>;

function summaryOf(
  t: SummarySource,
  roomLabel: string,
  ownerName: string | null,
  assigneeName: string | null,
  { now, warnLeadSec }: ViewTime,
): TicketSummaryView {
  const clock = clockOf(t, now, warnLeadSec);
  return {
    id: String(t.id),
    no: t.no,
    type: t.type,
    status: t.status,
    category: t.category,
    description: t.description,
    priority: t.priority,
    channel: t.channel,
    room: t.roomId === null ? null : { id: String(t.roomId), label: roomLabel, communityId: String(t.communityId), zoneId: str(t.zoneId) },
    location: {
      kind: t.locationKind,
      // A room's label is the room's (current); a public area's is the one it was given at submission.
      label: t.roomId === null ? (t.locationLabel ?? '') : roomLabel,
      communityId: String(t.communityId),
      zoneId: str(t.zoneId),
      roomId: str(t.roomId),
      buildingId: str(t.buildingId),
      unit: t.unit,
      placeId: str(t.placeId),
    },
    followerCount: Number(t.followerCount),
    owner: t.ownerId === null ? null : { id: String(t.ownerId), name: ownerName ?? '' },
    assignee: t.assigneeId === null ? null : { id: String(t.assigneeId), name: assigneeName ?? '' },
    deadlines: {
      respondBy: iso(t.respondBy),
      onsiteBy: iso(t.onsiteBy),
      resolveBy: iso(t.resolveBy),
      confirmBy: iso(t.confirmBy),
      revisitBy: iso(t.revisitBy),
    },
    overdue: overdueOf(t as Ticket, now),
    onHold: t.heldAt !== null,
    appointmentAt: iso(t.appointmentAt),
    clock: clock && { name: clock.name, dueAt: clock.dueAt.toISOString(), warnAt: clock.warnAt.toISOString(), state: clock.state },
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/**
 * What the writer of a new ticket already holds: the ticket as stored, its room's label,
 * the names of the staff it names, and its timeline in order (a new ticket has no rating).
 */
export interface KnownDetail {
  ticket: Ticket;
  roomLabel: string;
  staffNames: Map<string, string>;
  events: Pick<TicketEvent, 'type' | 'at' | 'actorKind' | 'actorId' | 'actorName' | 'note' | 'visibility' | 'publicNote' | 'photoIds'>[];
}

/** A list item, with the deadline its keyset cursor needs (the running clock's, clock_due_at). */
export interface ListRow {
  summary: TicketSummaryView;
  dueAt: Date | null;
}

/** Turns ticket rows into the wire shapes of API.md, loading names and rooms in batches. */
@Injectable()
export class TicketViews {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly crypto: FieldCrypto,
    private readonly files: FilesService,
  ) {}

  private at(now: Date): ViewTime {
    return { now, warnLeadSec: this.config.sla.warnLeadSec };
  }

  /** A booking can be rescheduled or cancelled by the resident until the cut-off before its slot. */
  private changeableUntil(ticket: Ticket): string | null {
    if (ticket.type !== 'home_service' || !ticket.slotStart || !['submitted', 'accepted', 'dispatched'].includes(ticket.status)) return null;
    const until = new Date(ticket.slotStart.getTime() - this.config.bookingChangeCutoffSec * 1000);
    return until.getTime() > Date.now() ? until.toISOString() : null;
  }

  async summaries(manager: EntityManager, tickets: Ticket[], now = new Date()): Promise<TicketSummaryView[]> {
    if (!tickets.length) return [];
    const roomIds = [...new Set(tickets.flatMap((t) => (t.roomId === null ? [] : [String(t.roomId)])))];
    const staffIds = staffIdsOf(tickets);
    const [rooms, staff] = await Promise.all([
      roomIds.length ? manager.getRepository(Room).find({ where: { id: In(roomIds) }, select: { id: true, label: true } }) : Promise.resolve([]),
      staffIds.length ? manager.getRepository(Staff).find({ where: { id: In(staffIds) }, select: { id: true, name: true } }) : Promise.resolve([]),
    ]);
    const roomLabel = new Map(rooms.map((r) => [String(r.id), r.label]));
    const staffName = new Map(staff.map((s) => [String(s.id), s.name]));
    return tickets.map((t) =>
      summaryOf(
        t,
        roomLabel.get(String(t.roomId)) ?? '',
        t.ownerId ? (staffName.get(String(t.ownerId)) ?? '') : null,
        t.assigneeId ? (staffName.get(String(t.assigneeId)) ?? '') : null,
        this.at(now),
      ),
    );
  }

  /**
   * For lists: select exactly the columns a summary needs, with the room label and the
   * owner's and assignee's names joined in, on a builder over Ticket aliased `t` (already
   * filtered, sorted and limited). One round trip, no entity hydration.
   */
  async listRows(qb: SelectQueryBuilder<Ticket>, now = new Date()): Promise<ListRow[]> {
    const rows = await qb
      .leftJoin(Room, 'r', 'r.id = t.room_id')
      .leftJoin(Staff, 'o', 'o.id = t.owner_id')
      .leftJoin(Staff, 'a', 'a.id = t.assignee_id')
      .select(LIST_SELECT)
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => listRowOf(row, this.at(now)));
  }

  /** listRows for rows picked by id (the deadline walks' page), in plain SQL built once. */
  async listRowsByIds(manager: EntityManager, ids: string[], now = new Date()): Promise<ListRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(`${LIST_ROWS_BY_ID} (${placeholders(ids)})`, ids);
    return rows.map((row) => listRowOf(row, this.at(now)));
  }

  /** The detail view; `known` (a ticket its caller has just created) saves reading back what was just written. */
  async detail(manager: EntityManager, id: string, auth: AuthContext, known?: KnownDetail): Promise<TicketDetailView> {
    const ticket = known?.ticket ?? (await manager.getRepository(Ticket).findOneByOrFail({ id }));
    const nameOf = (staffId: string | null) => (staffId === null ? null : (known!.staffNames.get(String(staffId)) ?? ''));
    const [[summary], allEvents, rating, item, complaint] = await Promise.all([
      known ? [summaryOf(ticket, known.roomLabel, nameOf(ticket.ownerId), nameOf(ticket.assigneeId), this.at(new Date()))] : this.summaries(manager, [ticket]),
      known ? known.events : manager.getRepository(TicketEvent).find({ where: { ticketId: id }, order: { id: 'ASC' } }),
      known ? null : manager.getRepository(TicketRating).findOne({ where: { ticketId: id } }),
      ticket.serviceItemId ? manager.getRepository(ServiceItem).findOne({ where: { id: ticket.serviceItemId } }) : Promise.resolve(null),
      complaintView(manager, ticket, auth),
    ]);
    // A resident reads public entries only, and only their resident-facing text. A follower
    // (我也遇到) reads how the request goes, not what is personal to whoever filed it: not their
    // own words, photos, phone or rating.
    const forResident = auth.kind === 'resident';
    const asFollower = auth.kind === 'resident' && String(ticket.residentId) !== auth.residentId;
    const publicEvents = forResident ? allEvents.filter((e) => e.visibility !== 'internal') : allEvents;
    const events = asFollower
      ? publicEvents
          .filter((e) => e.actorKind !== 'resident' || e.type === 'created')
          .map((e) => (e.actorKind === 'resident' ? { ...e, note: null, publicNote: null, photoIds: null } : e))
      : publicEvents;
    const [follow, mergedInto] = await Promise.all([this.followOf(manager, ticket, auth), this.mergedIntoOf(manager, ticket)]);
    // Short-lived signed URLs, minted only for a caller who may see the ticket.
    const urls = await this.files.views(manager, auth, [...(asFollower ? [] : ticket.photoIds), ...events.flatMap((e) => e.photoIds ?? [])]);
    return {
      ...summary!,
      ...follow,
      mergedInto,
      contactPhoneMasked: asFollower ? null : maskPhone(this.crypto.decrypt(ticket.contactPhoneEnc)),
      photos: FilesService.inOrder(urls, ticket.photoIds),
      events: events.map((e) => ({
        type: e.type,
        at: e.at.toISOString(),
        actor: { kind: e.actorKind, id: e.actorId === null ? null : String(e.actorId), name: e.actorName },
        ...(forResident ? { note: e.publicNote } : { note: e.note, visibility: e.visibility, publicNote: e.publicNote }),
        photos: FilesService.inOrder(urls, e.photoIds),
      })),
      rating: asFollower
        ? follow.ownRating
        : rating
          ? {
              attitude: rating.attitude,
              timeliness: rating.timeliness,
              quality: rating.quality,
              comment: rating.comment,
              tags: rating.tags ?? [],
              reply: rating.reply,
            }
          : null,
      reopenCount: ticket.reopenCount,
      serviceItem: item ? { id: String(item.id), name: item.name, price: Number(item.price) } : null,
      slotStart: iso(ticket.slotStart),
      // The booked window, not just its start: the slot lasts the service's duration.
      slotEnd: ticket.slotStart && item ? new Date(ticket.slotStart.getTime() + item.durationMin * 60_000).toISOString() : null,
      changeableUntil: this.changeableUntil(ticket),
      fee: ticket.fee,
      quotePending: ticket.quotePending,
      dueFen: ticket.dueFen,
      residentId: ticket.residentId === null || asFollower ? null : String(ticket.residentId),
      flagged: ticket.flagged,
      runningClocks: runningClocks(milestonesOf(ticket)),
      complaint,
    };
  }

  /**
   * Who follows the request, as the caller may know it: a follower learns they follow it
   * (and reads their own rating as the rating); staff get the followers with how they came
   * and their ratings, and the room the resident who filed a public request lives in.
   */
  private async followOf(manager: EntityManager, ticket: Ticket, auth: AuthContext): Promise<FollowPart & { ownRating: RatingView | null }> {
    const none = { following: false, followers: [], reporterRoom: null, ownRating: null };
    if (auth.kind === 'resident') {
      if (String(ticket.residentId) === auth.residentId) return none;
      const row = await manager.getRepository(TicketFollower).findOne({ where: { ticketId: ticket.id, residentId: auth.residentId } });
      return { ...none, following: row !== null, ownRating: row ? followerRating(row) : null };
    }
    const [rows, reporter]: [
      {
        via: FollowVia;
        createdAt: Date;
        fromNo: string | null;
        attitude: number | null;
        timeliness: number | null;
        quality: number | null;
        comment: string | null;
      }[],
      Room | null,
    ] = await Promise.all([
      ticket.followerCount > 0
        ? manager.query(
            `SELECT f.via, f.created_at AS createdAt, d.no AS fromNo, f.attitude, f.timeliness, f.quality, f.comment
               FROM ticket_followers f LEFT JOIN tickets d ON d.id = f.from_ticket_id WHERE f.ticket_id = ? ORDER BY f.id`,
            [ticket.id],
          )
        : Promise.resolve([]),
      ticket.reporterRoomId
        ? manager.getRepository(Room).findOne({ where: { id: ticket.reporterRoomId }, select: { id: true, label: true } })
        : Promise.resolve(null),
    ]);
    return {
      ...none,
      followers: rows.map((r) => ({
        via: r.via,
        joinedAt: new Date(r.createdAt).toISOString(),
        fromTicketNo: r.fromNo,
        rating:
          r.attitude === null
            ? null
            : { attitude: Number(r.attitude), timeliness: Number(r.timeliness), quality: Number(r.quality), comment: r.comment, tags: [], reply: null },
      })),
      reporterRoom: reporter ? { id: String(reporter.id), label: reporter.label } : null,
    };
  }

  private async mergedIntoOf(manager: EntityManager, ticket: Ticket): Promise<{ id: string; no: string } | null> {
    if (!ticket.mergedIntoId) return null;
    const into = await manager.getRepository(Ticket).findOne({ where: { id: ticket.mergedIntoId }, select: { id: true, no: true } });
    return into ? { id: String(into.id), no: into.no } : null;
  }
}

type FollowPart = Pick<TicketDetailView, 'following' | 'followers' | 'reporterRoom'>;

function followerRating(row: TicketFollower): RatingView | null {
  if (row.attitude === null || row.timeliness === null || row.quality === null) return null;
  return { attitude: row.attitude, timeliness: row.timeliness, quality: row.quality, comment: row.comment, tags: [], reply: null };
}

/** The owners and technicians of `tickets`, once each: whose names a page of requests shows. */
export function staffIdsOf(tickets: Pick<Ticket, 'ownerId' | 'assigneeId'>[]): string[] {
  return [
    ...new Set(
      tickets
        .flatMap((t) => [t.ownerId, t.assigneeId])
        .filter((x): x is string => x !== null)
        .map(String),
    ),
  ];
}
