import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isMobilePhone, maskPhone, normalizePhone } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { communityScope, requireCommunity } from '../../common/access/access';
import { AppError } from '../../common/errors/app-error';
import { PageQuery, PageResult, keysetPage, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { FieldCrypto } from '../crypto/field-crypto.service';
import { normalizeName } from '../residents/residents.service';
import { Building, Community, Room, Zone } from './community.entities';
import type { BuildingView, CommunityView, CreateRoomDto, RoomImportResult, RoomImportRow, RoomOptionView, RoomView, ZoneView } from './dto/community.dto';
import { isDuplicateKey } from '../../database/sql';

/** "A1" → "A1区"; a name that already says 区 is kept. */
const zoneLabel = (name: string) => (name.endsWith('区') ? name : `${name}区`);
const buildingLabel = (name: string) => (/[栋幢座楼]$/.test(name) ? name : `${name}栋`);

export function roomLabel(zoneName: string | null, buildingName: string, unit: string, number: string): string {
  return [zoneName ? zoneLabel(zoneName) : null, buildingLabel(buildingName), unit ? `${unit}单元` : null, number].filter(Boolean).join(' ');
}

/** Scoped list of one community's children (zones, buildings): same shape, same checks. */
type Child = 'zone' | 'building';

@Injectable()
export class CommunitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
  ) {}

  // ---- for residents (binding picker) ----
  async publicList(): Promise<{ items: { id: string; name: string }[] }> {
    const rows = await this.dataSource.getRepository(Community).find({ order: { id: 'ASC' }, take: 500 });
    return { items: rows.map((c) => ({ id: String(c.id), name: c.name })) };
  }

  async roomOptions(communityId: string, q: string | undefined): Promise<{ items: RoomOptionView[] }> {
    const qb = this.dataSource
      .getRepository(Room)
      .createQueryBuilder('r')
      .select(['r.id', 'r.label'])
      .where('r.community_id = :communityId', { communityId })
      .orderBy('r.label', 'ASC')
      .limit(50);
    // Every word must appear: "3栋 1201" finds "A1区 3栋 2单元 1201".
    for (const [i, word] of (q ?? '').split(/\s+/).filter(Boolean).slice(0, 5).entries()) {
      qb.andWhere(`r.label LIKE :w${i}`, { [`w${i}`]: `%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    }
    const rows = await qb.getMany();
    return { items: rows.map((r) => ({ id: String(r.id), label: r.label })) };
  }

  // ---- admin ----
  async list(auth: StaffAuth, query: PageQuery): Promise<PageResult<CommunityView>> {
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource
      .getRepository(Community)
      .createQueryBuilder('c')
      .orderBy('c.id', 'ASC')
      .limit(limit + 1);
    const scope = communityScope(auth);
    if (scope !== 'all') qb.andWhere('c.id IN (:...scope)', { scope: scope.length ? scope : ['0'] });
    if (cursor) qb.andWhere('c.id > :after', { after: cursor[0] });
    const rows = await qb.getMany();
    return this.page(rows, limit, (c) => ({ id: String(c.id), name: c.name, address: c.address }));
  }

  async create(auth: StaffAuth, meta: RequestMeta, dto: { name: string; address?: string | null }): Promise<CommunityView> {
    const result = await this.dataSource.getRepository(Community).insert({ name: dto.name.trim(), address: dto.address ?? null, createdAt: new Date() });
    const id = String(result.identifiers[0]!.id);
    await this.audit.record(this.dataSource.manager, auth, meta, {
      action: 'community.create',
      targetType: 'community',
      targetId: id,
      detail: { name: dto.name },
    });
    return { id, name: dto.name.trim(), address: dto.address ?? null };
  }

  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: { name?: string; address?: string | null }): Promise<CommunityView> {
    const repo = this.dataSource.getRepository(Community);
    const community = await this.requireCommunityRow(auth, id);
    if (dto.name !== undefined) community.name = dto.name.trim();
    if (dto.address !== undefined) community.address = dto.address;
    await repo.update({ id }, { name: community.name, address: community.address });
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'community.update', targetType: 'community', targetId: id, detail: { ...dto } });
    return { id: String(community.id), name: community.name, address: community.address };
  }

  async listChildren(auth: StaffAuth, communityId: string, kind: Child): Promise<PageResult<ZoneView | BuildingView>> {
    await this.requireCommunityRow(auth, communityId);
    if (kind === 'zone') {
      const zones = await this.dataSource.getRepository(Zone).find({ where: { communityId }, order: { id: 'ASC' } });
      return { items: zones.map((z) => this.zoneView(z)), nextCursor: null };
    }
    const buildings = await this.dataSource.getRepository(Building).find({ where: { communityId }, order: { id: 'ASC' } });
    return { items: buildings.map((b) => this.buildingView(b)), nextCursor: null };
  }

  async createZone(auth: StaffAuth, meta: RequestMeta, communityId: string, name: string): Promise<ZoneView> {
    await this.requireCommunityRow(auth, communityId);
    const zone = { communityId, name: name.trim(), createdAt: new Date() };
    const result = await this.insertUnique(this.dataSource.manager, Zone, zone, '该小区已有同名分区');
    const id = String(result);
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'zone.create', targetType: 'zone', targetId: id, detail: { communityId, name } });
    return { id, communityId: String(communityId), name: zone.name };
  }

  async createBuilding(auth: StaffAuth, meta: RequestMeta, communityId: string, dto: { name: string; zoneId?: string | null }): Promise<BuildingView> {
    await this.requireCommunityRow(auth, communityId);
    if (dto.zoneId) await this.requireZone(this.dataSource.manager, communityId, dto.zoneId);
    const building = { communityId, zoneId: dto.zoneId ?? null, name: dto.name.trim(), createdAt: new Date() };
    const id = String(await this.insertUnique(this.dataSource.manager, Building, building, '该小区已有同名楼栋'));
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'building.create', targetType: 'building', targetId: id, detail: { ...dto } });
    return { id, communityId: String(communityId), zoneId: building.zoneId, name: building.name };
  }

  async listRooms(auth: StaffAuth, communityId: string, query: PageQuery & { q?: string; buildingId?: string }): Promise<PageResult<RoomView>> {
    await this.requireCommunityRow(auth, communityId);
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource.getRepository(Room).createQueryBuilder('r').where('r.community_id = :communityId', { communityId });
    if (query.buildingId) qb.andWhere('r.building_id = :buildingId', { buildingId: query.buildingId });
    if (query.q) qb.andWhere('r.label LIKE :q', { q: `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    if (cursor) qb.andWhere('r.id > :after', { after: cursor[0] });
    const rows = await qb
      .orderBy('r.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return this.page(rows, limit, (r) => this.roomView(r));
  }

  async createRoom(auth: StaffAuth, meta: RequestMeta, communityId: string, dto: CreateRoomDto): Promise<RoomView> {
    await this.requireCommunityRow(auth, communityId);
    return this.dataSource.transaction(async (manager) => {
      const building = await manager.getRepository(Building).findOne({ where: { id: dto.buildingId, communityId } });
      if (!building) throw new AppError('VALIDATION_FAILED', '楼栋不存在', { buildingId: ['no such building in this community'] });
      const roster = this.roster(dto.ownerName, dto.ownerPhone);
      const zone = building.zoneId ? await manager.getRepository(Zone).findOne({ where: { id: building.zoneId } }) : null;
      const room = {
        communityId,
        buildingId: building.id,
        zoneId: building.zoneId,
        unit: (dto.unit ?? '').trim(),
        number: dto.number.trim(),
        label: roomLabel(zone?.name ?? null, building.name, (dto.unit ?? '').trim(), dto.number.trim()),
        ...roster,
        createdAt: new Date(),
      };
      const id = String(await this.insertUnique(manager, Room, room, '该房屋已存在'));
      await this.audit.record(manager, auth, meta, { action: 'room.create', targetType: 'room', targetId: id, detail: { label: room.label } });
      return this.roomView({ ...room, id } as Room);
    });
  }

  async updateRoom(
    auth: StaffAuth,
    meta: RequestMeta,
    communityId: string,
    roomId: string,
    dto: { ownerName?: string; ownerPhone?: string },
  ): Promise<RoomView> {
    await this.requireCommunityRow(auth, communityId);
    const repo = this.dataSource.getRepository(Room);
    const room = await repo.findOne({ where: { id: roomId, communityId } });
    if (!room) throw new AppError('NOT_FOUND', '房屋不存在');
    const current = { name: this.crypto.decrypt(room.ownerNameEnc), phone: this.crypto.decrypt(room.ownerPhoneEnc) };
    const roster = this.roster(dto.ownerName ?? current.name ?? undefined, dto.ownerPhone ?? current.phone ?? undefined);
    await repo.update({ id: roomId }, roster);
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'room.update_roster', targetType: 'room', targetId: roomId });
    return this.roomView({ ...room, ...roster });
  }

  /**
   * Roster import from .xlsx or .csv. Columns (header row, Chinese or English):
   * 分区/zone, 楼栋/building, 单元/unit, 房号/room, 业主姓名/owner_name, 业主电话/owner_phone.
   * Every row is checked first; with dryRun nothing is written. Otherwise valid rows are
   * written in one transaction (buildings created as needed, rooms upserted by
   * building+unit+number) and invalid rows are reported, not half-applied.
   */
  async importRooms(auth: StaffAuth, meta: RequestMeta, communityId: string, table: string[][], dryRun: boolean): Promise<RoomImportResult> {
    await this.requireCommunityRow(auth, communityId);
    const [header, ...body] = table;
    if (!header) throw new AppError('IMPORT_INVALID', '文件是空的，请使用模板填写');
    const col = columnIndex(header);
    if (col.building < 0 || col.number < 0) {
      throw new AppError('IMPORT_INVALID', '缺少必需的列：楼栋、房号（可参考导入模板）');
    }
    const zones = await this.dataSource.getRepository(Zone).find({ where: { communityId } });
    const zoneByName = new Map(zones.map((z) => [z.name, z] as const));
    for (const z of zones) zoneByName.set(zoneLabel(z.name), z);

    const rows: RoomImportRow[] = [];
    const valid: { line: number; zone: Zone | null; building: string; unit: string; number: string; name?: string; phone?: string }[] = [];
    const seen = new Set<string>();
    body.forEach((cells, i) => {
      const line = i + 2;
      const cell = (idx: number) => (idx >= 0 ? String(cells[idx] ?? '').trim() : '');
      if (cells.every((c) => String(c ?? '').trim() === '')) return;
      const errors: string[] = [];
      const zoneName = cell(col.zone);
      const zone = zoneName ? (zoneByName.get(zoneName) ?? null) : null;
      if (zoneName && !zone) errors.push(`分区「${zoneName}」不存在，请先在小区中添加`);
      const building = cell(col.building);
      const number = cell(col.number);
      const unit = cell(col.unit);
      if (!building) errors.push('楼栋不能为空');
      if (!number) errors.push('房号不能为空');
      if (building.length > 50 || number.length > 20 || unit.length > 20) errors.push('楼栋/单元/房号过长');
      const name = cell(col.ownerName) || undefined;
      const rawPhone = cell(col.ownerPhone);
      const phone = rawPhone ? normalizePhone(rawPhone) : null;
      if (rawPhone && (!phone || !isMobilePhone(phone))) errors.push(`业主电话「${rawPhone}」不是有效的手机号`);
      if (name && name.length > 30) errors.push('业主姓名过长');
      const key = `${building}|${unit}|${number}`;
      if (seen.has(key)) errors.push('与前面的行重复');
      seen.add(key);
      const label = roomLabel(zone?.name ?? null, building, unit, number);
      rows.push({ line, ok: errors.length === 0, errors, label });
      if (!errors.length) valid.push({ line, zone, building, unit, number, name, phone: phone ?? undefined });
    });

    let created = 0;
    let updated = 0;
    if (!dryRun && valid.length) {
      await this.dataSource.transaction(async (manager) => {
        const buildingRepo = manager.getRepository(Building);
        const roomRepo = manager.getRepository(Room);
        const buildings = new Map((await buildingRepo.find({ where: { communityId } })).map((b) => [b.name, b] as const));
        for (const row of valid) {
          let building = buildings.get(row.building);
          if (!building) {
            const result = await buildingRepo.insert({ communityId, zoneId: row.zone?.id ?? null, name: row.building, createdAt: new Date() });
            building = { id: String(result.identifiers[0]!.id), communityId, zoneId: row.zone?.id ?? null, name: row.building } as Building;
            buildings.set(row.building, building);
          }
          const zoneName = building.zoneId ? (zones.find((z) => String(z.id) === String(building!.zoneId))?.name ?? null) : null;
          const roster = this.roster(row.name, row.phone);
          const existing = await roomRepo.findOne({ where: { buildingId: building.id, unit: row.unit, number: row.number } });
          if (existing) {
            await roomRepo.update({ id: existing.id }, roster);
            updated++;
          } else {
            await roomRepo.insert({
              communityId,
              buildingId: building.id,
              zoneId: building.zoneId,
              unit: row.unit,
              number: row.number,
              label: roomLabel(zoneName, building.name, row.unit, row.number),
              ...roster,
              createdAt: new Date(),
            });
            created++;
          }
        }
        await this.audit.record(manager, auth, meta, {
          action: 'room.import',
          targetType: 'community',
          targetId: communityId,
          detail: { created, updated, failed: rows.length - valid.length },
        });
      });
    }
    return { dryRun, rows, created, updated, failed: rows.filter((r) => !r.ok).length };
  }

  async requireCommunityRow(auth: StaffAuth, id: string): Promise<Community> {
    requireCommunity(auth, id, '小区');
    const community = await this.dataSource.getRepository(Community).findOne({ where: { id } });
    if (!community) throw new AppError('NOT_FOUND', '小区不存在');
    return community;
  }

  async requireZone(manager: EntityManager, communityId: string, zoneId: string): Promise<Zone> {
    const zone = await manager.getRepository(Zone).findOne({ where: { id: zoneId, communityId } });
    if (!zone) throw new AppError('VALIDATION_FAILED', '分区不存在', { zoneId: ['no such zone in this community'] });
    return zone;
  }

  private roster(name: string | undefined, phone: string | undefined) {
    const normalizedPhone = phone ? normalizePhone(phone) : null;
    if (phone && (!normalizedPhone || !isMobilePhone(normalizedPhone))) {
      throw new AppError('VALIDATION_FAILED', '业主电话不是有效的手机号', { ownerPhone: ['must be a mainland mobile number'] });
    }
    const normalizedName = name ? normalizeName(name) : null;
    return {
      ownerNameEnc: this.crypto.encrypt(normalizedName || null),
      ownerNameHash: this.crypto.lookupHash(normalizedName),
      ownerPhoneEnc: this.crypto.encrypt(normalizedPhone),
      ownerPhoneHash: this.crypto.lookupHash(normalizedPhone),
    };
  }

  private async insertUnique(manager: EntityManager, entity: Function, values: object, duplicateMessage: string): Promise<string> {
    try {
      const result = await manager.getRepository(entity).insert(values);
      return String(result.identifiers[0]!.id);
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('ALREADY_EXISTS', duplicateMessage);
      throw e;
    }
  }

  private zoneView(z: Zone): ZoneView {
    return { id: String(z.id), communityId: String(z.communityId), name: z.name };
  }
  private buildingView(b: Building): BuildingView {
    return { id: String(b.id), communityId: String(b.communityId), zoneId: b.zoneId === null ? null : String(b.zoneId), name: b.name };
  }
  roomView(r: Room): RoomView {
    return {
      id: String(r.id),
      communityId: String(r.communityId),
      buildingId: String(r.buildingId),
      zoneId: r.zoneId === null ? null : String(r.zoneId),
      unit: r.unit,
      number: r.number,
      label: r.label,
      ownerName: this.crypto.decrypt(r.ownerNameEnc),
      ownerPhoneMasked: maskPhone(this.crypto.decrypt(r.ownerPhoneEnc)),
    };
  }

  private page<T extends { id: string }, V>(rows: T[], limit: number, view: (row: T) => V): PageResult<V> {
    const { page, nextCursor } = keysetPage(rows, limit);
    return { items: page.map(view), nextCursor };
  }
}

const HEADERS = {
  zone: ['分区', '区', 'zone'],
  building: ['楼栋', '楼号', '栋', 'building'],
  unit: ['单元', 'unit'],
  number: ['房号', '房间号', '门牌号', 'room', 'number'],
  ownerName: ['业主姓名', '姓名', '业主', 'owner_name', 'ownername'],
  ownerPhone: ['业主电话', '联系电话', '电话', '手机号', 'owner_phone', 'ownerphone'],
};
function columnIndex(header: string[]): Record<keyof typeof HEADERS, number> {
  const normalized = header.map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const find = (names: string[]) => normalized.findIndex((h) => names.includes(h));
  return {
    zone: find(HEADERS.zone),
    building: find(HEADERS.building),
    unit: find(HEADERS.unit),
    number: find(HEADERS.number),
    ownerName: find(HEADERS.ownerName),
    ownerPhone: find(HEADERS.ownerPhone),
  };
}
