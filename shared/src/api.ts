/**
 * Shapes on the wire (API.md). Ids are strings (64-bit in the database), times are
 * ISO-8601 UTC strings. The server's OpenAPI document is generated from its DTOs and
 * a test checks it agrees with these.
 */
import type {
  ActorKind,
  EventVisibility,
  Channel,
  NoticeKind,
  Priority,
  RoomBindingStatus,
  SlaClock,
  StaffRole,
  SubscribeResult,
  TicketEventType,
  TicketStatus,
  TicketType,
} from './enums';

export type Id = string;
export type IsoTime = string;

export interface ApiError {
  statusCode: number;
  /** Stable UPPER_SNAKE identifier; clients branch on this, never on `message`. */
  code: string;
  /** Readable Chinese for the front ends. */
  message: string;
  /** For VALIDATION_FAILED: the offending fields and what is wrong with each. */
  fields?: Record<string, string[]>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- Auth ----
export interface WechatLoginRequest {
  code: string;
}
export interface ResidentRoom {
  roomId: Id;
  communityId: Id;
  label: string;
  status: RoomBindingStatus;
}
export interface WechatLoginResponse {
  token: string;
  expiresIn: number;
  resident: { id: Id; phoneBound: boolean; rooms: ResidentRoom[] };
}
export interface StaffLoginRequest {
  username: string;
  password: string;
}
export interface StaffProfile {
  id: Id;
  name: string;
  roles: StaffRole[];
  communityIds: Id[];
}
export interface StaffLoginResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  staff: StaffProfile;
}

// ---- Resident ----
export interface Me {
  id: Id;
  phoneMasked: string | null;
  rooms: ResidentRoom[];
}
export interface CommunitySummary {
  id: Id;
  name: string;
}
export interface RoomOption {
  id: Id;
  label: string;
}
export interface BindRoomRequest {
  roomId: Id;
  name: string;
  phone: string;
}
export interface BindRoomResponse {
  roomId: Id;
  status: RoomBindingStatus;
}

// ---- Tickets ----
export interface CreateTicketRequest {
  type: TicketType;
  roomId: Id;
  category: string;
  description: string;
  photoIds?: Id[];
  contactPhone?: string;
  priority?: Priority;
  serviceItemId?: Id;
  slotStart?: IsoTime;
  /** Staff only. */
  channel?: Channel;
  residentName?: string;
  residentPhone?: string;
}

export interface PersonRef {
  id: Id;
  name: string;
}
export interface Photo {
  id: Id;
  url: string;
  thumbUrl: string;
}
export interface Deadlines {
  respondBy: IsoTime | null;
  onsiteBy: IsoTime | null;
  resolveBy: IsoTime | null;
  confirmBy: IsoTime | null;
  revisitBy: IsoTime | null;
}
export interface TicketEventView {
  type: TicketEventType;
  at: IsoTime;
  actor: { kind: ActorKind; id: Id | null; name: string };
  /** To staff: the staff-facing text. To the resident: the resident-facing text (publicNote). */
  note: string | null;
  /** Staff views only: who may read the entry, and what the resident is shown of it. */
  visibility?: EventVisibility;
  publicNote?: string | null;
  photos: Photo[];
}
export interface Rating {
  attitude: number;
  timeliness: number;
  quality: number;
  comment: string | null;
}
export interface TicketSummary {
  id: Id;
  no: string;
  type: TicketType;
  status: TicketStatus;
  category: string;
  description: string;
  priority: Priority;
  channel: Channel;
  room: { id: Id; label: string; communityId: Id; zoneId: Id | null };
  owner: PersonRef | null;
  assignee: PersonRef | null;
  deadlines: Deadlines;
  overdue: SlaClock[];
  onHold: boolean;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}
