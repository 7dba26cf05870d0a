import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { OPEN_STATUSES, StaffRole, isMobilePhone, maskPhone, normalizePhone } from '@yizhan/shared';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { communityScope, inCommunity } from '../../common/access/access';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { PageResult, keysetPage, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/auth.service';
import { Community } from '../communities/community.entities';
import { FieldCrypto } from '../crypto/field-crypto.service';
import { Ticket } from '../tickets/ticket.entity';
import type { CreateStaffDto, StaffQuery, StaffView, UpdateStaffDto } from './dto/staff.dto';
import { Staff, StaffCommunity } from './staff.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { StaffWechatBinding } from '../auth/staff-wechat-binding.entity';
import { inCommaList, isDuplicateKey, rowLock } from '../../database/sql';

@Injectable()
export class StaffService implements OnApplicationBootstrap {
  private readonly logger = new Logger('StaffService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
  ) {}

  /** API.md "Bootstrap": with no staff at all, create the admin from ADMIN_USERNAME / ADMIN_PASSWORD. */
  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin();
  }

  async bootstrapAdmin(): Promise<void> {
    const repo = this.dataSource.getRepository(Staff);
    if ((await repo.count()) > 0) return;
    if (!this.config.adminPassword) {
      this.logger.warn('no staff account exists and ADMIN_PASSWORD is not set: nobody can sign in to the admin pages');
      return;
    }
    try {
      await repo.insert({
        username: this.config.adminUsername,
        passwordHash: await hashPassword(this.config.adminPassword),
        name: '系统管理员',
        roles: ['admin'],
        skills: [],
        active: true,
        createdAt: new Date(),
      });
      this.logger.log(`created the first admin account "${this.config.adminUsername}"`);
    } catch (e) {
      // Another instance starting at the same moment created it.
      if (!isDuplicateKey(e)) throw e;
    }
  }

  async list(auth: StaffAuth, query: StaffQuery): Promise<PageResult<StaffView>> {
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource
      .getRepository(Staff)
      .createQueryBuilder('s')
      .orderBy('s.id', 'ASC')
      .limit(limit + 1);
    const scope = communityScope(auth);
    const communities = query.communityId ? [query.communityId] : scope === 'all' ? null : scope;
    if (query.communityId && !inCommunity(auth, query.communityId)) throw new AppError('FORBIDDEN', '您不属于该小区，无法查看');
    if (communities) {
      qb.andWhere('s.id IN (SELECT sc.staff_id FROM staff_communities sc WHERE sc.community_id IN (:...communities))', {
        communities: communities.length ? communities : ['0'],
      });
    }
    if (query.role) qb.andWhere(inCommaList(this.dataSource, ':role', 's.roles'), { role: query.role });
    if (query.q) qb.andWhere('(s.name LIKE :q OR s.username LIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    if (cursor) qb.andWhere('s.id > :after', { after: cursor[0] });
    const { page, nextCursor } = keysetPage(await qb.getMany(), limit);
    return { items: await this.views(this.dataSource.manager, page), nextCursor };
  }

  async create(auth: StaffAuth, meta: RequestMeta, dto: CreateStaffDto): Promise<StaffView> {
    const phone = this.phone(dto.phone);
    return this.dataSource.transaction(async (manager) => {
      await this.requireCommunities(manager, dto.communityIds);
      let id: string;
      try {
        const result = await manager.getRepository(Staff).insert({
          username: dto.username,
          passwordHash: await hashPassword(dto.password),
          name: dto.name.trim(),
          phoneEnc: this.crypto.encrypt(phone),
          phoneHash: this.crypto.lookupHash(phone),
          roles: dto.roles,
          skills: dto.skills ?? [],
          active: true,
          createdAt: new Date(),
        });
        id = String(result.identifiers[0]!.id);
      } catch (e) {
        if (isDuplicateKey(e)) throw new AppError('ALREADY_EXISTS', '用户名已被使用');
        throw e;
      }
      await this.setCommunities(manager, id, dto.communityIds);
      await this.audit.record(manager, auth, meta, {
        action: 'staff.create',
        targetType: 'staff',
        targetId: id,
        detail: { username: dto.username, roles: dto.roles, communityIds: dto.communityIds },
      });
      const staff = await manager.getRepository(Staff).findOneByOrFail({ id });
      return (await this.views(manager, [staff]))[0]!;
    });
  }

  async update(auth: StaffAuth, meta: RequestMeta, id: string, dto: UpdateStaffDto): Promise<StaffView> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Staff);
      const staff = await repo.findOne({ where: { id }, lock: rowLock(repo.manager) });
      if (!staff) throw new AppError('NOT_FOUND', '员工不存在');
      if (String(staff.id) === auth.staffId && (dto.active === false || (dto.roles && !dto.roles.includes('admin')))) {
        throw new AppError('INVALID_TRANSITION', '不能停用自己的账号或移除自己的管理员角色');
      }
      const changes: Partial<Staff> = {};
      if (dto.name !== undefined) changes.name = dto.name.trim();
      if (dto.roles !== undefined) changes.roles = dto.roles;
      if (dto.skills !== undefined) changes.skills = dto.skills;
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.password !== undefined) Object.assign(changes, { passwordHash: await hashPassword(dto.password), failedLogins: 0, lockedUntil: null });
      if (dto.phone !== undefined) {
        const phone = this.phone(dto.phone);
        Object.assign(changes, { phoneEnc: this.crypto.encrypt(phone), phoneHash: this.crypto.lookupHash(phone) });
      }
      const communitiesBefore = dto.communityIds
        ? (await manager.getRepository(StaffCommunity).find({ where: { staffId: id } })).map((l) => String(l.communityId))
        : [];
      const accessChanged =
        (dto.active !== undefined && dto.active !== staff.active) ||
        (dto.roles !== undefined && !sameSet(dto.roles, staff.roles)) ||
        (dto.communityIds !== undefined && !sameSet(dto.communityIds.map(String), communitiesBefore)) ||
        dto.password !== undefined;
      // Tokens already issued stop working at once (the auth guard compares the version).
      if (accessChanged) Object.assign(changes, { accessVersion: staff.accessVersion + 1 });
      if (Object.keys(changes).length) await repo.update({ id }, changes);
      if (dto.communityIds) {
        await this.requireCommunities(manager, dto.communityIds);
        await manager.getRepository(StaffCommunity).delete({ staffId: id });
        await this.setCommunities(manager, id, dto.communityIds);
      }
      // Deactivated or given a new password: every session ends, refresh tokens included,
      // so nobody holding an old one can sign in again (nor after a later reactivation).
      if (dto.active === false || dto.password !== undefined) {
        await manager.getRepository(RefreshToken).update({ staffId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
        // …and the mini-program's staff side asks for the username and password again.
        await manager.getRepository(StaffWechatBinding).delete({ staffId: id });
      }
      const { password: _omit, ...logged } = dto;
      await this.audit.record(manager, auth, meta, {
        action: 'staff.update',
        targetType: 'staff',
        targetId: id,
        detail: { ...logged, passwordChanged: dto.password !== undefined },
      });
      return (await this.views(manager, [await repo.findOneByOrFail({ id })]))[0]!;
    });
  }

  /** An admin ends the binding of an account to a WeChat user (a lost phone, a shared one). */
  async unbindWechat(auth: StaffAuth, meta: RequestMeta, id: string): Promise<StaffView> {
    return this.dataSource.transaction(async (manager) => {
      const staff = await manager.getRepository(Staff).findOne({ where: { id } });
      if (!staff) throw new AppError('NOT_FOUND', '员工不存在');
      const removed = await manager.getRepository(StaffWechatBinding).delete({ staffId: id });
      if (removed.affected) {
        await this.audit.record(manager, auth, meta, { action: 'staff.wechat_unbind', targetType: 'staff', targetId: id });
      }
      return (await this.views(manager, [staff]))[0]!;
    });
  }

  /** An active staff member of the community with one of the roles, or null. */
  async findActiveIn(manager: EntityManager, communityId: string, staffId: string, roles: StaffRole[]): Promise<Staff | null> {
    const staff = await manager.getRepository(Staff).findOne({ where: { id: staffId, active: true } });
    if (!staff || !staff.roles.some((r) => roles.includes(r))) return null;
    if (staff.roles.includes('admin') && roles.includes('admin')) return staff;
    const link = await manager.getRepository(StaffCommunity).findOne({ where: { staffId, communityId } });
    return link ? staff : null;
  }

  private phone(raw: string | undefined): string | null {
    if (!raw) return null;
    const phone = normalizePhone(raw);
    if (!phone || !isMobilePhone(phone)) throw new AppError('VALIDATION_FAILED', '请填写正确的手机号', { phone: ['must be a mainland mobile number'] });
    return phone;
  }

  private async requireCommunities(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await manager.getRepository(Community).count({ where: { id: In(ids) } });
    if (found !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', '所选小区不存在', { communityIds: ['unknown community'] });
  }

  private async setCommunities(manager: EntityManager, staffId: string, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length) await manager.getRepository(StaffCommunity).insert(unique.map((communityId) => ({ staffId, communityId })));
  }

  private async views(manager: EntityManager, rows: Staff[]): Promise<StaffView[]> {
    if (!rows.length) return [];
    const ids = rows.map((s) => String(s.id));
    const links = await manager.getRepository(StaffCommunity).find({ where: { staffId: In(ids) } });
    const load = async (column: 'owner_id' | 'assignee_id') => {
      const counts = await manager
        .getRepository(Ticket)
        .createQueryBuilder('t')
        .select(`t.${column}`, 'staffId')
        .addSelect('COUNT(*)', 'n')
        .where(`t.${column} IN (:...ids)`, { ids })
        .andWhere('t.status IN (:...open)', { open: OPEN_STATUSES })
        .groupBy(`t.${column}`)
        .getRawMany<{ staffId: string; n: string }>();
      return new Map(counts.map((c) => [String(c.staffId), Number(c.n)]));
    };
    const [owned, assigned, bindings] = await Promise.all([
      load('owner_id'),
      load('assignee_id'),
      manager.getRepository(StaffWechatBinding).find({ where: { staffId: In(ids) }, select: { staffId: true } }),
    ]);
    const bound = new Set(bindings.map((b) => String(b.staffId)));
    return rows.map((s) => ({
      id: String(s.id),
      username: s.username,
      name: s.name,
      phoneMasked: maskPhone(this.crypto.decrypt(s.phoneEnc)),
      roles: s.roles,
      communityIds: links.filter((l) => String(l.staffId) === String(s.id)).map((l) => String(l.communityId)),
      skills: s.skills,
      active: s.active,
      openOwned: owned.get(String(s.id)) ?? 0,
      openAssigned: assigned.get(String(s.id)) ?? 0,
      wechatBound: bound.has(String(s.id)),
    }));
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;
