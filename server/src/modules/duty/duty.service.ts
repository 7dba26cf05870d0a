import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { friendlyTime } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { requireCommunity, requireCommunityParam } from '../../common/access/access';
import { AppError } from '../../common/errors/app-error';
import { PageResult, keysetPage, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { Zone } from '../communities/community.entities';
import { Staff } from '../staff/staff.entity';
import { StaffService } from '../staff/staff.service';
import { DutyShift } from './duty-shift.entity';
import type { CreateDutyShiftDto, DutyShiftQuery, DutyShiftView } from './duty.dto';

const MAX_SHIFT_HOURS = 24;

@Injectable()
export class DutyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: StaffService,
    private readonly audit: AuditService,
  ) {}

  async list(auth: StaffAuth, query: DutyShiftQuery): Promise<PageResult<DutyShiftView>> {
    requireCommunityParam(auth, query.communityId);
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 2);
    const qb = this.dataSource
      .getRepository(DutyShift)
      .createQueryBuilder('d')
      .innerJoin(Staff, 's', 's.id = d.staff_id')
      .select(['d.id AS id', 'd.community_id AS communityId', 'd.zone_id AS zoneId', 'd.staff_id AS staffId', 's.name AS staffName'])
      .addSelect(['d.start_at AS startAt', 'd.end_at AS endAt'])
      .where('d.community_id = :cid', { cid: query.communityId })
      .orderBy('d.start_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(limit + 1);
    if (query.from) qb.andWhere('d.end_at > :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('d.start_at < :to', { to: new Date(query.to) });
    if (cursor) qb.andWhere('(d.start_at > :cs OR (d.start_at = :cs AND d.id > :ci))', { cs: new Date(String(cursor[0])), ci: cursor[1] });
    const { page, nextCursor } = keysetPage(
      (await qb.getRawMany()).map((r) => this.view(r)),
      limit,
      (last) => [last.startAt, last.id],
    );
    return { items: page, nextCursor };
  }

  async create(auth: StaffAuth, meta: RequestMeta, dto: CreateDutyShiftDto): Promise<DutyShiftView> {
    requireCommunityParam(auth, dto.communityId);
    const shift = await this.validated(dto);
    await this.refuseOverlap(shift);
    const result = await this.dataSource.getRepository(DutyShift).insert({ ...shift, createdAt: new Date() });
    const id = String(result.identifiers[0]!.id);
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'duty_shift.create', targetType: 'duty_shift', targetId: id, detail: { ...dto } });
    return this.get(id);
  }

  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: CreateDutyShiftDto): Promise<DutyShiftView> {
    const existing = await this.dataSource.getRepository(DutyShift).findOne({ where: { id } });
    if (!existing) throw new AppError('NOT_FOUND', '排班不存在');
    requireCommunity(auth, existing.communityId, '排班');
    requireCommunityParam(auth, dto.communityId);
    const shift = await this.validated(dto);
    await this.refuseOverlap(shift, id);
    await this.dataSource.getRepository(DutyShift).update({ id }, shift);
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'duty_shift.update', targetType: 'duty_shift', targetId: id, detail: { ...dto } });
    return this.get(id);
  }

  async remove(auth: StaffAuth, meta: RequestMeta, id: string): Promise<void> {
    const existing = await this.dataSource.getRepository(DutyShift).findOne({ where: { id } });
    if (!existing) throw new AppError('NOT_FOUND', '排班不存在');
    requireCommunity(auth, existing.communityId, '排班');
    await this.dataSource.getRepository(DutyShift).delete({ id });
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'duty_shift.delete', targetType: 'duty_shift', targetId: id });
  }

  private async validated(dto: CreateDutyShiftDto) {
    const startAt = new Date(dto.startAt);
    const endAt = new Date(dto.endAt);
    if (!(endAt > startAt)) throw new AppError('VALIDATION_FAILED', '结束时间须晚于开始时间', { endAt: ['must be after startAt'] });
    if (endAt.getTime() - startAt.getTime() > MAX_SHIFT_HOURS * 3600_000) {
      throw new AppError('VALIDATION_FAILED', `一个班次最长 ${MAX_SHIFT_HOURS} 小时`, { endAt: [`at most ${MAX_SHIFT_HOURS} h after startAt`] });
    }
    if (dto.zoneId !== null) {
      const zone = await this.dataSource.getRepository(Zone).findOne({ where: { id: dto.zoneId, communityId: dto.communityId } });
      if (!zone) throw new AppError('VALIDATION_FAILED', '分区不存在', { zoneId: ['no such zone in this community'] });
    }
    const staff = await this.staff.findActiveIn(this.dataSource.manager, dto.communityId, dto.staffId, ['agent', 'supervisor']);
    if (!staff) throw new AppError('INVALID_STAFF', '只能为本小区在职的客服人员排班');
    return { communityId: dto.communityId, zoneId: dto.zoneId, staffId: dto.staffId, startAt, endAt };
  }

  /** One person cannot be on two shifts at once (in any community): the roster would double their pool. */
  private async refuseOverlap(shift: { staffId: string; startAt: Date; endAt: Date }, exceptId?: string): Promise<void> {
    const qb = this.dataSource
      .getRepository(DutyShift)
      .createQueryBuilder('d')
      .where('d.staff_id = :staffId AND d.start_at < :endAt AND d.end_at > :startAt', shift);
    if (exceptId) qb.andWhere('d.id <> :exceptId', { exceptId });
    const clash = await qb.orderBy('d.start_at', 'ASC').getOne();
    if (clash) {
      const at = (d: Date) => friendlyTime(d);
      throw new AppError('SHIFT_OVERLAP', `该员工在 ${at(clash.startAt)}–${at(clash.endAt)} 已有排班，同一时间只能值一个班`);
    }
  }

  private async get(id: string): Promise<DutyShiftView> {
    const row = await this.dataSource
      .getRepository(DutyShift)
      .createQueryBuilder('d')
      .innerJoin(Staff, 's', 's.id = d.staff_id')
      .select(['d.id AS id', 'd.community_id AS communityId', 'd.zone_id AS zoneId', 'd.staff_id AS staffId', 's.name AS staffName'])
      .addSelect(['d.start_at AS startAt', 'd.end_at AS endAt'])
      .where('d.id = :id', { id })
      .getRawOne();
    return this.view(row);
  }

  private view(r: Record<string, unknown>): DutyShiftView {
    return {
      id: String(r.id),
      communityId: String(r.communityId),
      zoneId: r.zoneId === null ? null : String(r.zoneId),
      staffId: String(r.staffId),
      staffName: String(r.staffName),
      startAt: new Date(r.startAt as string).toISOString(),
      endAt: new Date(r.endAt as string).toISOString(),
    };
  }
}
