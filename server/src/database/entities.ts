import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { RateLimitCounter } from '../common/rate-limit/rate-limit-counter.entity';
import { Announcement, AnnouncementRead } from '../modules/announcements/announcement.entities';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { StaffWechatBinding } from '../modules/auth/staff-wechat-binding.entity';
import { ComplaintInvestigation, TicketComplaint } from '../modules/complaints/complaint.entities';
import { ServiceItem } from '../modules/catalogue/service-item.entity';
import { Building, Community, Room, Zone } from '../modules/communities/community.entities';
import { Hotline } from '../modules/contacts/hotline.entity';
import { DutyShift } from '../modules/duty/duty-shift.entity';
import { Notice, OutboxMessage, StaffNotice, SubscriptionCredit, WechatPushEvent } from '../modules/notices/notice.entities';
import { Incident, IncidentTicket } from '../modules/incidents/incident.entities';
import { Upload } from '../modules/files/upload.entity';
import { Resident, RoomBinding } from '../modules/residents/resident.entity';
import { SlaPolicy } from '../modules/sla/sla-policy.entity';
import { AppointmentReminder } from '../modules/sla/appointment-reminder.entity';
import { Staff, StaffCommunity } from '../modules/staff/staff.entity';
import { Ticket, TicketEvent, TicketRating, TicketSequence } from '../modules/tickets/ticket.entity';
import { StaffWecom, WecomOutbox } from '../modules/wecom/wecom.entities';

export const ENTITIES = [
  AppointmentReminder,
  Announcement,
  AnnouncementRead,
  AuditLog,
  Building,
  Community,
  ComplaintInvestigation,
  DutyShift,
  Hotline,
  IdempotencyKey,
  Incident,
  IncidentTicket,
  Notice,
  OutboxMessage,
  RateLimitCounter,
  RefreshToken,
  Resident,
  Room,
  RoomBinding,
  ServiceItem,
  SlaPolicy,
  StaffNotice,
  SubscriptionCredit,
  Staff,
  StaffCommunity,
  StaffWechatBinding,
  StaffWecom,
  Ticket,
  TicketComplaint,
  TicketEvent,
  TicketRating,
  TicketSequence,
  WechatPushEvent,
  WecomOutbox,
  Upload,
  Zone,
];
