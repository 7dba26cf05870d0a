/**
 * Friendly names for the shapes on the wire. Nothing here is written by hand: every
 * shape comes from the server's OpenAPI document (server/openapi.json, generated from
 * its DTOs) through openapi-typescript into ./generated/openapi.ts. Change a DTO, run
 * `npm run openapi -w @yizhan/server`, and the admin pages and the mini-program see the
 * change at compile time; the server's openapi e2e suite fails while either is stale.
 *
 * Ids are strings (64-bit in the database); times are ISO-8601 UTC strings.
 */
import type { components, operations } from './generated/openapi';

export type { components, operations, paths } from './generated/openapi';

type Schemas = components['schemas'];

export type Id = string;
export type IsoTime = string;

/** Every error body: `{statusCode, code, message, fields?}`; clients branch on `code`. */
export type ApiError = Schemas['ApiError'];
/** Every stable error code the server answers with. */
export type ErrorCode = Schemas['ErrorCode'];

/** A page of a cursor-paged list: pass `nextCursor` back as `cursor` until it is null. */
export type Page<T> = Omit<Schemas['TicketPage'], 'items'> & { items: T[] };

// ---- Auth ----
export type WechatLoginRequest = Schemas['WechatLoginDto'];
export type WechatLoginResponse = Schemas['WechatLoginResult'];
export type ResidentRoom = Schemas['ResidentRoomView'];
export type StaffLoginRequest = Schemas['StaffLoginDto'];
export type StaffLoginResponse = Schemas['StaffLoginResult'];
export type StaffProfile = Schemas['StaffProfileView'];

// ---- Resident ----
export type Me = Schemas['MeView'];
export type CommunitySummary = Schemas['CommunitySummaryView'];
export type RoomOption = Schemas['RoomOptionView'];
export type BindRoomRequest = Schemas['BindRoomDto'];
export type BindRoomResponse = Schemas['BindRoomResult'];

// ---- Tickets ----
export type CreateTicketRequest = Schemas['CreateTicketDto'];
export type PersonRef = Schemas['PersonRefView'];
export type Photo = Schemas['PhotoView'];
export type Deadlines = Schemas['DeadlinesView'];
export type TicketClock = Schemas['TicketClockView'];
export type TicketEventView = Schemas['TicketEventView'];
export type Rating = Schemas['RatingView'];
export type TicketSummary = Schemas['TicketSummaryView'];
export type TicketDetail = Schemas['TicketDetailView'];
export type TicketListQuery = NonNullable<operations['Tickets_list']['parameters']['query']>;
export type RevealedPhone = Schemas['RevealedPhoneView'];
export type DispatchRequest = Schemas['DispatchDto'];
export type ResolveRequest = Schemas['ResolveDto'];
export type ReasonRequest = Schemas['ReasonDto'];
export type NoteRequest = Schemas['NoteDto'];
export type RevisitRequest = Schemas['RevisitDto'];
export type TransferRequest = Schemas['TransferDto'];
export type CommentRequest = Schemas['CommentDto'];
export type HoldRequest = Schemas['HoldDto'];
export type ResumeRequest = Schemas['ResumeDto'];
export type RatingRequest = Schemas['RatingDto'];
export type RatingReplyRequest = Schemas['RatingReplyDto'];
export type RescheduleRequest = Schemas['RescheduleDto'];
/** 确认并评价: confirm the result, with a rating or without. */
export type ConfirmRequest = Schemas['ConfirmDto'];
export type RebookRequest = Schemas['RebookDto'];
/** Where a request is: a room or a public area (building, unit's common area, zone, named spot). */
export type TicketLocation = Schemas['LocationView'];
export type LocationInput = Schemas['LocationInputDto'];
export type FollowerView = Schemas['FollowerView'];
export type MergeRequest = Schemas['MergeDto'];
/** 我也遇到: an open public request at the spot a resident is about to report. */
export type PublicRequest = Schemas['PublicRequestView'];
export type PublicRequestList = Schemas['PublicRequestList'];

