import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsNumberString, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page-query.dto';
import { IsOmittable } from '../../../common/validation';

export class CommunitySummaryView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}
export class CommunityListView {
  @ApiProperty({ type: [CommunitySummaryView] }) items: CommunitySummaryView[];
}
export class RoomOptionView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'A1区 3栋 2单元 1201' }) label: string;
}
export class RoomOptionList {
  @ApiProperty({ type: [RoomOptionView] }) items: RoomOptionView[];
}
export class RoomSearchQuery {
  @ApiPropertyOptional({ description: 'part of the label, e.g. "3栋 1201"' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class CommunityView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}
export class CommunityPage {
  @ApiProperty({ type: [CommunityView] }) items: CommunityView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class CreateCommunityDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(200) address?: string | null;
}
export class UpdateCommunityDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' }) @IsOptional() @IsString() @MaxLength(200) address?: string | null;
}

export class ZoneView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty({ example: 'A1区' }) name: string;
}
export class ZoneList {
  @ApiProperty({ type: [ZoneView] }) items: ZoneView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class CreateZoneDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) name: string;
}

export class BuildingView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
  @ApiProperty({ example: '3栋' }) name: string;
}
export class BuildingList {
  @ApiProperty({ type: [BuildingView] }) items: BuildingView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class CreateBuildingDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null or absent: a building of no zone' })
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  zoneId?: string | null;
}

export class RoomView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty() buildingId: string;
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
  @ApiProperty() unit: string;
  @ApiProperty() number: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****1234' }) ownerPhoneMasked: string | null;
}
export class RoomPage {
  @ApiProperty({ type: [RoomView] }) items: RoomView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
export class RoomListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) buildingId?: string;
}
export class CreateRoomDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) buildingId: string;
  @ApiPropertyOptional({ example: '2' }) @IsOptional() @IsString() @MaxLength(20) unit?: string;
  @ApiProperty({ example: '1201' }) @IsString() @IsNotEmpty() @MaxLength(20) number: string;
  @ApiPropertyOptional({ description: 'roster: registered owner' }) @IsOptional() @IsString() @MaxLength(30) ownerName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) ownerPhone?: string;
}
export class UpdateRoomDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) ownerName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) ownerPhone?: string;
}

export class RoomImportQuery {
  @ApiPropertyOptional({ description: 'true: check every row and report, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
export class RoomImportRow {
  @ApiProperty({ description: 'line in the file (header is line 1)' }) line: number;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [String] }) errors: string[];
  @ApiPropertyOptional() label?: string;
}
export class RoomImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: [RoomImportRow] }) rows: RoomImportRow[];
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() failed: number;
}
