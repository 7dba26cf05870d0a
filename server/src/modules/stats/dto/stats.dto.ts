import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsISO8601, IsNumberString, IsOptional, MaxLength } from 'class-validator';
import { TicketListQuery } from '../../tickets/dto/ticket.dto';

// ---- queries ----

export class StatsQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) communityId: string;
  @ApiPropertyOptional({ description: 'start of the window (inclusive), ISO-8601 instant; default: `to` − 30 days' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'end of the window (exclusive), ISO-8601 instant; default: now. At most 366 days after `from`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** The filters of GET /tickets, without paging: the export is the whole filtered list (capped). */
export class TicketExportQuery extends OmitType(TicketListQuery, ['limit', 'cursor'] as const) {}

// ---- views ----

export class TypeCountsView {
  @ApiProperty() repair: number;
  @ApiProperty() complaint: number;
  @ApiProperty() home_service: number;
  @ApiProperty() enquiry: number;
}
export class StatusCountsView {
  @ApiProperty() submitted: number;
  @ApiProperty() accepted: number;
  @ApiProperty() dispatched: number;
  @ApiProperty() in_progress: number;
  @ApiProperty() resolved: number;
  @ApiProperty() closed: number;
  @ApiProperty() revisited: number;
  @ApiProperty() cancelled: number;
}
export class TicketCountsView {
  @ApiProperty({ type: TypeCountsView }) byType: TypeCountsView;
  @ApiProperty({ type: StatusCountsView, description: 'current status of the tickets created in the window' }) byStatus: StatusCountsView;
  @ApiProperty() total: number;
}
export class DurationStatsView {
  @ApiProperty({ description: 'how many tickets the figures are taken over' }) count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'nearest-rank median (value at rank ⌈0.5·n⌉ of the ascending list), seconds; null when count = 0' })
  medianSec: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'nearest-rank 90th percentile (rank ⌈0.9·n⌉), seconds; null when count = 0' })
  p90Sec: number | null;
}
export class OnTimeRatesView {
  @ApiProperty({ type: Number, nullable: true }) respond: number | null;
  @ApiProperty({ type: Number, nullable: true }) onsite: number | null;
  @ApiProperty({ type: Number, nullable: true }) resolve: number | null;
  @ApiProperty({ type: Number, nullable: true }) confirm: number | null;
  @ApiProperty({ type: Number, nullable: true }) revisit: number | null;
}
export class OwnerStatsView {
  @ApiProperty() staffId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'tickets created in the window that this staff member owns (首接人) now' }) owned: number;
  @ApiProperty({ description: 'of those, still open (submitted, accepted, dispatched, in progress)' }) open: number;
  @ApiProperty({ type: Number, nullable: true, description: 'on-time rate of the resolve clock' }) onTimeRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) satisfactionRate: number | null;
  @ApiProperty() ratedCount: number;
}
export class TrendDayView {
  @ApiProperty({ example: '2026-11-23', description: 'Asia/Shanghai calendar day' }) date: string;
  @ApiProperty({ description: 'tickets created that day' }) created: number;
  @ApiProperty({ description: 'tickets whose (latest) resolution falls on that day' }) resolved: number;
  @ApiProperty({ type: Number, nullable: true, description: 'share of the ratings given that day with all three scores ≥ 4' }) satisfactionRate: number | null;
}
/** The complaints of one category (or all of them) created in the window. */
export class ComplaintTallyView {
  @ApiProperty() count: number;
  @ApiProperty({ description: '重大 (major) complaints' }) major: number;
  @ApiProperty({ description: 'judged 有效 by the owner' }) valid: number;
  @ApiProperty({ description: 'judged 无效 by the owner' }) invalid: number;
  @ApiProperty({ description: 'not judged yet' }) unjudged: number;
  @ApiProperty({ description: 'given their formal reply (正式答复)' }) replied: number;
  @ApiProperty({ type: Number, nullable: true, description: 'on-time rate of the resolve clock' }) onTimeRate: number | null;
}
export class ComplaintCategoryStatsView extends ComplaintTallyView {
  @ApiProperty({ example: '服务态度' }) category: string;
}
export class ComplaintStatsView extends ComplaintTallyView {
  @ApiProperty({ type: [ComplaintCategoryStatsView], description: 'most complaints first, then by category' }) byCategory: ComplaintCategoryStatsView[];
}
export class StatsView {
  @ApiProperty() communityId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: TicketCountsView }) counts: TicketCountsView;
  @ApiProperty({ type: DurationStatsView, description: 'respondedAt − createdAt over the responded tickets' }) firstResponse: DurationStatsView;
  @ApiProperty({ type: DurationStatsView, description: 'resolvedAt − createdAt over the resolved tickets' }) resolution: DurationStatsView;
  @ApiProperty({ type: OnTimeRatesView, description: 'per time limit: met on time / (met on time + breached)' }) onTimeRate: OnTimeRatesView;
  @ApiProperty({ type: Number, nullable: true, description: 'ratings with attitude, timeliness and quality all ≥ 4 / ratings' }) satisfactionRate:
    number | null;
  @ApiProperty() ratedCount: number;
  @ApiProperty({ type: Number, nullable: true, description: 'revisited / (closed + revisited)' }) revisitRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'reopened at least once / resolved at least once' }) reopenRate: number | null;
  @ApiProperty({ type: [OwnerStatsView] }) owners: OwnerStatsView[];
  @ApiProperty({ type: [TrendDayView] }) trend: TrendDayView[];
  @ApiProperty({ type: ComplaintStatsView, description: 'complaints created in the window (投诉统计), per category' }) complaints: ComplaintStatsView;
}
