import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fromLocalDateTime, localDateTime } from '@yizhan/shared';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { PeriodicTask } from '../../common/periodic-task';
import { isDuplicateKey } from '../../database/sql';
import { NoticesService } from '../notices/notices.service';
import { Ticket } from '../tickets/ticket.entity';
import { AppointmentReminder } from './appointment-reminder.entity';

/** From this hour (Asia/Shanghai) the residents with a visit tomorrow are reminded. */
export const REMINDER_FROM_HOUR = 18;
const BATCH = 200;

/**
 * The evening-before reminder of a visit (issue #16.3): from 18:00 Asia/Shanghai, every
 * request with a technician's appointment or a booked service slot tomorrow gets one
 * `reminder` notice. Runs on every instance on the SLA scanner's interval; the marker row
 * (appointment_reminders, primary key = request + visit time) is written in the notice's
 * transaction, so of several instances exactly one reminds, once.
 */
@Injectable()
export class AppointmentReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AppointmentReminders');
  private readonly task = new PeriodicTask('appointment reminders', this.logger, async () => (await this.remind()) >= BATCH);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: NoticesService,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.sla.scanMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; returns how many reminders it wrote. Public for tests and tools. */
  async remind(now = new Date()): Promise<number> {
    const local = localDateTime(now);
    if (local.hour < REMINDER_FROM_HOUR) return 0;
    const tomorrow = fromLocalDateTime({ year: local.year, month: local.month, day: local.day + 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
    const dayAfter = fromLocalDateTime({ year: local.year, month: local.month, day: local.day + 2, hour: 0, minute: 0, second: 0, millisecond: 0 });
    // Visits tomorrow of requests still waiting for them, not yet reminded of (both ranges are indexed).
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT t.id FROM tickets t
        WHERE t.resident_id IS NOT NULL AND t.status IN ('submitted', 'accepted', 'dispatched')
          AND ((t.appointment_at >= ? AND t.appointment_at < ?) OR (t.appointment_at IS NULL AND t.slot_start >= ? AND t.slot_start < ?))
          AND NOT EXISTS (SELECT 1 FROM appointment_reminders a WHERE a.ticket_id = t.id AND a.visit_at = COALESCE(t.appointment_at, t.slot_start))
        ORDER BY t.id LIMIT ${BATCH}`,
      [tomorrow, dayAfter, tomorrow, dayAfter],
    );
    let sent = 0;
    for (const row of due) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const ticket = await manager.getRepository(Ticket).findOne({ where: { id: String(row.id) } });
          const visit = ticket?.appointmentAt ?? ticket?.slotStart ?? null;
          if (!ticket || !visit || visit < tomorrow || visit >= dayAfter) return;
          await manager.getRepository(AppointmentReminder).insert({ ticketId: ticket.id, visitAt: visit, createdAt: now });
          await this.notices.noticeResident(manager, 'reminder', { ticket, event: 'dispatched', actor: null, at: now });
          sent++;
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // another instance reminded first
      }
    }
    return sent;
  }
}
