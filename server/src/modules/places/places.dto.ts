import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsNumberString, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LOCATION_KINDS, LocationKind } from '@yizhan/shared';

export class PlaceView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) buildingId: string | null;
  @ApiProperty({ description: 'false: retired (kept for the requests that name it, no longer offered)' }) active: boolean;
}
export class PlaceList {
  @ApiProperty({ type: [PlaceView] }) items: PlaceView[];
}
export class CreatePlaceDto {
  @ApiProperty({ example: '1号门岗' }) @IsString() @IsNotEmpty() @MaxLength(50) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsNumberString({ no_symbols: true }) zoneId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsNumberString({ no_symbols: true }) buildingId?: string | null;
}
export class UpdatePlaceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsNumberString({ no_symbols: true }) zoneId?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsNumberString({ no_symbols: true }) buildingId?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
export class PlaceImportRow {
  @ApiProperty({ description: 'line in the file (header is line 1)' }) line: number;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [String] }) errors: string[];
  @ApiPropertyOptional() name?: string;
}
export class PlaceImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: [PlaceImportRow] }) rows: PlaceImportRow[];
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() failed: number;
}
export class PlaceImportQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) dryRun?: 'true' | 'false';
}

/** Where a request is, as a client names it (one of the kinds' fields, by kind). */
export class LocationInputDto {
  @ApiProperty({ enum: LOCATION_KINDS }) @IsIn(LOCATION_KINDS) kind: LocationKind;
  @ApiPropertyOptional({ description: 'room' }) @IsOptional() @IsNumberString({ no_symbols: true }) @MaxLength(20) roomId?: string;
  @ApiPropertyOptional({ description: 'building, unit' }) @IsOptional() @IsNumberString({ no_symbols: true }) @MaxLength(20) buildingId?: string;
  @ApiPropertyOptional({ description: 'unit: the unit of the building (2 for 2单元)' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20) unit?: string;
  @ApiPropertyOptional({ description: 'zone' }) @IsOptional() @IsNumberString({ no_symbols: true }) @MaxLength(20) zoneId?: string;
  @ApiPropertyOptional({ description: 'place (a named public spot)' }) @IsOptional() @IsNumberString({ no_symbols: true }) @MaxLength(20) placeId?: string;
}

/** Where a request is, as the API shows it. */
export class LocationView {
  @ApiProperty({ enum: LOCATION_KINDS }) kind: LocationKind;
  @ApiProperty({ example: 'A1区 3栋 2单元 1201' }) label: string;
  @ApiProperty() communityId: string;
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) roomId: string | null;
  @ApiProperty({ type: String, nullable: true }) buildingId: string | null;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: String, nullable: true }) placeId: string | null;
}

export class LocationZoneOption {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
}
export class LocationBuildingOption {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
  @ApiProperty({ type: [String], description: 'its units (单元), from its rooms' }) units: string[];
}
export class LocationPlaceOption {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) zoneId: string | null;
}
/** The public areas a request can be about in one community (GET /communities/:id/locations). */
export class LocationOptions {
  @ApiProperty({ type: [LocationZoneOption] }) zones: LocationZoneOption[];
  @ApiProperty({ type: [LocationBuildingOption] }) buildings: LocationBuildingOption[];
  @ApiProperty({ type: [LocationPlaceOption], description: 'the active named spots' }) places: LocationPlaceOption[];
}