export interface TicketDetail extends TicketSummary {
  contactPhoneMasked: string | null;
  photos: Photo[];
  events: TicketEventView[];
  rating: Rating | null;
  reopenCount: number;
  appointmentAt: IsoTime | null;
  serviceItem: { id: Id; name: string; price: number } | null;
  slotStart: IsoTime | null;
  fee: number | null;
  residentId: Id | null;
}

export interface TicketListQuery {
  status?: TicketStatus;
  type?: TicketType;
  communityId?: Id;
  ownerId?: Id;
  assigneeId?: Id;
  mine?: 'owner' | 'assignee';
  overdue?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface DispatchRequest {
  assigneeId: Id;
  appointmentAt?: IsoTime;
  note?: string;
}
export interface ResolveRequest {
  note: string;
  photoIds?: Id[];
  fee?: number;
}
export interface ReasonRequest {
  reason: string;
}
export interface NoteRequest {
  note?: string;
}
export interface RevisitRequest {
  satisfied: boolean;
  note?: string;
}
export interface TransferRequest {
  toStaffId: Id;
  reason: string;
}
export interface CommentRequest {
  note: string;
  photoIds?: Id[];
  /** Staff: `public` is a reply the resident reads; `internal` (the default) stays with staff. */
  visibility?: EventVisibility;
}
export interface HoldRequest {
  /** Why, for the staff. */
  reason: string;
  /** What the resident is told (等待配件到货 …); a kind default otherwise. */
  publicReason?: string;
}
export interface RatingRequest {
  attitude: number;
  timeliness: number;
  quality: number;
  comment?: string;
}

// ---- Files ----
export interface UploadResponse {
  id: Id;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  size: number;
}

// ---- Notices ----
export interface Notice {
  id: Id;
  ticketId: Id | null;
  kind: NoticeKind;
  title: string;
  body: string;
  createdAt: IsoTime;
  readAt: IsoTime | null;
}
export interface SubscriptionsRequest {
  results: Record<string, SubscribeResult>;
}

// ---- Admin ----
export interface Community {
  id: Id;
  name: string;
  address: string | null;
}
export interface Zone {
  id: Id;
  communityId: Id;
  name: string;
}
export interface Building {
  id: Id;
  communityId: Id;
  zoneId: Id | null;
  name: string;
}
export interface Room {
  id: Id;
  communityId: Id;
  buildingId: Id;
  zoneId: Id | null;
  unit: string;
  number: string;
  label: string;
  ownerName: string | null;
  ownerPhoneMasked: string | null;
}
export interface StaffAccount {
  id: Id;
  username: string;
  name: string;
  phoneMasked: string | null;
  roles: StaffRole[];
  communityIds: Id[];
  skills: string[];
  active: boolean;
}
export interface DutyShift {
  id: Id;
  communityId: Id;
  zoneId: Id | null;
  staffId: Id;
  startAt: IsoTime;
  endAt: IsoTime;
}
export interface SlaPolicy {
  id: Id;
  communityId: Id;
  type: TicketType;
  priority: Priority;
  respondWithinSec: number;
  onsiteWithinSec: number | null;
  resolveWithinSec: number;
  /** The resolve limit in China's working days instead of resolveWithinSec; left out on save: kept as it is. */
  resolveWorkingDays?: number | null;
  confirmWithinSec: number;
  revisitWithinSec: number;
}
export interface ServiceItem {
  id: Id;
  communityId: Id;
  name: string;
  price: number;
  durationMin: number;
  slotCapacity: number;
  active: boolean;
}
export interface RoomBinding {
  id: Id;
  residentId: Id;
  roomId: Id;
  roomLabel: string;
  communityId: Id;
  name: string;
  phoneMasked: string;
  status: RoomBindingStatus;
  createdAt: IsoTime;
}
export interface AuditLogEntry {
  id: Id;
  at: IsoTime;
  actor: { kind: ActorKind; id: Id | null; name: string };
  action: string;
  targetType: string;
  targetId: Id | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}
export interface Health {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}
