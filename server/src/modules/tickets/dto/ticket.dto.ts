import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsNumberString,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTOR_KINDS,
  ActorKind,
  CHANNELS,
  CLOCK_STATES,
  COMPLAINT_LEVELS,
  ComplaintLevel,
  EVENT_VISIBILITIES,
  EventVisibility,
  Channel,
  FOLLOW_VIAS,
  FollowVia,
  ClockState,
  PRIORITIES,
  Priority,
  RATING_TAGS,
  PREFERRED_VISITS,
  PreferredVisit,
  SLA_CLOCKS,
  SlaClock,
  TICKET_EVENT_TYPES,
  TICKET_STATUSES,
  TICKET_TYPES,
  TicketEventType,
  TicketStatus,
  TicketType,
} from '@yizhan/shared';
import { PageQuery } from '../../../common/pagination/page-query.dto';
import { LocationInputDto, LocationView } from '../../places/places.dto';
import { ComplaintView } from '../../complaints/dto/complaint.dto';

const PhotoIds = () => (target: object, key: string) => {
  ApiPropertyOptional({ type: [String], maxItems: 9 })(target, key);
  IsOptional()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(9)(target, key);
  ArrayUnique()(target, key);
  IsNumberString({ no_symbols: true }, { each: true })(target, key);
};

export class CreateTicketDto {
  @ApiProperty({ enum: TICKET_TYPES }) @IsIn(TICKET_TYPES) type: TicketType;
  @ApiPropertyOptional({ description: 'the room the request is about (as location {kind: room}); give this or `location`' })
  @ValidateIf((dto: CreateTicketDto) => dto.location === undefined)
  @IsNumberString({ no_symbols: true })
  @MaxLength(20)
  roomId?: string;
  @ApiPropertyOptional({
    type: LocationInputDto,
    description: 'where the problem is: a room or a public area (building, unit, zone, place); instead of `roomId`',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationInputDto)
  location?: LocationInputDto;
  @ApiProperty({ example: '水电' }) @IsString() @IsNotEmpty() @MaxLength(30) category: string;
  @ApiProperty({ maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) description: string;
  @PhotoIds() photoIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) contactPhone?: string;
  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  @ApiPropertyOptional({ description: 'home_service: the booked service' }) @IsOptional() @IsNumberString({ no_symbols: true }) serviceItemId?: string;
  @ApiPropertyOptional({ description: 'home_service: start of the booked slot' }) @IsOptional() @IsISO8601({ strict: true }) slotStart?: string;
  @ApiPropertyOptional({ enum: PREFERRED_VISITS, description: 'repair: when the resident would like the visit (期望上门时间)' })
  @IsOptional()
  @IsIn(PREFERRED_VISITS)
  preferredVisit?: PreferredVisit;
  @ApiPropertyOptional({ enum: CHANNELS, description: 'staff only' }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ description: 'staff only' }) @IsOptional() @IsString() @MaxLength(30) residentName?: string;
  @ApiPropertyOptional({ description: 'staff only' }) @IsOptional() @IsString() @MaxLength(20) residentPhone?: string;
  @ApiPropertyOptional({ enum: COMPLAINT_LEVELS, description: 'complaint, staff only: 一般 (default) or 重大' })
  @IsOptional()
  @IsIn(COMPLAINT_LEVELS)
  complaintLevel?: ComplaintLevel;
  @ApiPropertyOptional({ description: 'complaint: the staff member it is about, by name or 工号 (the resident’s words)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  subjectName?: string;
  @ApiPropertyOptional({ description: 'complaint, staff only: the staff member it is about' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  @MaxLength(20)
  subjectStaffId?: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class TicketListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatus;
  @ApiPropertyOptional({ enum: ['open', 'done'], description: 'open: still being handled; done: resolved, closed, revisited or cancelled' })
  @IsOptional()
  @IsIn(['open', 'done'])
  stage?: 'open' | 'done';
  @ApiPropertyOptional({ enum: TICKET_TYPES }) @IsOptional() @IsIn(TICKET_TYPES) type?: TicketType;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) communityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) zoneId?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) ownerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) assigneeId?: string;
  @ApiPropertyOptional({ enum: ['owner', 'assignee'] }) @IsOptional() @IsIn(['owner', 'assignee']) mine?: 'owner' | 'assignee';
  @ApiPropertyOptional({ description: 'true: only the pool (no owner yet)' }) @IsOptional() @Transform(toBool) @IsBoolean() unowned?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: 'true: open, not on hold, a deadline within the warning lead time (SLA_WARN_LEAD_SEC) and not yet passed' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  atRisk?: boolean;
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  @ApiPropertyOptional({ description: 'created at or after' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'created before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'ticket number or words of the description' }) @IsOptional() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ enum: ['newest', 'oldest', 'deadline'], default: 'newest' }) @IsOptional() @IsIn(['newest', 'oldest', 'deadline']) sort?:
    'newest' | 'oldest' | 'deadline';
}

/** GET /tickets/counts: the list's filters, without the status (each status is counted) and without paging. */
export class TicketCountsQuery extends OmitType(TicketListQuery, ['cursor', 'limit', 'sort', 'status'] as const) {}
export class QueueStatusCountsView {
  @ApiProperty() submitted: number;
  @ApiProperty() accepted: number;
  @ApiProperty() dispatched: number;
  @ApiProperty() in_progress: number;
  @ApiProperty() resolved: number;
  @ApiProperty() closed: number;
  @ApiProperty() revisited: number;
  @ApiProperty() cancelled: number;
}
export class QueueCountsView {
  @ApiProperty({ type: QueueStatusCountsView, description: 'how many of the filtered requests are in each status now' }) byStatus: QueueStatusCountsView;
  @ApiProperty() total: number;
}

export class NoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}
export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}
export class ResumeDto {
  @ApiPropertyOptional({ description: 'optional: resuming needs no reason (holding does)' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
export class DispatchDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) assigneeId: string;
  @ApiPropertyOptional({ description: 'visit time agreed with the resident' }) @IsOptional() @IsISO8601({ strict: true }) appointmentAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}
export class RescheduleDto {
  @ApiProperty({ description: 'the new visit time agreed with the resident' }) @IsISO8601({ strict: true }) appointmentAt: string;
  @ApiProperty({ description: 'why the visit moves (the resident reads it)' }) @IsString() @IsNotEmpty() @MaxLength(200) reason: string;
}
export class ResolveDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) note: string;
  @PhotoIds() photoIds?: string[];
  @ApiPropertyOptional({ description: 'fee charged, yuan' }) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(99999999) fee?: number;
}
export class RevisitDto {
  @ApiProperty() @IsBoolean() satisfied: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}
