import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '../../common/validation';
import { PhotoView } from '../tickets/dto/ticket.dto';
import { IsBoolean, IsInt, IsNotEmpty, IsNumber, IsNumberString, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ServiceItemView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ description: 'yuan' }) price: number;
  @ApiProperty() durationMin: number;
  @ApiProperty() slotCapacity: number;
  @ApiProperty({ description: 'first slot starts at, minutes after midnight (Asia/Shanghai)', example: 540 }) slotsFromMin: number;
  @ApiProperty({ description: 'last slot ends by, minutes after midnight (Asia/Shanghai)', example: 1080 }) slotsUntilMin: number;
  @ApiProperty({ description: 'days residents may book ahead, today included' }) bookingDays: number;
  @ApiProperty({ type: PhotoView, nullable: true }) photo: PhotoView | null;
  @ApiProperty() active: boolean;
}
export class ServiceItemList {
  @ApiProperty({ type: [ServiceItemView] }) items: ServiceItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class ServiceItemQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
}
export class CreateServiceItemDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(60) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) description?: string;
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(99999999) price: number;
  @ApiProperty({ description: 'length of one booking slot, minutes (30–480)' }) @IsInt() @Min(30) @Max(480) durationMin: number;
  @ApiProperty() @IsInt() @Min(1) @Max(100) slotCapacity: number;
  @ApiPropertyOptional({ description: 'first slot starts at, minutes after midnight (0–1410, default 540 = 09:00)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1410)
  slotsFromMin?: number;
  @ApiPropertyOptional({ description: 'last slot ends by, minutes after midnight (30–1440, default 1080 = 18:00)' })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(1440)
  slotsUntilMin?: number;
  @ApiPropertyOptional({ description: 'days residents may book ahead, today included (1–30, default 7)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  bookingDays?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'an upload id (POST /uploads) for the picture; null removes it' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  photoId?: string | null;
}
export class UpdateServiceItemDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(60) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) description?: string;
  @ApiPropertyOptional() @IsOmittable() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(99999999) price?: number;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(30) @Max(480) durationMin?: number;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1) @Max(100) slotCapacity?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'first slot starts at, minutes after midnight (0–1410, default 540 = 09:00)' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1410)
  slotsFromMin?: number;
  @ApiPropertyOptional({ description: 'last slot ends by, minutes after midnight (30–1440, default 1080 = 18:00)' })
  @IsOmittable()
  @IsInt()
  @Min(30)
  @Max(1440)
  slotsUntilMin?: number;
  @ApiPropertyOptional({ description: 'days residents may book ahead, today included (1–30, default 7)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(30)
  bookingDays?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'an upload id (POST /uploads) for the picture; null removes it' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  photoId?: string | null;
}
export class SlotQuery {
  @ApiProperty({ example: '2026-11-24', description: 'a day in Asia/Shanghai' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
}
export class SlotView {
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty() remaining: number;
}
export class SlotList {
  @ApiProperty({ type: [SlotView] }) items: SlotView[];
}
