import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { Announcement, AnnouncementRead } from '../modules/announcements/announcement.entities';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { ServiceItem } from '../modules/catalogue/service-item.entity';
import { Building, Community, Room, Zone } from '../modules/communities/community.entities';
import { DutyShift } from '../modules/duty/duty-shift.entity';
import { Notice, OutboxMessage, StaffNotice, SubscriptionCredit, WechatPushEvent } from '../modules/notices/notice.entities';
import { Incident, IncidentTicket } from '../modules/incidents/incident.entities';
import { Upload } from '../modules/files/upload.entity';
import { Resident, RoomBinding } from '../modules/residents/resident.entity';
import { SlaPolicy } from '../modules/sla/sla-policy.entity';
import { Staff, StaffCommunity } from '../modules/staff/staff.entity';
import { Ticket, TicketEvent, TicketRating, TicketSequence } from '../modules/tickets/ticket.entity';

export const ENTITIES = [
  Announcement,
  AnnouncementRead,
  AuditLog,
  Building,
  Community,
  DutyShift,
  IdempotencyKey,
  Incident,
  IncidentTicket,
  Notice,
  OutboxMessage,
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
  Ticket,
  TicketEvent,
  TicketRating,
  TicketSequence,
  WechatPushEvent,
  Upload,
  Zone,
];
