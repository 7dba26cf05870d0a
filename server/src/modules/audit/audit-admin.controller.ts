import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNumberString, IsOptional, IsString, MaxLength } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTOR_KINDS, ActorKind, encodeCursor } from '@yizhan/shared';
import { StaffOnly } from '../../common/auth/decorators';
import { PageQuery, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { AuditLog } from './audit-log.entity';

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumberString({ no_symbols: true }) targetId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) action?: string;
}

class AuditActor {
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
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) detail: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}
export class AuditLogPage {
  @ApiProperty({ type: [AuditLogView] }) items: AuditLogView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** Read-only: the audit log has no update or delete route, by design. */
@ApiTags('admin')
@StaffOnly('admin')
@Controller('admin/audit-logs')
export class AuditAdminController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get() @ApiOkResponse({ type: AuditLogPage })
  async list(@Query() query: AuditLogQuery): Promise<AuditLogPage> {
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource.getRepository(AuditLog).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(limit + 1);
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.targetType) qb.andWhere('a.target_type = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (cursor) qb.andWhere('a.id < :after', { after: cursor[0] });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    return {
      items: page.map((a) => ({
        id: String(a.id),
        at: a.at.toISOString(),
        actor: { kind: a.actorKind, id: a.actorId === null ? null : String(a.actorId), name: a.actorName },
        action: a.action,
        targetType: a.targetType,
        targetId: a.targetId === null ? null : String(a.targetId),
        detail: a.detail,
        ip: a.ip,
      })),
      nextCursor: rows.length > limit ? encodeCursor([String(page[page.length - 1]!.id)]) : null,
    };
  }
}
