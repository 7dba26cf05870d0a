import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../../database/columns';

/**
 * The once-only marker of the evening-before reminder: one row per request and visit
 * time. Whichever instance inserts it first sends the reminder; a changed visit time
 * is a new key, so the new time is reminded of too.
 */
@Entity('appointment_reminders')
export class AppointmentReminder {
  @PrimaryColumn({ type: 'bigint', unsigned: true }) ticketId: string;
  /** The visit's start (the appointment, or the booked slot). */
  @PrimaryColumn({ type: 'datetime', precision: 3 }) visitAt: Date;
  @CreatedAtColumn() createdAt: Date;
}
