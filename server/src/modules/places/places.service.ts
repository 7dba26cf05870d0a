import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LocationKind } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { requireCommunity } from '../../common/access/access';
import { AppError } from '../../common/errors/app-error';
import { isDuplicateKey } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { Building, Community, Zone } from '../communities/community.entities';
import { buildingLabel, zoneLabel } from '../communities/communities.service';
import { Place } from './place.entity';
import type { CreatePlaceDto, LocationInputDto, LocationOptions, PlaceImportResult, PlaceImportRow, PlaceView, UpdatePlaceDto } from './places.dto';

/** Where a request is, resolved and checked: what the ticket stores and routes by. */
export interface ResolvedLocation {
  kind: LocationKind;
  communityId: string;
  zoneId: string | null;
  roomId: string | null;
  buildingId: string | null;
  unit: string | null;
  placeId: string | null;
  /** "A1区 3栋 2单元 公共区域", "A1区 3栋", "A1区", "1号门岗" (a room: its own label). */
  label: string;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Header names of the spots sheet, Chinese or English. */
const HEADERS = { name: ['名称', '公共场所', '地点', 'name'], zone: ['分区', '区域', 'zone'], building: ['楼栋', 'building'] } as const;

/**
 * The named public spots of each community (公共场所: 1号门岗, 地下车库B1 …) and where a
 * request is: a room, a building, a unit's common area, a zone or a spot. Admins keep the
 * list (one by one or from an Excel sheet); everybody picks from it.
 */
@Injectable()
export class PlacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(auth: StaffAuth, communityId: string): Promise<{ items: PlaceView[] }> {
    requireCommunity(auth, communityId, '小区');
    const rows = await this.dataSource.getRepository(Place).find({ where: { communityId }, order: { active: 'DESC', name: 'ASC' } });
    return { items: rows.map(viewOf) };
  }

