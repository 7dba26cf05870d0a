import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumberString, IsOptional, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/pagination/page-query.dto';

export class DutyShiftView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null = the whole community (night shift)' }) zoneId: string | null;
  @ApiProperty() staffId: string;
  @ApiProperty() staffName: string;
  @ApiProperty() startAt: string;
  @ApiProperty() endAt: string;
}
export class DutyShiftPage {
  @ApiProperty({ type: [DutyShiftView] }) items: DutyShiftView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class DutyShiftQuery extends PageQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiPropertyOptional({ description: 'shifts ending after this instant' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'shifts starting before this instant' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
export class CreateDutyShiftDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null = the whole community' })
  @ValidateIf((o) => o.zoneId !== null)
  @IsNumberString({ no_symbols: true })
  zoneId: string | null;
  @ApiProperty() @IsNumberString({ no_symbols: true }) staffId: string;
  @ApiProperty() @IsISO8601({ strict: true }) startAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) endAt: string;
}
