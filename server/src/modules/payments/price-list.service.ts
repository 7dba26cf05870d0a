import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseYuan } from '@yizhan/shared';
import { canSeeTicket, requireCommunity, requireCommunityParam } from '../../common/access/access';
import type { AuthContext, RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { AppError, notFound } from '../../common/errors/app-error';
import { insertRow } from '../../database/plain-insert';
import { isDuplicateKey } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { Ticket } from '../tickets/ticket.entity';
import { PriceItem } from './payment.entities';
import type { CreatePriceItemDto, PriceImportResult, PriceItemList, PriceItemView, UpdatePriceItemDto } from './payments.dto';

const view = (i: PriceItem): PriceItemView => ({
  id: String(i.id),
  communityId: String(i.communityId),
  name: i.name,
  unit: i.unit,
  unitPriceFen: i.unitPriceFen,
  active: i.active,
});

/** Each community's materials price list (材料价目表): edited by admins, imported from Excel, read by whoever quotes. */
@Injectable()
export class PriceListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(auth: StaffAuth, communityId: string): Promise<PriceItemList> {
    requireCommunityParam(auth, communityId);
    const items = await this.dataSource.getRepository(PriceItem).find({ where: { communityId }, order: { name: 'ASC' } });
    return { items: items.map(view) };
  }

  /** The active items a quote for this request may use (technicians see their jobs' community only). */
  async forTicket(auth: AuthContext, ticketId: string): Promise<PriceItemList> {
    const ticket = await this.dataSource.getRepository(Ticket).findOne({ where: { id: ticketId } });
    if (!ticket || auth.kind !== 'staff' || !canSeeTicket(auth, ticket)) throw notFound();
    const items = await this.dataSource.getRepository(PriceItem).find({ where: { communityId: ticket.communityId, active: true }, order: { name: 'ASC' } });
    return { items: items.map(view) };
  }

  async create(auth: StaffAuth, meta: RequestMeta, dto: CreatePriceItemDto): Promise<PriceItemView> {
    requireCommunityParam(auth, dto.communityId);
    const now = new Date();
    const values = {
      communityId: dto.communityId,
      name: dto.name.trim(),
      unit: dto.unit.trim(),
      unitPriceFen: dto.unitPriceFen,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    let id: string;
    try {
      id = await insertRow(this.dataSource.manager, PriceItem, values);
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('ALREADY_EXISTS', `价目表中已有「${values.name}」`);
      throw e;
    }
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'price_item.create',
      targetType: 'price_item',
      targetId: id,
      detail: { name: values.name, unitPriceFen: values.unitPriceFen },
    });
    return view(this.dataSource.getRepository(PriceItem).create({ ...values, id }));
  }

  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: UpdatePriceItemDto): Promise<PriceItemView> {
    const repo = this.dataSource.getRepository(PriceItem);
    const item = await repo.findOne({ where: { id } });
    if (!item) throw notFound('价目');
    requireCommunity(auth, item.communityId, '价目');
    Object.assign(item, {
      ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
      ...(dto.unit !== undefined ? { unit: dto.unit.trim() } : {}),
      ...(dto.unitPriceFen !== undefined ? { unitPriceFen: dto.unitPriceFen } : {}),
      ...(dto.active !== undefined ? { active: dto.active } : {}),
      updatedAt: new Date(),
    });
    try {
      await repo.save(item, { reload: false });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('ALREADY_EXISTS', `价目表中已有「${item.name}」`);
      throw e;
    }
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'price_item.update', targetType: 'price_item', targetId: id, detail: { ...dto } });
    return view(item);
  }

  /**
   * Excel import: columns 名称, 单位, 单价（元）. A name already on the list gets the new unit
   * and price; bad rows are reported by row number and nothing is written while any is bad.
   */
  async import(auth: StaffAuth, meta: RequestMeta, communityId: string, rows: string[][]): Promise<PriceImportResult> {
    requireCommunityParam(auth, communityId);
    const errors: { row: number; message: string }[] = [];
    const parsed: { name: string; unit: string; unitPriceFen: number }[] = [];
    const seen = new Set<string>();
    const header = rows[0]?.map((c) => c.trim()) ?? [];
    const start = header[0] === '名称' ? 1 : 0;
    rows.slice(start).forEach((cells, i) => {
      const row = i + start + 1;
      const [name = '', unit = '', price = ''] = cells.map((c) => String(c ?? '').trim());
      if (!name && !unit && !price) return;
      if (!name || name.length > 60) return void errors.push({ row, message: '名称不能为空，最多 60 个字' });
      if (!unit || unit.length > 10) return void errors.push({ row, message: '单位不能为空，最多 10 个字' });
      const fen = parseYuan(price);
      if (fen === null) return void errors.push({ row, message: `单价「${price}」不是金额（元，最多两位小数）` });
      if (seen.has(name)) return void errors.push({ row, message: `「${name}」重复` });
      seen.add(name);
      parsed.push({ name, unit, unitPriceFen: fen });
    });
    if (errors.length || !parsed.length) {
      if (!parsed.length && !errors.length) errors.push({ row: 1, message: '文件中没有价目，请按「名称、单位、单价（元）」三列填写' });
      return { created: 0, updated: 0, errors };
    }
    let created = 0;
    let updated = 0;
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(PriceItem);
      const existing = new Map((await repo.find({ where: { communityId } })).map((i) => [i.name, i]));
      const now = new Date();
      for (const p of parsed) {
        const item = existing.get(p.name);
        if (item) {
          await repo.update({ id: item.id }, { unit: p.unit, unitPriceFen: p.unitPriceFen, active: true, updatedAt: now });
          updated++;
        } else {
          await insertRow(manager, PriceItem, { communityId, ...p, active: true, createdAt: now, updatedAt: now });
          created++;
        }
      }
      await this.audit.record(manager, auth, meta, {
        action: 'price_item.import',
        targetType: 'community',
        targetId: communityId,
        detail: { created, updated },
      });
    });
    return { created, updated, errors: [] };
  }
}