export class TransferDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) toStaffId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}
export class CommentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) note: string;
  @PhotoIds() photoIds?: string[];
  @ApiPropertyOptional({
    enum: EVENT_VISIBILITIES,
    description: 'staff: `public` is a reply the resident reads (公开回复), `internal` (the default) a staff-only note (内部备注); residents: always public',
  })
  @IsOptional()
  @IsIn(EVENT_VISIBILITIES)
  visibility?: EventVisibility;
}
export class HoldDto {
  @ApiProperty({ description: 'why, for the staff (internal)' }) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
  @ApiPropertyOptional({ description: 'what the resident is told, e.g. 等待配件到货; a kind default otherwise' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  publicReason?: string;
}
export class RatingReplyDto {
  @ApiProperty({ description: 'the owner’s or a supervisor’s answer to the resident’s rating' }) @IsString() @IsNotEmpty() @MaxLength(500) reply: string;
}
export class RatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) attitude: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) timeliness: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) quality: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) comment?: string;
  @ApiPropertyOptional({ enum: RATING_TAGS, isArray: true, description: 'quick tags (准时、态度好 …)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RATING_TAGS.length)
  @ArrayUnique()
  @IsIn(RATING_TAGS, { each: true, message: `tags must be among ${RATING_TAGS.join('、')}` })
  tags?: string[];
}
/** The resident moves their booking to another slot (改约 of a booked service). */
export class RebookDto {
  @ApiProperty({ description: 'start of the new slot (GET /service-items/:id/slots)' }) @IsISO8601({ strict: true }) slotStart: string;
}
export class ConfirmDto {
  @ApiPropertyOptional({ type: RatingDto, description: '确认并评价: the rating given with the confirmation (optional)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingDto)
  rating?: RatingDto;
}

// ---- views ----
export class PersonRefView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}
export class PhotoView {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty() thumbUrl: string;
}
export class DeadlinesView {
  @ApiProperty({ type: String, nullable: true }) respondBy: string | null;
  @ApiProperty({ type: String, nullable: true }) onsiteBy: string | null;
  @ApiProperty({ type: String, nullable: true }) resolveBy: string | null;
  @ApiProperty({ type: String, nullable: true }) confirmBy: string | null;
  @ApiProperty({ type: String, nullable: true }) revisitBy: string | null;
}
export class RoomRefView {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty() communityId: string;
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
}
export class EventActorView {
  @ApiProperty({ enum: ACTOR_KINDS }) kind: ActorKind;
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty() name: string;
}
export class TicketEventView {
  @ApiProperty({ enum: TICKET_EVENT_TYPES }) type: TicketEventType;
  @ApiProperty() at: string;
  @ApiProperty({ type: EventActorView }) actor: EventActorView;
  @ApiProperty({ type: String, nullable: true, description: 'to staff: the staff-facing text; to the resident: the resident-facing text' })
  note: string | null;
  @ApiPropertyOptional({ enum: EVENT_VISIBILITIES, description: 'staff views only: internal entries are never shown to the resident' })
  visibility?: EventVisibility;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'staff views only: what the resident reads of this entry' })
  publicNote?: string | null;
  @ApiProperty({ type: [PhotoView] }) photos: PhotoView[];
}
export class RatingView {
  @ApiProperty() attitude: number;
  @ApiProperty() timeliness: number;
  @ApiProperty() quality: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: [String], description: 'quick tags' }) tags: string[];
  @ApiProperty({ type: String, nullable: true, description: 'staff reply' }) reply: string | null;
}
export class ServiceItemRefView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() price: number;
}
export class TicketClockView {
  @ApiProperty({ enum: SLA_CLOCKS }) name: SlaClock;
  @ApiProperty({ description: 'its deadline' }) dueAt: string;
  @ApiProperty({ description: 'when it turns to warning: dueAt less SLA_WARN_LEAD_SEC (a screen moves the state on with the time)' }) warnAt: string;
  @ApiProperty({
    enum: CLOCK_STATES,
    description:
      'ok: inside its limit; warning: within SLA_WARN_LEAD_SEC of the deadline; breached: past it (or a breach was recorded); paused: the ticket is on hold',
  })
  state: ClockState;
}
export class TicketSummaryView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'BX20261123-0007' }) no: string;
  @ApiProperty({ enum: TICKET_TYPES }) type: TicketType;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty() category: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PRIORITIES }) priority: Priority;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty({ type: RoomRefView, nullable: true, description: 'the room, when the request is about one (location.kind room); null for a public area' })
  room: RoomRefView | null;
  @ApiProperty({ type: LocationView, description: 'where the problem is: a room or a public area' }) location: LocationView;
  @ApiProperty({ description: 'residents following it (我也遇到, merged duplicates), besides the one who filed it' }) followerCount: number;
  @ApiProperty({ type: PersonRefView, nullable: true }) owner: PersonRefView | null;
  @ApiProperty({ type: PersonRefView, nullable: true }) assignee: PersonRefView | null;
  @ApiProperty({ type: DeadlinesView }) deadlines: DeadlinesView;
  @ApiProperty({ enum: SLA_CLOCKS, isArray: true }) overdue: SlaClock[];
  @ApiProperty() onHold: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the visit time agreed with the resident (dispatch or reschedule)' }) appointmentAt: string | null;
  @ApiProperty({ type: TicketClockView, nullable: true, description: 'the time limit of the current step and how it stands; null when no clock runs' })
  clock: TicketClockView | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