// ---- Public locations ----
export type Place = Schemas['PlaceView'];
export type CreatePlaceRequest = Schemas['CreatePlaceDto'];
export type UpdatePlaceRequest = Schemas['UpdatePlaceDto'];
export type PlaceImportResult = Schemas['PlaceImportResult'];
export type LocationOptions = Schemas['LocationOptions'];

// Complaints (投诉处理)
export type Complaint = Schemas['ComplaintView'];
export type ComplaintInvestigation = Schemas['InvestigationView'];
export type ComplaintGradeRequest = Schemas['GradeDto'];
export type ComplaintJudgeRequest = Schemas['JudgeDto'];
export type ComplaintInvestigateRequest = Schemas['InvestigateDto'];
export type ComplaintFormalReplyRequest = Schemas['FormalReplyDto'];
export type ComplaintStats = Schemas['ComplaintStatsView'];
/** 确认并评价: confirm the result, with a rating or without. */

// ---- Paid services (docs/payments.md) ----
export type QuoteLineRequest = Schemas['QuoteLineDto'];
export type SendQuoteRequest = Schemas['SendQuoteDto'];
export type QuoteDecisionRequest = Schemas['QuoteDecisionDto'];
export type QuoteLine = Schemas['QuoteLineView'];
export type Quote = Schemas['QuoteView'];
export type Payment = Schemas['PaymentView'];
export type Refund = Schemas['RefundView'];
export type Settlement = Schemas['SettlementView'];
export type WechatPayOrder = Schemas['WechatPayOrderView'];
export type RequestPaymentParams = Schemas['RequestPaymentView'];
export type Receipt = Schemas['ReceiptView'];
export type OfflinePaymentRequest = Schemas['OfflinePaymentDto'];
export type WaiveRequest = Schemas['WaiveDto'];
export type RefundRequest = Schemas['RefundDto'];
export type PriceItem = Schemas['PriceItemView'];
export type PriceImportResult = Schemas['PriceImportResult'];
export type UnpaidItem = Schemas['UnpaidItemView'];
export type TradeBillCheck = Schemas['TradeBillCheckView'];

// ---- Files ----
export type UploadResponse = Schemas['UploadView'];

// ---- Notices ----
export type Notice = Schemas['NoticeView'];
export type StaffNotice = Schemas['StaffNoticeView'];
export type SubscriptionsRequest = Schemas['SubscriptionsDto'];

// ---- Catalogue ----
export type ServiceItem = Schemas['ServiceItemView'];
export type QueueCounts = Schemas['QueueCountsView'];
export type Slot = Schemas['SlotView'];

// ---- Admin ----
export type Community = Schemas['CommunityView'];
export type Zone = Schemas['ZoneView'];
export type Building = Schemas['BuildingView'];
export type Room = Schemas['RoomView'];
export type RoomImportResult = Schemas['RoomImportResult'];
export type StaffAccount = Schemas['StaffView'];
export type DutyShift = Schemas['DutyShiftView'];
export type SlaPolicy = Schemas['SlaPolicyView'];
export type RoomBinding = Schemas['RoomBindingView'];
export type AuditLogEntry = Schemas['AuditLogView'];
export type Stats = Schemas['StatsView'];
export type Health = Schemas['HealthView'];

// ---- Incidents, announcements, hotlines ----
export type Incident = Schemas['IncidentView'];
export type IncidentDetail = Schemas['IncidentDetailView'];
export type IncidentInput = Schemas['CreateIncidentDto'];
export type IncidentUpdate = Schemas['UpdateIncidentDto'];
export type ResidentIncident = Schemas['ResidentIncidentView'];
export type Announcement = Schemas['AnnouncementView'];
export type AnnouncementInput = Schemas['CreateAnnouncementDto'];
export type AnnouncementUpdate = Schemas['UpdateAnnouncementDto'];
export type ResidentAnnouncement = Schemas['ResidentAnnouncementView'];
export type ResidentAnnouncementList = Schemas['ResidentAnnouncementList'];
export type HotlineRow = Schemas['HotlineRowView'];
export type HotlineInput = Schemas['HotlineDto'];
