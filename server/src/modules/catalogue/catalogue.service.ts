import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { fromLocalDateTime } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { requireCommunity, requireCommunityParam } from '../../common/access/access';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { Ticket } from '../tickets/ticket.entity';
import type { CreateServiceItemDto, ServiceItemView, SlotView, UpdateServiceItemDto } from './catalogue.dto';
import { ServiceItem } from './service-item.entity';
import { rowLock } from '../../database/sql';

/** Bookable hours in Asia/Shanghai, and how far ahead residents can book. */
const OPENING_HOUR = 9;
const CLOSING_HOUR = 18;
const BOOKING_HORIZON_DAYS = 14;

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listActive(communityId: string): Promise<ServiceItemView[]> {
    const rows = await this.dataSource.getRepository(ServiceItem).find({ where: { communityId, active: true }, order: { id: 'ASC' } });
    return rows.map(view);
  }

  async listAll(auth: StaffAuth, communityId: string): Promise<ServiceItemView[]> {
    requireCommunityParam(auth, communityId);
    const rows = await this.dataSource.getRepository(ServiceItem).find({ where: { communityId }, order: { id: 'ASC' } });
    return rows.map(view);
  }

  async create(auth: StaffAuth, meta: RequestMeta, dto: CreateServiceItemDto): Promise<ServiceItemView> {
    requireCommunityParam(auth, dto.communityId);
    const values = { ...dto, description: dto.description ?? null, active: true, createdAt: new Date() };
    const result = await this.dataSource.getRepository(ServiceItem).insert(values);
    const id = String(result.identifiers[0]!.id);
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'service_item.create',
      targetType: 'service_item',
      targetId: id,
      detail: { ...dto },
    });
    return view({ ...values, id } as ServiceItem);
  }

  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: UpdateServiceItemDto): Promise<ServiceItemView> {
    const repo = this.dataSource.getRepository(ServiceItem);
    const item = await repo.findOne({ where: { id } });
    if (!item) throw new AppError('NOT_FOUND', '服务项目不存在');
    requireCommunity(auth, item.communityId, '服务项目');
    // An empty PATCH changes nothing (TypeORM refuses an UPDATE without values).
    if (Object.values(dto).some((v) => v !== undefined)) await repo.update({ id }, dto);
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'service_item.update',
      targetType: 'service_item',
      targetId: id,
      detail: { ...dto },
    });
    return view(await repo.findOneByOrFail({ id }));
  }

  async requireBookable(manager: EntityManager, communityId: string, serviceItemId: string): Promise<ServiceItem> {
    const item = await manager.getRepository(ServiceItem).findOne({ where: { id: serviceItemId, communityId, active: true } });
    if (!item) throw new AppError('VALIDATION_FAILED', '该服务项目不存在或已下架', { serviceItemId: ['no such active service in this community'] });
    return item;
  }

  /** The day's slots (Asia/Shanghai opening hours, each `durationMin` long) with what is left of each. */
  async slots(serviceItemId: string, date: string, now = new Date()): Promise<SlotView[]> {
    const item = await this.dataSource.getRepository(ServiceItem).findOne({ where: { id: serviceItemId, active: true } });
    if (!item) throw new AppError('NOT_FOUND', '服务项目不存在');
    const starts = slotStarts(item, date);
    if (!starts) throw new AppError('VALIDATION_FAILED', '日期无效', { date: ['not a calendar date'] });
    const booked = await this.bookedCounts(this.dataSource.manager, item.id, starts[0] ?? now, starts[starts.length - 1] ?? now);
    return starts
      .filter((start) => start.getTime() > now.getTime())
      .map((start) => ({
        start: start.toISOString(),
        end: new Date(start.getTime() + item.durationMin * 60_000).toISOString(),
        remaining: Math.max(0, item.slotCapacity - (booked.get(start.getTime()) ?? 0)),
      }));
  }

  /**
   * Called inside the ticket's transaction with the service item row locked, so two
   * residents cannot both take the last place of a slot.
   */
  async reserveSlot(manager: EntityManager, item: ServiceItem, slotStart: Date, now: Date): Promise<void> {
    const local = new Date(slotStart.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const valid = slotStarts(item, local)?.some((s) => s.getTime() === slotStart.getTime());
    if (!valid) throw new AppError('SLOT_INVALID', '请选择列表中的预约时段');
    if (slotStart.getTime() <= now.getTime()) throw new AppError('SLOT_INVALID', '该时段已过，请选择其他时段');
    if (slotStart.getTime() > now.getTime() + BOOKING_HORIZON_DAYS * 86400_000) {
      throw new AppError('SLOT_INVALID', `最多可预约 ${BOOKING_HORIZON_DAYS} 天内的时段`);
    }
    await manager.getRepository(ServiceItem).findOne({ where: { id: item.id }, lock: rowLock(manager) });
    const booked = await manager.getRepository(Ticket).count({ where: { serviceItemId: item.id, slotStart, status: Not('cancelled') } });
    if (booked >= item.slotCapacity) throw new AppError('SLOT_FULL', '该时段已约满，请选择其他时段');
  }

  private async bookedCounts(manager: EntityManager, serviceItemId: string, from: Date, to: Date): Promise<Map<number, number>> {
    const rows = await manager
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .select('t.slot_start', 'slotStart')
      .addSelect('COUNT(*)', 'n')
      .where('t.service_item_id = :serviceItemId', { serviceItemId })
      .andWhere('t.slot_start BETWEEN :from AND :to', { from, to })
      .andWhere("t.status <> 'cancelled'")
      .groupBy('t.slot_start')
      .getRawMany<{ slotStart: Date | string; n: string }>();
    return new Map(rows.map((r) => [new Date(r.slotStart).getTime(), Number(r.n)]));
  }
}

function slotStarts(item: ServiceItem, date: string): Date[] | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const starts: Date[] = [];
  for (let minute = OPENING_HOUR * 60; minute + item.durationMin <= CLOSING_HOUR * 60; minute += item.durationMin) {
    starts.push(fromLocalDateTime({ year, month, day, hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }));
  }
  return starts;
}

function view(item: ServiceItem): ServiceItemView {
  return {
    id: String(item.id),
    communityId: String(item.communityId),
    name: item.name,
    description: item.description,
    price: Number(item.price),
    durationMin: item.durationMin,
    slotCapacity: item.slotCapacity,
    active: item.active,
  };
}
