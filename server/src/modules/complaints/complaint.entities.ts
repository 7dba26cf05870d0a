import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { COMPLAINT_LEVELS, COMPLAINT_VALIDITIES, ComplaintLevel, ComplaintValidity } from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/**
 * What a complaint (投诉, a ticket of type `complaint`) has beyond a request: its level, the
 * person it is about, the owner's finding, and the formal reply to the resident. One row
 * per complaint, written with the ticket; its community and creation time are copied (they
 * never change) so the dashboard's complaint statistics are one index range.
 */
@Entity('ticket_complaints')
@Index(['communityId', 'createdAt']) // stats: a community's complaints created in a window
export class TicketComplaint {
  @PrimaryColumn({ type: 'bigint', unsigned: true }) ticketId: string;
  @RefColumn() communityId: string;
  /** 一般 / 重大: set at intake or by the owner (or a supervisor); 重大 has its own time limits. */
  @Column({ type: 'simple-enum', enum: COMPLAINT_LEVELS, default: 'general' }) level: ComplaintLevel;
  /** The staff member the complaint is about, when the name matched one of the community (or staff picked them). */
  @RefColumn({ nullable: true }) subjectStaffId: string | null;
  /** The name (or 工号) as the resident wrote it. */
  @Column({ type: 'varchar', length: 50, nullable: true }) subjectName: string | null;
  /**
   * About a person (a named staff member, or the category 服务态度): it goes to a supervisor,
   * and the person concerned can never own or investigate it.
   */
  @Column({ type: 'boolean', default: false }) aboutStaff: boolean;
  /** 有效 / 无效, the owner's finding after investigation; null until then. */
  @Column({ type: 'simple-enum', enum: COMPLAINT_VALIDITIES, nullable: true }) validity: ComplaintValidity | null;
  @TimeColumn({ nullable: true }) judgedAt: Date | null;
  /** The formal reply to the resident (正式答复): the result and the corrective measures (整改措施). */
  @Column({ type: 'varchar', length: 1000, nullable: true }) replyResult: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) replyMeasures: string | null;
  @TimeColumn({ nullable: true }) repliedAt: Date | null;
  @RefColumn({ nullable: true }) repliedById: string | null;
  @CreatedAtColumn() createdAt: Date;
}

/**
 * An investigation task (调查任务) the complaint's owner gives to another department or a
 * staff member, with its own due time and result. Staff only: the resident hears the
 * outcome in the formal reply. The owner stays the owner.
 */
@Entity('complaint_investigations')
@Index(['ticketId', 'id'])
@Index(['assigneeId', 'reportedAt'])
export class ComplaintInvestigation {
  @IdColumn() id: string;
  @RefColumn() ticketId: string;
  /** 工程部, 秩序部 … (DEPARTMENTS), or null when a person is named. */
  @Column({ type: 'varchar', length: 20, nullable: true }) department: string | null;
  /** The staff member who investigates (they can then see the complaint and report the result). */
  @RefColumn({ nullable: true }) assigneeId: string | null;
  @Column({ type: 'varchar', length: 500 }) task: string;
  @TimeColumn() dueAt: Date;
  @Column({ type: 'varchar', length: 1000, nullable: true }) result: string | null;
  @TimeColumn({ nullable: true }) reportedAt: Date | null;
  @RefColumn({ nullable: true }) reportedById: string | null;
  @RefColumn() createdById: string;
  @CreatedAtColumn() createdAt: Date;
}
