import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ResidentsService } from '../residents/residents.service';
import { Staff, StaffCommunity } from '../staff/staff.entity';
import { Code2SessionResult, WechatApiError, WechatClient } from '../wechat/wechat.client';
import type { StaffLoginResult, WechatLoginResult } from './dto/auth.dto';
import { RefreshToken } from './refresh-token.entity';
import { StaffWechatBinding } from './staff-wechat-binding.entity';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
/** WeChat's answers that mean "this code is no good": the client must call wx.login again. */
const FINAL_CODE_ERRORS = new Set([40029, 40163, 40226]);

/** argon2id with OWASP's suggested parameters (19 MiB, 2 passes). */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');
  /** Verified against when the username is unknown, so both paths take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly wechat: WechatClient,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
  ) {}

  async staffLogin(meta: RequestMeta, username: string, password: string): Promise<StaffLoginResult> {
    const staff = await this.checkPassword(meta, username, password);
    const auth = await this.staffAuth(staff);
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'staff.login', targetType: 'staff', targetId: staff.id });
    return this.issueStaffTokens(auth, randomBytes(16).toString('hex'));
  }

  /**
   * The staff side of the mini-program, first sign-in: the username and password once,
   * then this WeChat user (the openid behind `code`) is bound to the account. One account
   * per openid and one openid per account: binding replaces whatever either had before
   * (a new phone, or another colleague's account signed in on this one).
   */
  async staffWechatBind(meta: RequestMeta, code: string, username: string, password: string): Promise<StaffLoginResult> {
    // The password first: a wrong one must not spend (or reveal anything about) the code.
    const staff = await this.checkPassword(meta, username, password);
    const { openid } = await this.exchangeCode(code);
    const auth = await this.staffAuth(staff);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(StaffWechatBinding);
      await repo.delete({ staffId: auth.staffId });
      await repo.delete({ openid });
      await repo.insert({ staffId: auth.staffId, openid, createdAt: new Date() });
      await this.audit.record(manager, auth, meta, { action: 'staff.wechat_bind', targetType: 'staff', targetId: auth.staffId });
    });
    return this.issueStaffTokens(auth, randomBytes(16).toString('hex'));
  }

  /**
   * The staff side's silent sign-in: `wx.login`'s code → the bound account's tokens.
   * No binding (never bound, unbound by an admin, or ended by deactivation or a new
   * password) is STAFF_NOT_BOUND: the page asks for the username and password again.
   */
  async staffWechatLogin(meta: RequestMeta, code: string): Promise<StaffLoginResult> {
    const { openid } = await this.exchangeCode(code);
    const binding = await this.dataSource.getRepository(StaffWechatBinding).findOne({ where: { openid } });
    const staff = binding ? await this.dataSource.getRepository(Staff).findOne({ where: { id: binding.staffId } }) : null;
    if (!staff || !staff.active) throw new AppError('STAFF_NOT_BOUND', '请使用工作账号和密码登录');
    const auth = await this.staffAuth(staff);
    await this.audit.record(this.dataSource.manager, auth, meta, { action: 'staff.login', targetType: 'staff', targetId: staff.id, detail: { via: 'wechat' } });
    return this.issueStaffTokens(auth, randomBytes(16).toString('hex'));
  }

  /** The account behind a username and password, with the lock-out of five wrong passwords. */
  private async checkPassword(meta: RequestMeta, username: string, password: string): Promise<Staff> {
    const repo = this.dataSource.getRepository(Staff);
    const staff = await repo.findOne({ where: { username } });
    if (!staff) {
      const dummy = await (this.dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
      await verify(dummy, password).catch(() => false);
      throw new AppError('LOGIN_FAILED', '用户名或密码不正确');
    }
    if (staff.lockedUntil && staff.lockedUntil.getTime() > Date.now()) {
      throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请 ${LOCK_MINUTES} 分钟后再试`);
    }
    const ok = await verify(staff.passwordHash, password).catch(() => false);
    if (!ok || !staff.active) {
      const failed = staff.failedLogins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await repo.update({ id: staff.id }, { failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null });
      if (lock) {
        await this.audit.record(this.dataSource.manager, null, meta, { action: 'staff.locked', targetType: 'staff', targetId: staff.id });
      }
      throw new AppError('LOGIN_FAILED', staff.active ? '用户名或密码不正确' : '该账号已停用，请联系管理员');
    }
    if (staff.failedLogins > 0 || staff.lockedUntil) await repo.update({ id: staff.id }, { failedLogins: 0, lockedUntil: null });
    return staff;
  }

  /**
   * Rotates the refresh token. A token that was already used is a stolen copy (or a
   * replay): every token of its family is revoked and the staff member signs in again.
   */
  async refresh(meta: RequestMeta, presented: string): Promise<StaffLoginResult> {
    const [id, secret] = presented.split('.');
    const invalid = () => new AppError('REFRESH_INVALID', '登录已过期，请重新登录');
    if (!id || !secret || !/^[0-9a-f]{32}$/.test(id)) throw invalid();
    const repo = this.dataSource.getRepository(RefreshToken);
    const token = await repo.findOne({ where: { id } });
    if (!token || !safeEqualHex(token.secretHash, sha256(secret))) throw invalid();
    if (token.revokedAt || token.expiresAt.getTime() <= Date.now()) throw invalid();
    // Mark used only if nobody else did first: two concurrent refreshes cannot both win.
    const marked = await repo.update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!marked.affected) {
      await repo.update({ familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(this.dataSource.manager, null, meta, {
        action: 'staff.refresh_reused',
        targetType: 'staff',
        targetId: token.staffId,
        detail: { familyId: token.familyId },
      });
      throw invalid();
    }
    const staff = await this.dataSource.getRepository(Staff).findOne({ where: { id: token.staffId } });
    if (!staff || !staff.active) throw invalid();
    return this.issueStaffTokens(await this.staffAuth(staff), token.familyId);
  }

  /** `wx.login`'s code → the WeChat user's openid (code2session), with kind errors. */
  private async exchangeCode(code: string): Promise<Code2SessionResult> {
    try {
      return await this.wechat.code2Session(code);
    } catch (e) {
      if (e instanceof WechatApiError && FINAL_CODE_ERRORS.has(e.errcode)) {
        throw new AppError('WECHAT_CODE_INVALID', '微信登录已失效，请重新进入小程序');
      }
      this.logger.warn(`jscode2session failed: ${(e as Error).message}`);
      throw new AppError('WECHAT_UNAVAILABLE', '微信服务暂时繁忙，请稍后再试');
    }
  }

  async wechatLogin(code: string): Promise<WechatLoginResult> {
    const session = await this.exchangeCode(code);
    const resident = await this.residents.upsertByOpenid(session.openid, session.unionid ?? null);
    const token = await this.jwt.signAsync({ typ: 'resident', sub: resident.id, oid: resident.openid }, { expiresIn: this.config.residentTokenTtlSec });
    const me = await this.residents.me({ kind: 'resident', residentId: resident.id, openid: resident.openid });
    return {
      token,
      expiresIn: this.config.residentTokenTtlSec,
      resident: { id: resident.id, phoneBound: me.phoneMasked !== null, rooms: me.rooms },
    };
  }

  async staffAuth(staff: Staff): Promise<StaffAuth> {
    const links = await this.dataSource.getRepository(StaffCommunity).find({ where: { staffId: staff.id } });
    return {
      kind: 'staff',
      staffId: String(staff.id),
      name: staff.name,
      roles: staff.roles,
      communityIds: links.map((l) => String(l.communityId)).sort((a, b) => Number(a) - Number(b)),
      accessVersion: staff.accessVersion,
    };
  }

  private async issueStaffTokens(auth: StaffAuth, familyId: string): Promise<StaffLoginResult> {
    const accessToken = await this.jwt.signAsync(
      { typ: 'staff', sub: auth.staffId, name: auth.name, roles: auth.roles, cids: auth.communityIds, av: auth.accessVersion },
      { expiresIn: this.config.accessTokenTtlSec },
    );
    const id = randomBytes(16).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshToken).insert({
      id,
      staffId: auth.staffId,
      familyId,
      secretHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSec * 1000),
      createdAt: new Date(),
    });
    return {
      accessToken,
      refreshToken: `${id}.${secret}`,
      expiresIn: this.config.accessTokenTtlSec,
      staff: { id: auth.staffId, name: auth.name, roles: auth.roles, communityIds: auth.communityIds },
    };
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const safeEqualHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