  async create(auth: StaffAuth, meta: RequestMeta, communityId: string, dto: CreatePlaceDto): Promise<PlaceView> {
    await this.requireCommunityRow(auth, communityId);
    return this.dataSource.transaction(async (manager) => {
      const { zoneId, buildingId } = await this.checkParents(manager, communityId, dto.zoneId ?? null, dto.buildingId ?? null);
      const values = { communityId, name: dto.name.trim(), zoneId, buildingId, active: true, createdAt: new Date() };
      const id = await this.insertUnique(manager, values);
      await this.audit.record(manager, auth, meta, { action: 'place.create', targetType: 'place', targetId: id, detail: { name: values.name } });
      return viewOf({ ...values, id } as Place);
    });
  }

  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: UpdatePlaceDto): Promise<PlaceView> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Place);
      const place = await repo.findOne({ where: { id } });
      if (!place) throw new AppError('NOT_FOUND', '公共场所不存在');
      requireCommunity(auth, place.communityId, '公共场所');
      const parents = await this.checkParents(
        manager,
        place.communityId,
        dto.zoneId !== undefined ? dto.zoneId : place.zoneId,
        dto.buildingId !== undefined ? dto.buildingId : place.buildingId,
      );
      const next = { ...place, ...parents, name: dto.name?.trim() ?? place.name, active: dto.active ?? place.active };
      try {
        await repo.update({ id }, { name: next.name, zoneId: next.zoneId, buildingId: next.buildingId, active: next.active });
      } catch (e) {
        if (isDuplicateKey(e)) throw new AppError('ALREADY_EXISTS', `本小区已有「${next.name}」`);
        throw e;
      }
      await this.audit.record(manager, auth, meta, {
        action: 'place.update',
        targetType: 'place',
        targetId: id,
        detail: { name: next.name, active: next.active },
      });
      return viewOf(next);
    });
  }

  /**
   * The spots from .xlsx or .csv: a header row with 名称 (required), 分区 and 楼栋. Every row
   * is checked first; with dryRun nothing is written; otherwise the valid rows are written
   * in one transaction (a spot of the same name is updated and made active again) and the
   * invalid ones are reported.
   */
  async import(auth: StaffAuth, meta: RequestMeta, communityId: string, table: string[][], dryRun: boolean): Promise<PlaceImportResult> {
    await this.requireCommunityRow(auth, communityId);
    const [header, ...body] = table;
    if (!header) throw new AppError('IMPORT_INVALID', '文件是空的，请使用模板填写');
    const names = header.map((h) =>
      String(h ?? '')
        .trim()
        .toLowerCase(),
    );
    const col = (keys: readonly string[]) => names.findIndex((h) => keys.includes(h));
    const at = { name: col(HEADERS.name), zone: col(HEADERS.zone), building: col(HEADERS.building) };
    if (at.name < 0) throw new AppError('IMPORT_INVALID', '缺少必需的列：名称（可参考导入模板）');
    const zones = await this.dataSource.getRepository(Zone).find({ where: { communityId } });
    const buildings = await this.dataSource.getRepository(Building).find({ where: { communityId } });
    const zoneByName = new Map<string, Zone>();
    for (const z of zones) zoneByName.set(z.name, z).set(zoneLabel(z.name), z);
    const buildingByName = new Map<string, Building>();
    for (const b of buildings) buildingByName.set(b.name, b).set(buildingLabel(b.name), b);

    const rows: PlaceImportRow[] = [];
    const valid: { name: string; zoneId: string | null; buildingId: string | null }[] = [];
    const seen = new Set<string>();
    body.forEach((cells, i) => {
      const cell = (idx: number) => (idx >= 0 ? String(cells[idx] ?? '').trim() : '');
      if (cells.every((c) => String(c ?? '').trim() === '')) return;
      const errors: string[] = [];
      const name = cell(at.name);
      if (!name) errors.push('名称不能为空');
      if (name.length > 50) errors.push('名称过长（最多 50 字）');
      if (seen.has(name)) errors.push('与前面的行重复');
      seen.add(name);
      const zoneName = cell(at.zone);
      const zone = zoneName ? (zoneByName.get(zoneName) ?? null) : null;
      if (zoneName && !zone) errors.push(`分区「${zoneName}」不存在，请先在小区中添加`);
      const buildingName = cell(at.building);
      const building = buildingName ? (buildingByName.get(buildingName) ?? null) : null;
      if (buildingName && !building) errors.push(`楼栋「${buildingName}」不存在`);
      if (zone && building?.zoneId && String(building.zoneId) !== String(zone.id)) errors.push(`楼栋「${buildingName}」不在分区「${zoneName}」`);
      rows.push({ line: i + 2, ok: errors.length === 0, errors, name: name || undefined });
      if (!errors.length) valid.push({ name, zoneId: str(zone?.id ?? building?.zoneId), buildingId: str(building?.id) });
    });

    let created = 0;
    let updated = 0;
    if (!dryRun && valid.length) {
      await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(Place);
        const existing = new Map((await repo.find({ where: { communityId } })).map((p) => [p.name, p] as const));
        for (const row of valid) {
          const found = existing.get(row.name);
          if (found) {
            await repo.update({ id: found.id }, { zoneId: row.zoneId, buildingId: row.buildingId, active: true });
            updated++;
          } else {
            await repo.insert({ communityId, ...row, active: true, createdAt: new Date() });
            created++;
          }
        }
        await this.audit.record(manager, auth, meta, {
          action: 'place.import',
          targetType: 'community',
          targetId: communityId,
          detail: { created, updated, failed: rows.length - valid.length },
        });
      });
    }
    return { dryRun, rows, created, updated, failed: rows.filter((r) => !r.ok).length };
  }

  /** The public areas of a community a request can be about: zones, buildings with their units, active spots. */
  async options(communityId: string): Promise<LocationOptions> {
    const m = this.dataSource.manager;
    if (!(await m.getRepository(Community).exists({ where: { id: communityId } }))) throw new AppError('NOT_FOUND', '小区不存在');
    const [zones, buildings, units, places] = await Promise.all([
      m.getRepository(Zone).find({ where: { communityId }, order: { name: 'ASC' } }),
      m.getRepository(Building).find({ where: { communityId }, order: { name: 'ASC' } }),
      m.query(`SELECT DISTINCT building_id AS buildingId, unit FROM rooms WHERE community_id = ? AND unit <> '' ORDER BY unit`, [communityId]) as Promise<
        { buildingId: string; unit: string }[]
      >,
      m.getRepository(Place).find({ where: { communityId, active: true }, order: { name: 'ASC' } }),
    ]);
    const zoneName = new Map(zones.map((z) => [String(z.id), z.name]));
    const unitsOf = new Map<string, string[]>();
    for (const u of units) unitsOf.set(String(u.buildingId), [...(unitsOf.get(String(u.buildingId)) ?? []), u.unit]);
    const byNumber = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh', { numeric: true });
    return {
      zones: zones.map((z) => ({ id: String(z.id), label: zoneLabel(z.name) })),
      buildings: [...buildings].sort(byNumber).map((b) => ({
        id: String(b.id),
        label: [b.zoneId ? zoneLabel(zoneName.get(String(b.zoneId)) ?? '') : null, buildingLabel(b.name)].filter(Boolean).join(' '),
        zoneId: str(b.zoneId),
        units: (unitsOf.get(String(b.id)) ?? []).sort((a, c) => a.localeCompare(c, 'zh', { numeric: true })),
      })),
      places: places.map((p) => ({ id: String(p.id), label: p.name, zoneId: str(p.zoneId) })),
    };
  }

  /**
   * Where a request is, checked and labelled. A room is read with its zone and building; a
   * public area must exist (a spot must be active) and carries the zone that routes it.
   * `communityId`, when given, must be the location's community.
   */
  async resolve(manager: EntityManager, input: LocationInputDto): Promise<ResolvedLocation> {
    const missing = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { [`location.${field}`]: ['required for this kind'] });
    const none = { roomId: null, buildingId: null, unit: null, placeId: null };
    switch (input.kind) {
      case 'room': {
        if (!input.roomId) throw missing('roomId', '请选择房屋');
        const [room]: { communityId: string; zoneId: string | null; buildingId: string; unit: string; label: string }[] = await manager.query(
          'SELECT community_id AS communityId, zone_id AS zoneId, building_id AS buildingId, unit, label FROM rooms WHERE id = ?',
          [input.roomId],
        );
        if (!room) throw new AppError('VALIDATION_FAILED', '房屋不存在，请重新选择', { roomId: ['no such room'] });
        return {
          kind: 'room',
          communityId: String(room.communityId),
          zoneId: str(room.zoneId),
          ...none,
          roomId: input.roomId,
          buildingId: String(room.buildingId),
          unit: room.unit || null,
          label: room.label,
        };
      }
      case 'building':
      case 'unit': {
        if (!input.buildingId) throw missing('buildingId', '请选择楼栋');
        if (input.kind === 'unit' && !input.unit?.trim()) throw missing('unit', '请选择单元');
        const building = await manager.getRepository(Building).findOne({ where: { id: input.buildingId } });
        if (!building) throw new AppError('VALIDATION_FAILED', '楼栋不存在，请重新选择', { 'location.buildingId': ['no such building'] });
        const zone = building.zoneId ? await manager.getRepository(Zone).findOne({ where: { id: building.zoneId } }) : null;
        const unit = input.kind === 'unit' ? input.unit!.trim().replace(/单元$/, '') : null;
        const label = [zone ? zoneLabel(zone.name) : null, buildingLabel(building.name), unit ? `${unit}单元 公共区域` : null].filter(Boolean).join(' ');
        return {
          kind: input.kind,
          communityId: String(building.communityId),
          zoneId: str(building.zoneId),
          ...none,
          buildingId: String(building.id),
          unit,
          label,
        };
      }
      case 'zone': {
        if (!input.zoneId) throw missing('zoneId', '请选择区域');
        const zone = await manager.getRepository(Zone).findOne({ where: { id: input.zoneId } });
        if (!zone) throw new AppError('VALIDATION_FAILED', '区域不存在，请重新选择', { 'location.zoneId': ['no such zone'] });
        return { kind: 'zone', communityId: String(zone.communityId), zoneId: String(zone.id), ...none, label: `${zoneLabel(zone.name)} 公共区域` };
      }
      case 'place': {
        if (!input.placeId) throw missing('placeId', '请选择公共场所');
        const place = await manager.getRepository(Place).findOne({ where: { id: input.placeId } });
        if (!place || !place.active) throw new AppError('VALIDATION_FAILED', '该公共场所不存在或已停用，请重新选择', { 'location.placeId': ['no such place'] });
        return {
          kind: 'place',
          communityId: String(place.communityId),
          zoneId: str(place.zoneId),
          ...none,
          buildingId: str(place.buildingId),
          placeId: String(place.id),
          label: place.name,
        };
      }
    }
  }

  private async requireCommunityRow(auth: StaffAuth, communityId: string): Promise<void> {
    requireCommunity(auth, communityId, '小区');
    if (!(await this.dataSource.getRepository(Community).exists({ where: { id: communityId } }))) throw new AppError('NOT_FOUND', '小区不存在');
  }

  /** A spot's zone and building must be the community's; a building's zone wins when only the building is named. */
  private async checkParents(
    manager: EntityManager,
    communityId: string,
    zoneId: string | null,
    buildingId: string | null,
  ): Promise<{ zoneId: string | null; buildingId: string | null }> {
    if (zoneId && !(await manager.getRepository(Zone).exists({ where: { id: zoneId, communityId } }))) {
      throw new AppError('VALIDATION_FAILED', '所选区域不属于该小区', { zoneId: ['unknown zone'] });
    }
    if (!buildingId) return { zoneId, buildingId: null };
    const building = await manager.getRepository(Building).findOne({ where: { id: buildingId, communityId } });
    if (!building) throw new AppError('VALIDATION_FAILED', '所选楼栋不属于该小区', { buildingId: ['unknown building'] });
    if (zoneId && building.zoneId && String(building.zoneId) !== String(zoneId))
      throw new AppError('VALIDATION_FAILED', '所选楼栋不在该区域', { buildingId: ['not in the zone'] });
    return { zoneId: zoneId ?? str(building.zoneId), buildingId };
  }

  private async insertUnique(manager: EntityManager, values: Omit<Place, 'id'>): Promise<string> {
    try {
      const result = await manager.getRepository(Place).insert(values);
      return String(result.identifiers[0]!.id);
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('ALREADY_EXISTS', `本小区已有「${values.name}」`);
      throw e;
    }
  }
}

function viewOf(p: Place): PlaceView {
  return {
    id: String(p.id),
    communityId: String(p.communityId),
    name: p.name,
    zoneId: str(p.zoneId),
    buildingId: str(p.buildingId),
    active: Boolean(p.active),
  };
}
