import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../common/auth/auth-context';
import type { JsonRecord } from '../../database/columns';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: JsonRecord | null;
}

/** Writes the append-only audit log; pass the transaction's manager so the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(auth: AuthContext | null, meta: RequestMeta | null, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = (manager ?? this.dataSource.manager).getRepository(AuditLog);
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
}
