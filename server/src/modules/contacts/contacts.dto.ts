import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNumberString, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';

/** A landline, a mobile or a 400 number: digits with an optional +, spaces or dashes. */
const PHONE = /^\+?\d[\d -]{2,18}\d$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class HotlineDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: the community as a whole' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  zoneId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(PHONE, { message: 'dayPhone must be a phone number' }) dayPhone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(PHONE, { message: 'nightPhone must be a phone number' }) nightPhone?:
    string | null;
  @ApiPropertyOptional({ default: '08:30' }) @IsOptional() @Matches(HHMM, { message: 'dayFrom must be HH:MM' }) dayFrom?: string;
  @ApiPropertyOptional({ default: '21:00' }) @IsOptional() @Matches(HHMM, { message: 'dayTo must be HH:MM' }) dayTo?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'community row: the number that reaches the technician' })
  @IsOptional()
  @Matches(PHONE, { message: 'technicianPhone must be a phone number' })
  @MaxLength(20)
  technicianPhone?: string | null;
  @ApiPropertyOptional({ description: "community row: show the technician's own phone on the day of the visit" })
  @IsOptional()
  @IsBoolean()
  technicianOwnPhone?: boolean;
}

export class HotlinesDto {
  @ApiProperty({ type: [HotlineDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HotlineDto) rows: HotlineDto[];
}

export class HotlineRowView {
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) dayPhone: string | null;
  @ApiProperty({ type: String, nullable: true }) nightPhone: string | null;
  @ApiProperty() dayFrom: string;
  @ApiProperty() dayTo: string;
  @ApiProperty({ type: String, nullable: true }) technicianPhone: string | null;
  @ApiProperty() technicianOwnPhone: boolean;
}
export class HotlineList {
  @ApiProperty({ type: [HotlineRowView] }) items: HotlineRowView[];
}

export class CallableView {
  @ApiProperty({ example: '59800000' }) phone: string;
  @ApiProperty({ example: '客服热线（A1区）' }) label: string;
}
export class HotlineAnswer {
  @ApiProperty({ type: CallableView, nullable: true }) hotline: CallableView | null;
}
export class TicketContactsView {
  @ApiProperty({ type: CallableView, nullable: true, description: 'the property’s hotline for the room’s zone at this time of day' })
  hotline: CallableView | null;
  @ApiProperty({ type: CallableView, nullable: true, description: 'on the day of the visit: the number that reaches the technician' })
  technician: CallableView | null;
}
export class HotlineQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) roomId: string;
}
