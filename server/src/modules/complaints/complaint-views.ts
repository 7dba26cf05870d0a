import { EntityManager, In } from 'typeorm';
import { ATTITUDE_CATEGORY } from '@yizhan/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Staff } from '../staff/staff.entity';
import { ComplaintInvestigation, TicketComplaint } from './complaint.entities';
import type { ComplaintView } from './dto/complaint.dto';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A complaint's part of the ticket detail (null for the other types). The resident reads
 * the name they gave and the formal reply; the level, the finding and the investigation
 * tasks are the staff's (DESIGN.md "Complaints"). A complaint filed before complaints had
 * their own row reads as a general one with nothing known yet.
 */
export async function complaintView(
  manager: EntityManager,
  ticket: { id: string; type: string; category: string },
  auth: AuthContext,
  now = new Date(),
): Promise<ComplaintView | null> {
  if (ticket.type !== 'complaint') return null;
  const forStaff = auth.kind === 'staff';
  const [row, tasks] = await Promise.all([
    manager.getRepository(TicketComplaint).findOne({ where: { ticketId: String(ticket.id) } }),
    forStaff ? manager.getRepository(ComplaintInvestigation).find({ where: { ticketId: String(ticket.id) }, order: { id: 'ASC' } }) : Promise.resolve([]),
  ]);
  const staffIds = [...new Set(tasks.flatMap((t) => (t.assigneeId === null ? [] : [String(t.assigneeId)])))];
  const names = new Map(
    staffIds.length
      ? (await manager.getRepository(Staff).find({ where: { id: In(staffIds) }, select: { id: true, name: true } })).map((s) => [String(s.id), s.name])
      : [],
  );
  const formalReply = row?.repliedAt ? { result: row.replyResult ?? '', measures: row.replyMeasures ?? '', repliedAt: row.repliedAt.toISOString() } : null;
  return {
    level: forStaff ? (row?.level ?? 'general') : null,
    validity: forStaff ? (row?.validity ?? null) : null,
    subjectName: row?.subjectName ?? null,
    subjectStaffId: forStaff && row?.subjectStaffId != null ? String(row.subjectStaffId) : null,
    aboutStaff: row?.aboutStaff ?? ticket.category === ATTITUDE_CATEGORY,
    formalReply,
    investigations: tasks.map((t) => ({
      id: String(t.id),
      department: t.department,
      assigneeId: t.assigneeId === null ? null : String(t.assigneeId),
      assigneeName: t.assigneeId === null ? null : (names.get(String(t.assigneeId)) ?? ''),
      task: t.task,
      dueAt: t.dueAt.toISOString(),
      result: t.result,
      reportedAt: iso(t.reportedAt),
      overdue: t.reportedAt === null && t.dueAt.getTime() < now.getTime(),
    })),
  };
}
