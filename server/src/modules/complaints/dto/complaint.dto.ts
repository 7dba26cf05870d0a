import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsNumberString, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_LEVELS, COMPLAINT_VALIDITIES, ComplaintLevel, ComplaintValidity, DEPARTMENTS } from '@yizhan/shared';

// ---- views ----

/** The formal reply (正式答复): what the resident is told at the end of a complaint. */
export class FormalReplyView {
  @ApiProperty({ description: '处理结果' }) result: string;
  @ApiProperty({ description: '整改措施' }) measures: string;
  @ApiProperty() repliedAt: string;
}

/** An investigation task (staff only). */
export class InvestigationView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, example: '工程部' }) department: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName: string | null;
  @ApiProperty() task: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ type: String, nullable: true }) result: string | null;
  @ApiProperty({ type: String, nullable: true }) reportedAt: string | null;
  @ApiProperty({ description: 'no result yet and its due time has passed' }) overdue: boolean;
}

/**
 * A complaint's own part of the ticket detail. A resident reads the name they gave and the
 * formal reply; the level, the finding and the investigation are staff-only (null / empty for them).
 */
export class ComplaintView {
  @ApiProperty({ enum: COMPLAINT_LEVELS, nullable: true, description: 'null for the resident' }) level: ComplaintLevel | null;
  @ApiProperty({ enum: COMPLAINT_VALIDITIES, nullable: true, description: 'the owner’s finding; null until judged, and always for the resident' })
  validity: ComplaintValidity | null;
  @ApiProperty({ type: String, nullable: true, description: 'the staff member it is about, as the resident named them' }) subjectName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'staff only: the matched staff member' }) subjectStaffId: string | null;
  @ApiProperty({ description: 'about a staff member or service attitude: handled by a supervisor' }) aboutStaff: boolean;
  @ApiProperty({ type: FormalReplyView, nullable: true }) formalReply: FormalReplyView | null;
  @ApiProperty({ type: [InvestigationView], description: 'staff only (empty for the resident)' }) investigations: InvestigationView[];
}

// ---- inputs ----

export class GradeDto {
  @ApiProperty({ enum: COMPLAINT_LEVELS }) @IsIn(COMPLAINT_LEVELS) level: ComplaintLevel;
  @ApiPropertyOptional({ description: 'why (staff only)' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class JudgeDto {
  @ApiProperty({ enum: COMPLAINT_VALIDITIES }) @IsIn(COMPLAINT_VALIDITIES) validity: ComplaintValidity;
  @ApiProperty({ description: 'the grounds, from the investigation (staff only)' }) @IsString() @IsNotEmpty() @MaxLength(500) note: string;
}

export class InvestigateDto {
  @ApiPropertyOptional({ enum: DEPARTMENTS, description: 'the department asked to investigate; give this, a staff member, or both' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: string;
  @ApiPropertyOptional({ description: 'the staff member asked to investigate (not the one the complaint is about)' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  @MaxLength(20)
  assigneeId?: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @IsNotEmpty() @MaxLength(500) task: string;
  @ApiProperty({ description: 'when the result is due' }) @IsISO8601({ strict: true }) dueAt: string;
}

export class InvestigationReportDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @IsNotEmpty() @MaxLength(1000) result: string;
}

export class FormalReplyDto {
  @ApiProperty({ maxLength: 1000, description: '处理结果, told to the resident' }) @IsString() @IsNotEmpty() @MaxLength(1000) result: string;
  @ApiProperty({ maxLength: 1000, description: '整改措施, told to the resident' }) @IsString() @IsNotEmpty() @MaxLength(1000) measures: string;
}

export class InvestigationParams {
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) id: string;
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) investigationId: string;
}
