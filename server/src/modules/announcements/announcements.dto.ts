import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsNumberString,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PhotoView } from '../tickets/dto/ticket.dto';

export class CreateAnnouncementDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiPropertyOptional({ type: [String], description: 'with buildingIds empty too: the whole community' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsNumberString({ no_symbols: true }, { each: true })
  zoneIds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsNumberString({ no_symbols: true }, { each: true })
  buildingIds?: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(60) title: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) body: string;
  @ApiPropertyOptional({ type: [String], maxItems: 9, description: 'ids from POST /uploads' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @ArrayUnique()
  @IsNumberString({ no_symbols: true }, { each: true })
  photoIds?: string[];
  @ApiPropertyOptional({ description: 'default: now' }) @IsOptional() @IsISO8601({ strict: true }) startsAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null or left out: until withdrawn' })
  @IsOptional()
  @ValidateIf((o) => o.endsAt !== null)
  @IsISO8601({ strict: true })
  endsAt?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() pinned?: boolean;
}

export class UpdateAnnouncementDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(60) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(2000) body?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() pinned?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'now: withdrawn' })
  @IsOptional()
  @ValidateIf((o) => o.endsAt !== null)
  @IsISO8601({ strict: true })
  endsAt?: string | null;
}

export class AnnouncementQuery {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
}

export class IncidentIdParam {
  @ApiProperty() @IsNumberString({ no_symbols: true }) @MaxLength(20) incidentId: string;
}

export class AnnouncementView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty({ type: [String] }) zoneIds: string[];
  @ApiProperty({ type: [String] }) buildingIds: string[];
  @ApiProperty() areaLabel: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [PhotoView] }) photos: PhotoView[];
  @ApiProperty() startsAt: string;
  @ApiProperty({ type: String, nullable: true }) endsAt: string | null;
  @ApiProperty() pinned: boolean;
  @ApiProperty({ enum: ['scheduled', 'active', 'ended'] }) state: 'scheduled' | 'active' | 'ended';
  @ApiProperty({ type: String, nullable: true }) incidentId: string | null;
  @ApiProperty({ description: 'residents who opened it' }) readCount: number;
  @ApiProperty({ description: 'residents bound in its area now' }) audienceCount: number;
  @ApiProperty() createdByName: string;
  @ApiProperty() createdAt: string;
}
export class AnnouncementList {
  @ApiProperty({ type: [AnnouncementView] }) items: AnnouncementView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ResidentAnnouncementView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [PhotoView] }) photos: PhotoView[];
  @ApiProperty() pinned: boolean;
  @ApiProperty() startsAt: string;
  @ApiProperty({ type: String, nullable: true }) endsAt: string | null;
  @ApiProperty() read: boolean;
}
export class ResidentAnnouncementList {
  @ApiProperty({ type: [ResidentAnnouncementView] }) items: ResidentAnnouncementView[];
  @ApiProperty() unread: number;
}
