import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsNumberString, IsOptional, IsString, MaxLength } from 'class-validator';
import { INCIDENT_STATUSES, IncidentStatus, TICKET_STATUSES, TicketStatus } from '@yizhan/shared';

export class CreateIncidentDto {
  @ApiProperty() @IsNumberString({ no_symbols: true }) communityId: string;
  @ApiPropertyOptional({ type: [String], description: 'zones affected; with buildingIds empty too: the whole community' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsNumberString({ no_symbols: true }, { each: true })
  zoneIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'buildings affected (besides any zones named)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsNumberString({ no_symbols: true }, { each: true })
  buildingIds?: string[];
  @ApiProperty({ description: 'shown to residents: 停水, 3栋电梯停运 …' }) @IsString() @IsNotEmpty() @MaxLength(40) title: string;
  @ApiProperty({ description: 'new requests of this category in the area are linked (水电, 电梯 …)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  category: string;
  @ApiProperty({ description: 'shown to residents' }) @IsString() @IsNotEmpty() @MaxLength(300) cause: string;
  @ApiProperty({ description: 'in the future: a planned outage announced ahead' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) expectedEndAt: string;
}

export class UpdateIncidentDto {
  @ApiProperty({ description: 'the new expected end' }) @IsISO8601({ strict: true }) expectedEndAt: string;
  @ApiPropertyOptional({ description: 'told to residents with the new time' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class ResolveIncidentDto {
  @ApiProperty({ description: 'told to the area and written on every linked request, which is resolved for the resident to confirm' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  resolution: string;
}

export class IncidentQuery {
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) communityId?: string;
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES }) @IsOptional() @IsIn(INCIDENT_STATUSES) status?: IncidentStatus;
}

export class IncidentView {
  @ApiProperty() id: string;
  @ApiProperty() communityId: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty() cause: string;
  @ApiProperty({ type: [String] }) zoneIds: string[];
  @ApiProperty({ type: [String] }) buildingIds: string[];
  @ApiProperty({ description: '全小区, or the zones and buildings named' }) areaLabel: string;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty() startsAt: string;
  @ApiProperty() expectedEndAt: string;
  @ApiProperty({ type: String, nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resolution: string | null;
  @ApiProperty() linkedCount: number;
  @ApiProperty() createdByName: string;
  @ApiProperty() createdAt: string;
}

export class IncidentList {
  @ApiProperty({ type: [IncidentView] }) items: IncidentView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class LinkedTicketView {
  @ApiProperty() id: string;
  @ApiProperty() no: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty() category: string;
  @ApiProperty() description: string;
  @ApiProperty() roomLabel: string;
  @ApiProperty() createdAt: string;
}

export class IncidentDetailView extends IncidentView {
  @ApiProperty({ type: [LinkedTicketView] }) linked: LinkedTicketView[];
  @ApiProperty({ description: 'residents bound in the area (each got the notices)' }) residentCount: number;
}

/** What a resident sees of an incident in their area (every field is resident-facing). */
export class ResidentIncidentView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() cause: string;
  @ApiProperty() areaLabel: string;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty() startsAt: string;
  @ApiProperty() expectedEndAt: string;
  @ApiProperty({ type: String, nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resolution: string | null;
}

export class ResidentIncidentList {
  @ApiProperty({ type: [ResidentIncidentView] }) items: ResidentIncidentView[];
}
