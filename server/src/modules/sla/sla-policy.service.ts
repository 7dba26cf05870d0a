import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  COMPLAINT_LEVELS,
  ComplaintLevel,
  PRIORITIES,
  Priority,
  SlaDurations,
  TICKET_TYPES,
  TicketType,
  defaultResolveWorkingDays,
  defaultSlaPolicy,
} from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { requireCommunity, requireCommunityParam } from '../../common/access/access';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { SlaPolicy } from './sla-policy.entity';
import { rowLock } from '../../database/sql';
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

  /** `manager`: the caller's transaction, if any (see rowsOf). `level`: a complaint's (一般 / 重大); other types have none. */
  async policyFor(
    manager: EntityManager,
    communityId: string,
    type: TicketType,
    priority: Priority,
    level: ComplaintLevel = 'general',
  ): Promise<EffectivePolicy> {
    const key = levelOf(type, level);
    const row = (await this.rowsOf(manager, String(communityId))).find((r) => r.type === type && r.priority === priority && r.level === key);
    return row ? durations(row) : builtIn(type, priority, key);
  }

  private rowsOf(manager: EntityManager, communityId: string): Promise<SlaPolicy[]> {
    const cached = this.cache.get(communityId);
    if (cached && cached.until > Date.now()) return cached.rows;
    // Read through the caller's own connection: a second one from the pool, taken while the
    // caller holds one in its transaction, deadlocked the pool once every connection was
    // held by a submission waiting for another (npm run bench -- --scale xl, where the cache
    // misses for most of 3,000 communities). Inside a transaction the read locks (shared):
    // a locking read sees the latest committed rows, not the transaction's snapshot, which
    // may predate a change committed meanwhile and must not be cached for 30 s. SQLite runs
    // one transaction at a time, so there the caller's own view is current.
    const inTransaction = manager.queryRunner?.isTransactionActive === true;
    const rows = manager.getRepository(SlaPolicy).find({ where: { communityId }, ...(inTransaction ? { lock: rowLock(manager, 'pessimistic_read') } : {}) });
    this.cache.set(communityId, { until: Date.now() + POLICY_CACHE_MS, rows });
    rows.catch(() => this.cache.get(communityId)?.rows === rows && this.cache.delete(communityId));
    return rows;
  }

  async list(auth: StaffAuth, communityId: string): Promise<SlaPolicyView[]> {
    requireCommunityParam(auth, communityId);
    const rows = await this.dataSource.getRepository(SlaPolicy).find({ where: { communityId } });
    // Complaints have a row per level (一般 / 重大); the other types one per priority.
    return TICKET_TYPES.flatMap((type) =>
      (type === 'complaint' ? COMPLAINT_LEVELS : (['general'] as const)).flatMap((level) =>
        PRIORITIES.map((priority) => {
          const row = rows.find((r) => r.type === type && r.priority === priority && r.level === level);
          const effective = row ? durations(row) : builtIn(type, priority, level);
          return { id: row ? String(row.id) : null, communityId: String(communityId), type, priority, level, ...effective, isDefault: !row };
        }),
      ),
    );
  }

  /** Create or replace the policy for one community × type × priority (× level). Applies to requests created from now on. */
  async upsert(auth: StaffAuth, meta: RequestMeta, dto: UpsertSlaPolicyDto): Promise<SlaPolicyView> {
    requireCommunityParam(auth, dto.communityId);
    const level = dto.level ?? 'general';
    if (level !== 'general' && dto.type !== 'complaint') {
      throw new AppError('VALIDATION_FAILED', '只有投诉分一般和重大两级时限', { level: ['only complaints have levels'] });
    }
    // Left out means "as it is": a client that does not know the working-day limit (the
    // admin page before it showed one) must not erase a limit set through the API. Only an
    // explicit null clears it.
    const resolveWorkingDays =
      dto.resolveWorkingDays !== undefined
        ? dto.resolveWorkingDays
        : ((await this.dataSource.getRepository(SlaPolicy).findOne({ where: { communityId: dto.communityId, type: dto.type, priority: dto.priority, level } }))
            ?.resolveWorkingDays ?? null);
    const values = { ...dto, level, resolveWorkingDays, createdAt: new Date() };
    await this.dataSource
      .getRepository(SlaPolicy)
      .createQueryBuilder()
      .insert()
      .values(values)
      .orUpdate(
        ['respond_within_sec', 'onsite_within_sec', 'resolve_within_sec', 'resolve_working_days', 'confirm_within_sec', 'revisit_within_sec'],
        ['community_id', 'type', 'priority', 'level'],
      )
      .execute();
    this.cache.delete(String(dto.communityId));
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'sla_policy.upsert',
      targetType: 'community',
      targetId: dto.communityId,
      detail: { ...dto },
    });
    return (await this.list(auth, dto.communityId)).find((p) => p.type === dto.type && p.priority === dto.priority && p.level === level)!;
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
      detail: { type: row.type, priority: row.priority, level: row.level },
    });
  }
}

/** Only complaints have levels; every other type reads its `general` row. */
const levelOf = (type: TicketType, level: ComplaintLevel): ComplaintLevel => (type === 'complaint' ? level : 'general');

/** DESIGN.md's limits for a type × priority (× a complaint's level). */
function builtIn(type: TicketType, priority: Priority, level: ComplaintLevel): EffectivePolicy {
  return { ...defaultSlaPolicy(type, priority, level), resolveWorkingDays: defaultResolveWorkingDays(type, level) };
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
