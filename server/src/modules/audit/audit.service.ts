import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import { keysetPage, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import type { JsonRecord } from '../../database/columns';
import { placeholders } from '../../database/sql';
import { AuditLog } from './audit-log.entity';
import type { AuditLogPage, AuditLogQuery } from './audit.dto';

/** How each kind of target is named for a person: the table and the column read. */
const TARGET_NAMES: Record<string, { table: string; column: string }> = {
  ticket: { table: 'tickets', column: 'no' },
  staff: { table: 'staff', column: 'name' },
  community: { table: 'communities', column: 'name' },
  zone: { table: 'zones', column: 'name' },
  building: { table: 'buildings', column: 'name' },
  room: { table: 'rooms', column: 'label' },
  service_item: { table: 'service_items', column: 'name' },
};

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: JsonRecord | null;
}

/** Writes the append-only audit log; the manager comes first: inside a transaction the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, auth: AuthContext | null, meta: RequestMeta | null, entry: AuditEntry): Promise<void> {
    const repo = manager.getRepository(AuditLog);
    await repo.insert({
      actorKind: auth ? auth.kind : 'system',
      actorId: auth ? (auth.kind === 'staff' ? auth.staffId : auth.residentId) : null,
      actorName: auth ? (auth.kind === 'staff' ? auth.name : '业主') : '系统',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      detail: entry.detail ?? null,
      ip: meta?.ip ?? null,
      at: new Date(),
    });
  }

  /** Newest first, by cursor, with what each target is called now (a request number rather than "ticket #33"). */
  async list(query: AuditLogQuery): Promise<AuditLogPage> {
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource
      .getRepository(AuditLog)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.targetType) qb.andWhere('a.target_type = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    if (query.action?.endsWith('.')) qb.andWhere('a.action LIKE :prefix', { prefix: `${query.action}%` });
    else if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.at < :to', { to: new Date(query.to) });
    if (cursor) qb.andWhere('a.id < :after', { after: cursor[0] });
    const { page, nextCursor } = keysetPage(await qb.getMany(), limit);
    const labels = await this.targetLabels(page);
    return {
      items: page.map((a) => ({
        id: String(a.id),
        at: a.at.toISOString(),
        actor: { kind: a.actorKind, id: a.actorId === null ? null : String(a.actorId), name: a.actorName },
        action: a.action,
        targetType: a.targetType,
        targetId: a.targetId === null ? null : String(a.targetId),
        targetLabel: a.targetId === null ? null : (labels.get(`${a.targetType}:${a.targetId}`) ?? null),
        detail: a.detail,
        ip: a.ip,
      })),
      nextCursor,
    };
  }

  /** One query per kind of target on the page. */
  private async targetLabels(rows: AuditLog[]): Promise<Map<string, string>> {
    const byType = new Map<string, Set<string>>();
    for (const row of rows) {
      if (row.targetId === null || !TARGET_NAMES[row.targetType]) continue;
      byType.set(row.targetType, (byType.get(row.targetType) ?? new Set()).add(String(row.targetId)));
    }
    const labels = new Map<string, string>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const { table, column } = TARGET_NAMES[type]!;
        const found: { id: string | number; label: string }[] = await this.dataSource.query(
          `SELECT id, ${column} AS label FROM ${table} WHERE id IN (${placeholders([...ids])})`,
          [...ids],
        );
        for (const f of found) labels.set(`${type}:${f.id}`, f.label);
      }),
    );
    return labels;
  }
}
