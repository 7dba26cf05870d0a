import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumberString, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { COMPLAINT_LEVELS, ComplaintLevel, PRIORITIES, Priority, TICKET_TYPES, TicketType } from '@yizhan/shared';

const YEAR = 366 * 24 * 3600;

export class SlaPolicyView {
  @ApiProperty({ type: String, nullable: true, description: 'null: the built-in default applies' }) id: string | null;
  @ApiProperty() communityId: string;
  @ApiProperty({ enum: TICKET_TYPES }) type: TicketType;
  @ApiProperty({ enum: PRIORITIES }) priority: Priority;
  @ApiProperty({ enum: COMPLAINT_LEVELS, description: 'a complaint’s level (一般 / 重大); `general` for the other types' }) level: ComplaintLevel;
  @ApiProperty() respondWithinSec: number;
  @ApiProperty({ type: Number, nullable: true }) onsiteWithinSec: number | null;
  @ApiProperty() resolveWithinSec: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'resolve within this many working days (China holidays and make-up days) instead of resolveWithinSec',
  })
  resolveWorkingDays: number | null;
  @ApiProperty() confirmWithinSec: number;
  @ApiProperty() revisitWithinSec: number;
  @ApiProperty() isDefault: boolean;
}
export class SlaPolicyList {
  @ApiProperty({ type: [SlaPolicyView] }) items: SlaPolicyView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class SlaPolicyQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
}
export class UpsertSlaPolicyDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiProperty({ enum: TICKET_TYPES }) @IsIn(TICKET_TYPES) type: TicketType;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority: Priority;
  @ApiPropertyOptional({ enum: COMPLAINT_LEVELS, default: 'general', description: 'complaints only: the limits of 一般 or 重大 complaints' })
  @IsOptional()
  @IsIn(COMPLAINT_LEVELS)
  level?: ComplaintLevel;
  @ApiProperty() @IsInt() @Min(1) @Max(YEAR) respondWithinSec: number;
  @ApiProperty({ type: Number, nullable: true }) @ValidateIf((o) => o.onsiteWithinSec !== null) @IsInt() @Min(1) @Max(YEAR) onsiteWithinSec: number | null;
  @ApiProperty() @IsInt() @Min(1) @Max(YEAR) resolveWithinSec: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 60,
    description: 'left out: kept as it is; null: cleared (resolveWithinSec applies)',
  })
  @IsOptional()
  @ValidateIf((o) => o.resolveWorkingDays !== null)
  @IsInt()
  @Min(1)
  @Max(60)
  resolveWorkingDays?: number | null;
  @ApiProperty() @IsInt() @Min(1) @Max(YEAR) confirmWithinSec: number;
  @ApiProperty() @IsInt() @Min(1) @Max(YEAR) revisitWithinSec: number;
}