export class FollowerView {
  @ApiProperty({ enum: FOLLOW_VIAS }) via: FollowVia;
  @ApiProperty() joinedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'merge: the number of the resident’s own request folded in' }) fromTicketNo: string | null;
  @ApiProperty({ type: RatingView, nullable: true }) rating: RatingView | null;
}
export class TicketRefView {
  @ApiProperty() id: string;
  @ApiProperty() no: string;
}
export class TicketDetailView extends TicketSummaryView {
  @ApiProperty({ type: String, nullable: true, example: '138****1234' }) contactPhoneMasked: string | null;
  @ApiProperty({ type: [PhotoView] }) photos: PhotoView[];
  @ApiProperty({ type: [TicketEventView] }) events: TicketEventView[];
  @ApiProperty({ type: RatingView, nullable: true }) rating: RatingView | null;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ type: ServiceItemRefView, nullable: true }) serviceItem: ServiceItemRefView | null;
  @ApiProperty({ type: String, nullable: true }) slotStart: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'end of the booked window (slotStart + the service’s duration)' }) slotEnd: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'until when the resident may reschedule or cancel the booking' }) changeableUntil?: string | null;
  @ApiProperty({ type: Number, nullable: true }) fee: number | null;
  @ApiProperty({ description: 'paid services: a quote waits for the resident (GET /tickets/{id}/settlement for the lines)' }) quotePending: boolean;
  @ApiProperty({ description: 'paid services: fen still to pay (0: nothing, paid or waived)' }) dueFen: number;
  @ApiProperty({ type: String, nullable: true }) residentId: string | null;
  @ApiProperty({ description: 'needs a human look (content check said review or could not run)' }) flagged: boolean;
  @ApiProperty({ enum: SLA_CLOCKS, isArray: true, description: 'the clocks started and not yet stopped (paused while on hold); the others were met or missed' })
  runningClocks: SlaClock[];
  @ApiProperty({ description: 'residents: true when the caller follows this request (我也遇到) rather than filed it; `rating` is then their own' })
  following: boolean;
  @ApiProperty({ type: [FollowerView], description: 'staff views only (empty for residents): who follows it, and how' }) followers: FollowerView[];
  @ApiProperty({ type: RoomRefView, nullable: true, description: 'staff views only: for a public area, the room of the resident who filed it (who they are)' })
  reporterRoom: Pick<RoomRefView, 'id' | 'label'> | null;
  @ApiProperty({ type: TicketRefView, nullable: true, description: 'a duplicate merged into another request: that request' }) mergedInto: TicketRefView | null;
  @ApiProperty({ type: ComplaintView, nullable: true, description: 'complaints only (投诉处理); null for the other types' }) complaint: ComplaintView | null;
}
export class TicketPage {
  @ApiProperty({ type: [TicketSummaryView] }) items: TicketSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class RevealedPhoneView {
  @ApiProperty() phone: string;
}

/** 合并: fold this request into another open one about the same problem. */
export class MergeDto {
  @ApiProperty({ description: 'the request kept (same community, still open)' }) @IsNumberString({ no_symbols: true }) @MaxLength(20) intoTicketId: string;
  @ApiPropertyOptional({ description: 'for the staff (internal)' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}
/** The open public requests at one spot (我也遇到), for a resident about to file one. */
export class SameSpotQuery extends LocationInputDto {}
export class PublicRequestView {
  @ApiProperty() id: string;
  @ApiProperty() no: string;
  @ApiProperty({ enum: TICKET_TYPES }) type: TicketType;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty() category: string;
  @ApiProperty() description: string;
  @ApiProperty() locationLabel: string;
  @ApiProperty() followerCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'the caller filed it' }) mine: boolean;
  @ApiProperty({ description: 'the caller already follows it' }) following: boolean;
}
export class PublicRequestList {
  @ApiProperty({ type: [PublicRequestView] }) items: PublicRequestView[];
}
