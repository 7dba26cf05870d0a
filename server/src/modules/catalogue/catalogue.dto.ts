import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '../../common/validation';
import { IsBoolean, IsInt, IsNotEmpty, IsNumber, IsNumberString, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ServiceItemView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ description: 'yuan' }) price: number;
  @ApiProperty() durationMin: number;
  @ApiProperty() slotCapacity: number;
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
}
export class UpdateServiceItemDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(60) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) description?: string;
  @ApiPropertyOptional() @IsOmittable() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(99999999) price?: number;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(30) @Max(480) durationMin?: number;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1) @Max(100) slotCapacity?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
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
