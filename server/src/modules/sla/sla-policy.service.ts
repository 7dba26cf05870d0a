import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PRIORITIES, Priority, SlaDurations, TICKET_TYPES, TicketType, DEFAULT_RESOLVE_WORKING_DAYS, defaultSlaPolicy } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { requireCommunity, requireCommunityParam } from '../../common/access/access';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { SlaPolicy } from './sla-policy.entity';
import { dbKind } from '../../database/sql';
import type { SlaPolicyView, UpsertSlaPolicyDto } from './sla.dto';

/**
 * How long a server keeps a community's policy rows in memory. Every submission needs
 * them and they change a few times a year; a change made here applies at once, one made
 * through another server instance within this time.
 */
export const POLICY_CACHE_MS = 30_000;

/** A community's time limits: its own policy rows where set, DESIGN.md's defaults elsewhere. */
@Injectable()
export class SlaPolicyService {
  private readonly cache = new Map<string, { until: number; rows: Promise<SlaPolicy[]> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** `manager`: the caller's transaction, if any (see rowsOf). */
  async policyFor(manager: EntityManager, communityId: string, type: TicketType, priority: Priority): Promise<EffectivePolicy> {
    const row = (await this.rowsOf(manager, String(communityId))).find((r) => r.type === type && r.priority === priority);
    return row ? durations(row) : { ...defaultSlaPolicy(type, priority), resolveWorkingDays: DEFAULT_RESOLVE_WORKING_DAYS[type] ?? null };
  }

  private rowsOf(manager: EntityManager, communityId: string): Promise<SlaPolicy[]> {
    const cached = this.cache.get(communityId);
    if (cached && cached.until > Date.now()) return cached.rows;
    // On MariaDB the rows are read outside the caller's transaction: its snapshot may
    // predate a change committed meanwhile, which must not be kept for 30 s. SQLite runs
    // one transaction at a time, so there the caller's own is current (and the only way in).
    const reader = dbKind(manager) === 'sqlite' ? manager : this.dataSource.manager;
    const rows = reader.getRepository(SlaPolicy).find({ where: { communityId } });
    this.cache.set(communityId, { until: Date.now() + POLICY_CACHE_MS, rows });
    rows.catch(() => this.cache.get(communityId)?.rows === rows && this.cache.delete(communityId));
    return rows;
  }

  async list(auth: StaffAuth, communityId: string): Promise<SlaPolicyView[]> {
    requireCommunityParam(auth, communityId);
    const rows = await this.dataSource.getRepository(SlaPolicy).find({ where: { communityId } });
    return TICKET_TYPES.flatMap((type) =>
      PRIORITIES.map((priority) => {
        const row = rows.find((r) => r.type === type && r.priority === priority);
        const effective = row ? durations(row) : { ...defaultSlaPolicy(type, priority), resolveWorkingDays: DEFAULT_RESOLVE_WORKING_DAYS[type] ?? null };
        return { id: row ? String(row.id) : null, communityId: String(communityId), type, priority, ...effective, isDefault: !row };
      }),
    );
  }

  /** Create or replace the policy for one community × type × priority. Applies to requests created from now on. */
  async upsert(auth: StaffAuth, meta: RequestMeta, dto: UpsertSlaPolicyDto): Promise<SlaPolicyView> {
    requireCommunityParam(auth, dto.communityId);
    // Left out means "as it is": a client that does not know the working-day limit (the
    // admin page before it showed one) must not erase a limit set through the API. Only an
    // explicit null clears it.
    const resolveWorkingDays =
      dto.resolveWorkingDays !== undefined
        ? dto.resolveWorkingDays
        : ((await this.dataSource.getRepository(SlaPolicy).findOne({ where: { communityId: dto.communityId, type: dto.type, priority: dto.priority } }))
            ?.resolveWorkingDays ?? null);
    const values = { ...dto, resolveWorkingDays, createdAt: new Date() };
    await this.dataSource
      .getRepository(SlaPolicy)
      .createQueryBuilder()
      .insert()
      .values(values)
      .orUpdate(
        ['respond_within_sec', 'onsite_within_sec', 'resolve_within_sec', 'resolve_working_days', 'confirm_within_sec', 'revisit_within_sec'],
        ['community_id', 'type', 'priority'],
      )
      .execute();
    this.cache.delete(String(dto.communityId));
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'sla_policy.upsert',
      targetType: 'community',
      targetId: dto.communityId,
      detail: { ...dto },
    });
    return (await this.list(auth, dto.communityId)).find((p) => p.type === dto.type && p.priority === dto.priority)!;
  }

  async remove(auth: StaffAuth, meta: RequestMeta, id: string): Promise<void> {
    const row = await this.dataSource.getRepository(SlaPolicy).findOne({ where: { id } });
    if (!row) throw new AppError('NOT_FOUND', '时限规则不存在');
    requireCommunity(auth, row.communityId, '时限规则');
    await this.dataSource.getRepository(SlaPolicy).delete({ id });
    this.cache.delete(String(row.communityId));
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'sla_policy.reset',
      targetType: 'community',
      targetId: row.communityId,
      detail: { type: row.type, priority: row.priority },
    });
  }
}

/** The durations plus the optional working-day resolve limit. */
export type EffectivePolicy = SlaDurations & { resolveWorkingDays: number | null };

function durations(row: SlaPolicy): EffectivePolicy {
  return {
    respondWithinSec: row.respondWithinSec,
    onsiteWithinSec: row.onsiteWithinSec,
    resolveWithinSec: row.resolveWithinSec,
    resolveWorkingDays: row.resolveWorkingDays,
    confirmWithinSec: row.confirmWithinSec,
    revisitWithinSec: row.revisitWithinSec,
  };
}
