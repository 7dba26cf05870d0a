import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { ServiceItem } from '../modules/catalogue/service-item.entity';
import { Building, Community, Room, Zone } from '../modules/communities/community.entities';
import { Hotline } from '../modules/contacts/hotline.entity';
import { DutyShift } from '../modules/duty/duty-shift.entity';
import { Notice, OutboxMessage, StaffNotice, SubscriptionCredit, WechatPushEvent } from '../modules/notices/notice.entities';
import { Upload } from '../modules/files/upload.entity';
import { Resident, RoomBinding } from '../modules/residents/resident.entity';
import { SlaPolicy } from '../modules/sla/sla-policy.entity';
import { AppointmentReminder } from '../modules/sla/appointment-reminder.entity';
import { Staff, StaffCommunity } from '../modules/staff/staff.entity';
import { Ticket, TicketEvent, TicketRating, TicketSequence } from '../modules/tickets/ticket.entity';

export const ENTITIES = [
  AppointmentReminder,
  AuditLog,
  Building,
  Community,
  DutyShift,
  Hotline,
  IdempotencyKey,
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
