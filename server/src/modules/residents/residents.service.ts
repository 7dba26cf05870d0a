import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMobilePhone, maskPhone, normalizePhone } from '@yizhan/shared';
import type { RequestMeta, ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { communityScope, requireCommunity } from '../../common/access/access';
import { AppError } from '../../common/errors/app-error';
import { PageQuery, PageResult, keysetPage, pageLimit, readCursor } from '../../common/pagination/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { Room } from '../communities/community.entities';
import { FieldCrypto } from '../crypto/field-crypto.service';
import { WechatApiError, WechatClient } from '../wechat/wechat.client';
import type { BindRoomResult, MeView, ResidentRoomView } from './dto/resident.dto';
import type { RoomBindingView } from './dto/room-binding.dto';
import { Resident, RoomBinding } from './resident.entity';
import { isDuplicateKey, rowLock } from '../../database/sql';

/** Names are compared as written on the roster, ignoring surrounding and inner spaces. */
export const normalizeName = (name: string) => name.replace(/\s+/g, '');

@Injectable()
export class ResidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldCrypto,
    private readonly wechat: WechatClient,
    private readonly audit: AuditService,
  ) {}

  async upsertByOpenid(openid: string, unionid: string | null): Promise<Resident> {
    const repo = this.dataSource.getRepository(Resident);
    const now = new Date();
    // INSERT … ON DUPLICATE KEY: two first logins at once create one resident.
    await repo.createQueryBuilder().insert().values({ openid, unionid, lastLoginAt: now, createdAt: now }).orUpdate(['last_login_at'], ['openid']).execute();
    return repo.findOneOrFail({ where: { openid } });
  }

  async me(auth: ResidentAuth): Promise<MeView> {
    const resident = await this.dataSource.getRepository(Resident).findOne({ where: { id: auth.residentId } });
    // An erased resident's old token leads nowhere: signing in again starts afresh.
    if (!resident || resident.erasedAt) throw new AppError('UNAUTHENTICATED', '登录状态无效，请重新登录');
    return {
      id: String(resident.id),
      phoneMasked: maskPhone(this.crypto.decrypt(resident.phoneEnc)),
      rooms: await this.roomsOf(resident.id),
    };
  }

  async roomsOf(residentId: string): Promise<ResidentRoomView[]> {
    const rows = await this.dataSource
      .getRepository(RoomBinding)
      .createQueryBuilder('b')
      .innerJoin(Room, 'r', 'r.id = b.room_id')
      .select(['b.room_id AS roomId', 'b.community_id AS communityId', 'r.label AS label', 'b.status AS status'])
      .where('b.resident_id = :residentId', { residentId })
      .orderBy('b.id', 'ASC')
      .getRawMany<ResidentRoomView>();
    return rows.map((r) => ({ ...r, roomId: String(r.roomId), communityId: String(r.communityId) }));
  }

  async bindPhone(auth: ResidentAuth, code: string): Promise<{ phoneMasked: string }> {
    let phone: string;
    try {
      phone = await this.wechat.getPhoneNumber(code);
    } catch (e) {
      if (e instanceof WechatApiError && e.errcode === 40029) {
        throw new AppError('WECHAT_CODE_INVALID', '手机号授权已失效，请重新点击获取');
      }
      throw new AppError('WECHAT_UNAVAILABLE', '微信服务暂时繁忙，请稍后再试');
    }
    const normalized = normalizePhone(phone) ?? phone;
    await this.dataSource
      .getRepository(Resident)
      .update({ id: auth.residentId }, { phoneEnc: this.crypto.encrypt(normalized), phoneHash: this.crypto.lookupHash(normalized) });
    return { phoneMasked: maskPhone(normalized) };
  }

  /**
   * A resident claims a room. Approved at once when name and phone match the room's
   * roster entry (compared by keyed hash), otherwise pending for staff review.
   */
  async bindRoom(auth: ResidentAuth, dto: { roomId: string; name: string; phone: string }): Promise<BindRoomResult> {
    const phone = normalizePhone(dto.phone);
    if (!phone || !isMobilePhone(phone)) {
      throw new AppError('VALIDATION_FAILED', '请填写正确的手机号', { phone: ['must be a mainland mobile number'] });
    }
    const name = normalizeName(dto.name);
    if (!name) throw new AppError('VALIDATION_FAILED', '请填写姓名', { name: ['must not be blank'] });
    return this.dataSource.transaction(async (manager) => {
      const room = await manager.getRepository(Room).findOne({ where: { id: dto.roomId } });
      if (!room) throw new AppError('NOT_FOUND', '房屋不存在，请重新选择');
      const matches =
        room.ownerPhoneHash !== null && room.ownerPhoneHash === this.crypto.lookupHash(phone) && room.ownerNameHash === this.crypto.lookupHash(name);
      const status = matches ? 'approved' : 'pending';
      const repo = manager.getRepository(RoomBinding);
      const where = { residentId: auth.residentId, roomId: room.id };
      const fields = {
        nameEnc: this.crypto.encrypt(name),
        phoneEnc: this.crypto.encrypt(phone),
        status,
        reviewedById: null,
        reviewedAt: matches ? new Date() : null,
      } as const;
      // A first binding inserts without a locking read first: a locking read of a missing
      // key takes a gap lock, and two residents binding at once deadlocked on their inserts.
      if (!(await repo.findOne({ where }))) {
        try {
          await repo.insert({ ...where, communityId: room.communityId, createdAt: new Date(), ...fields });
          return { roomId: String(room.id), status };
        } catch (e) {
          if (!isDuplicateKey(e)) throw e; // the same claim sent twice at once
        }
      }
      const existing = await repo.findOne({ where, lock: rowLock(repo.manager) });
      if (existing?.status === 'approved') throw new AppError('ALREADY_BOUND', '您已绑定该房屋');
      await repo.update({ id: existing!.id }, fields);
      return { roomId: String(room.id), status };
    });
  }

  async listBindings(
    auth: StaffAuth,
    query: PageQuery & { status?: 'pending' | 'approved' | 'rejected'; communityId?: string },
  ): Promise<PageResult<RoomBindingView>> {
    const limit = pageLimit(query);
    const cursor = readCursor(query.cursor, 1);
    const qb = this.dataSource
      .getRepository(RoomBinding)
      .createQueryBuilder('b')
      .innerJoin(Room, 'r', 'r.id = b.room_id')
      .select(['b.id AS id', 'b.resident_id AS residentId', 'b.room_id AS roomId', 'r.label AS roomLabel'])
      .addSelect(['b.community_id AS communityId', 'b.name_enc AS nameEnc', 'b.phone_enc AS phoneEnc', 'b.status AS status'])
      .addSelect('b.created_at AS createdAt')
      .where('b.status = :status', { status: query.status ?? 'pending' })
      .orderBy('b.id', 'DESC')
      .limit(limit + 1);
    const scope = communityScope(auth);
    if (scope !== 'all') qb.andWhere('b.community_id IN (:...scope)', { scope: scope.length ? scope : ['0'] });
    if (query.communityId) qb.andWhere('b.community_id = :cid', { cid: query.communityId });
    if (cursor) qb.andWhere('b.id < :after', { after: cursor[0] });
    const { page, nextCursor } = keysetPage(await qb.getRawMany(), limit);
    return {
      items: page.map((r) => ({
        id: String(r.id),
        residentId: String(r.residentId),
        roomId: String(r.roomId),
        roomLabel: r.roomLabel,
        communityId: String(r.communityId),
        name: this.crypto.decrypt(r.nameEnc) ?? '',
        phoneMasked: maskPhone(this.crypto.decrypt(r.phoneEnc)) ?? '',
        status: r.status,
        createdAt: new Date(r.createdAt).toISOString(),
      })),
      nextCursor,
    };
  }

  async reviewBinding(auth: StaffAuth, meta: RequestMeta, id: string, decision: 'approved' | 'rejected'): Promise<BindRoomResult> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RoomBinding);
      const binding = await repo.findOne({ where: { id }, lock: rowLock(repo.manager) });
      if (!binding) throw new AppError('NOT_FOUND', '绑定申请不存在');
      requireCommunity(auth, binding.communityId, '绑定申请');
      if (binding.status !== 'pending') {
        throw new AppError('INVALID_TRANSITION', `该申请已处理（${binding.status === 'approved' ? '已通过' : '未通过'}）`);
      }
      await repo.update({ id }, { status: decision, reviewedById: auth.staffId, reviewedAt: new Date() });
      await this.audit.record(manager, auth, meta, {
        action: `room_binding.${decision === 'approved' ? 'approve' : 'reject'}`,
        targetType: 'room_binding',
        targetId: id,
      });
      return { roomId: String(binding.roomId), status: decision };
    });
  }
}
