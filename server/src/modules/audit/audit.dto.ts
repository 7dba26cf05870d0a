import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumberString, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ACTOR_KINDS, ActorKind } from '@yizhan/shared';
import { PageQuery } from '../../common/pagination/page-query.dto';

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'the operator (a staff id)' }) @IsOptional() @IsNumberString({ no_symbols: true }) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) targetId?: string;
  @ApiPropertyOptional({ description: 'an action (`ticket.transfer`), or every action of an object with a trailing dot (`ticket.`)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z_]+(\.[a-z_]*)?$/, { message: '操作代码格式不正确' })
  action?: string;
  @ApiPropertyOptional({ description: 'at or after' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class AuditActor {
  @ApiProperty({ enum: ACTOR_KINDS }) kind: ActorKind;
  @ApiProperty({ type: String, nullable: true }) id: string | null;
  @ApiProperty() name: string;
}
export class AuditLogView {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: AuditActor }) actor: AuditActor;
  @ApiProperty() action: string;
  @ApiProperty() targetType: string;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'what the target is called now: a request number, a name, a room label' })
  targetLabel: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) detail: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}
export class AuditLogPage {
  @ApiProperty({ type: [AuditLogView] }) items: AuditLogView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
