import type { StaffNoticeKind } from '../notices/notice.entities';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { RequestMeta, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { isDuplicateKey } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { Staff } from '../staff/staff.entity';
import { URGENT_WECOM_KINDS, WECOM_KIND_LABELS, hhmm, parseHhmm, wecomFailureReason } from './wecom-kinds';
import { WecomApiError, WecomClient } from './wecom.client';
import type { UpdateWecomSettingsDto, WecomImportResult, WecomSettingsView } from './wecom.dto';
import { isWecomUserid } from './wecom.dto';
import { StaffWecom, WecomBindingSource } from './wecom.entities';

/** Codes WeCom gives for an OAuth code that is wrong, used or expired. */
const BAD_CODE = new Set([40029, 40163, 50001, 42009]);

/** Binding staff accounts to WeCom userids, and each member's notice preferences. */
@Injectable()
export class WecomService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wecom: WecomClient,
    private readonly audit: AuditService,
  ) {}

  async settingsOf(staffId: string): Promise<WecomSettingsView> {
    const row = await this.dataSource.getRepository(StaffWecom).findOne({ where: { staffId } });
    const [pending] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM wecom_outbox WHERE staff_id = ? AND status = 'pending'`, [staffId]);
    return this.view(staffId, row, Number(pending.n));
  }

  async updateMine(auth: StaffAuth, dto: UpdateWecomSettingsDto): Promise<WecomSettingsView> {
    const start = dto.quietStart === null ? null : parseHhmm(dto.quietStart);
    const end = dto.quietEnd === null ? null : parseHhmm(dto.quietEnd);
    if ((start === null) !== (end === null) || (start !== null && start === end)) {
      throw new AppError('VALIDATION_FAILED', '免打扰时段需要不同的开始和结束时间，或两者都不设', {
        quietEnd: ['set both quietStart and quietEnd, different, or neither'],
      });
    }
    const wanted = new Set(dto.kinds);
    const mutedKinds = Object.keys(WECOM_KIND_LABELS).filter((k) => !wanted.has(k) && !URGENT_WECOM_KINDS.includes(k));
    await this.dataSource.transaction(async (manager) => {
      await this.upsert(manager, auth.staffId, { mutedKinds, quietStart: start, quietEnd: end });
      // Messages held for the old quiet hours are due again now; the next pass applies the new ones.
      await manager.query(`UPDATE wecom_outbox SET held = 0, next_attempt_at = ? WHERE staff_id = ? AND status = 'pending' AND held = 1`, [
        new Date(),
        auth.staffId,
      ]);
    });
    return this.settingsOf(auth.staffId);
  }

  /** The OAuth link for "bind in WeCom" (null when WeCom is off). */
  oauthUrl(back = '/settings/notify'): string | null {
    if (!this.config.wecom) return null;
    return this.wecom.oauthUrl(`${this.config.publicBaseUrl}/admin${back}`, 'bind');
  }

  /** A signed-in staff member opened the admin pages inside WeCom: bind them to who WeCom says they are. */
  async bindByCode(auth: StaffAuth, meta: RequestMeta, code: string): Promise<WecomSettingsView> {
    if (!this.wecom.enabled) throw new AppError('WECOM_NOT_CONFIGURED', '本系统尚未接入企业微信，请联系管理员');
    let userid: string | null;
    try {
      userid = await this.wecom.userIdFromCode(code);
    } catch (e) {
      if (e instanceof WecomApiError && BAD_CODE.has(e.errcode)) throw new AppError('WECOM_CODE_INVALID', '企业微信授权已失效，请从企业微信重新打开本页');
      if (e instanceof WecomApiError) throw new AppError('WECOM_UNAVAILABLE', `企业微信暂时无法确认您的身份，请稍后再试（${e.errcode}）`);
      throw new AppError('WECOM_UNAVAILABLE', '企业微信暂时无法连接，请稍后再试');
    }
    if (!userid) throw new AppError('WECOM_CODE_INVALID', '您不是本企业的企业微信成员，无法绑定');
    await this.bind(auth, meta, auth.staffId, userid, 'oauth');
    return this.settingsOf(auth.staffId);
  }

  /** An admin sets (or clears) a member's userid. */
  async setUserid(auth: StaffAuth, meta: RequestMeta, staffId: string, userid: string | null): Promise<WecomSettingsView> {
    if (!(await this.dataSource.getRepository(Staff).exists({ where: { id: staffId } }))) throw new AppError('NOT_FOUND', '员工不存在');
    await this.bind(auth, meta, staffId, userid, 'admin');
    return this.settingsOf(staffId);
  }

  /** Every staff member's WeCom side, for the admin staff page. */
  async list(): Promise<WecomSettingsView[]> {
    const rows = await this.dataSource.getRepository(StaffWecom).find({ order: { staffId: 'ASC' } });
    const pending: { staffId: string; n: string }[] = await this.dataSource.query(
      `SELECT staff_id AS staffId, COUNT(*) AS n FROM wecom_outbox WHERE status = 'pending' GROUP BY staff_id`,
    );
    const byStaff = new Map(pending.map((p) => [String(p.staffId), Number(p.n)]));
    return rows.map((r) => this.view(String(r.staffId), r, byStaff.get(String(r.staffId)) ?? 0));
  }

  /**
   * Bulk binding from a sheet: a header row with 用户名 (or username) and 企业微信账号
   * (or userid) columns. All or nothing: with any wrong row nothing is applied and every
   * problem is listed by row number.
   */
  async importSheet(auth: StaffAuth, meta: RequestMeta, table: string[][]): Promise<WecomImportResult> {
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
    const uCol = col('用户名', '登录名', 'username');
    const wCol = col('企业微信账号', '企业微信userid', '企业微信 userid', 'userid', '账号');
    if (uCol < 0 || wCol < 0) {
      throw new AppError('IMPORT_INVALID', '表头需要包含“用户名”和“企业微信账号”两列', { file: ['header must have 用户名 and 企业微信账号 columns'] });
    }
    const errors: { row: number; message: string }[] = [];
    const wanted: { row: number; username: string; userid: string | null }[] = [];
    table.slice(1).forEach((cells, i) => {
      const row = i + 2;
      const username = (cells[uCol] ?? '').trim();
      const userid = (cells[wCol] ?? '').trim();
      if (!username && !userid) return;
      if (!username) return errors.push({ row, message: '缺少用户名' });
      if (userid && !isWecomUserid(userid))
        return errors.push({ row, message: `企业微信账号“${userid.slice(0, 64)}”格式不对（字母、数字、_-.@，最长 64 位）` });
      wanted.push({ row, username, userid: userid || null });
    });
    if (wanted.length > 5000) throw new AppError('IMPORT_INVALID', '一次最多导入 5000 行');
    const staff = wanted.length
      ? await this.dataSource.getRepository(Staff).find({ where: { username: In(wanted.map((w) => w.username)) }, select: { id: true, username: true } })
      : [];
    const idOf = new Map(staff.map((s) => [s.username, String(s.id)]));
    const seenUserid = new Map<string, number>();
    for (const w of wanted) {
      if (!idOf.has(w.username)) errors.push({ row: w.row, message: `没有用户名为“${w.username.slice(0, 64)}”的员工` });
      if (w.userid) {
        const first = seenUserid.get(w.userid);
        if (first) errors.push({ row: w.row, message: `企业微信账号“${w.userid}”与第 ${first} 行重复` });
        else seenUserid.set(w.userid, w.row);
      }
    }
    if (errors.length) return { updated: 0, unchanged: 0, errors: errors.sort((a, b) => a.row - b.row) };
    const current = new Map(
      (await this.dataSource.getRepository(StaffWecom).find({ where: { staffId: In([...idOf.values()]) } })).map((r) => [String(r.staffId), r.userid]),
    );
    let updated = 0;
    let unchanged = 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        // Clear first the ones that change, so two members swapping userids do not collide.
        const changing = wanted.filter((w) => (current.get(idOf.get(w.username)!) ?? null) !== w.userid);
        unchanged = wanted.length - changing.length;
        for (const w of changing) await this.upsert(manager, idOf.get(w.username)!, { userid: null });
        for (const w of changing) {
          await this.upsert(manager, idOf.get(w.username)!, { userid: w.userid, boundVia: w.userid ? 'import' : null, boundAt: w.userid ? new Date() : null });
          updated++;
        }
        await this.audit.record(manager, auth, meta, { action: 'staff.wecom.import', targetType: 'staff', targetId: null, detail: { updated, unchanged } });
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('ALREADY_BOUND', '表中有企业微信账号已绑定到表外的其他员工，请先解除其绑定');
      throw e;
    }
    return { updated, unchanged, errors: [] };
  }

  private async bind(auth: StaffAuth, meta: RequestMeta, staffId: string, userid: string | null, via: WecomBindingSource): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.upsert(manager, staffId, {
          userid,
          boundVia: userid ? via : null,
          boundAt: userid ? new Date() : null,
          // A new binding starts with a clean record.
          lastError: null,
          lastErrorAt: null,
        });
        await this.audit.record(manager, auth, meta, {
          action: userid ? 'staff.wecom.bind' : 'staff.wecom.unbind',
          targetType: 'staff',
          targetId: staffId,
          detail: { userid, via },
        });
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('ALREADY_BOUND', '该企业微信账号已绑定到其他员工');
      throw e;
    }
  }

  private async upsert(manager: EntityManager, staffId: string, values: Partial<StaffWecom>): Promise<void> {
    const repo = manager.getRepository(StaffWecom);
    const result = await repo.update({ staffId }, values);
    if (result.affected) return;
    try {
      await repo.insert({
        staffId,
        userid: null,
        boundVia: null,
        boundAt: null,
        mutedKinds: [],
        quietStart: null,
        quietEnd: null,
        lastError: null,
        lastErrorAt: null,
        lastSentAt: null,
        ...values,
      });
    } catch (e) {
      // Created meanwhile by another request for the same member (not a userid clash): update it.
      if (isDuplicateKey(e) && (await repo.exists({ where: { staffId } }))) {
        const again = await repo.update({ staffId }, values);
        if (again.affected) return;
      }
      throw e;
    }
  }

  private view(staffId: string, row: StaffWecom | null, pending: number): WecomSettingsView {
    const muted = new Set(row?.mutedKinds ?? []);
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    return {
      enabled: this.config.wecom !== null,
      staffId,
      userid: row?.userid ?? null,
      boundVia: row?.boundVia ?? null,
      boundAt: iso(row?.boundAt),
      kinds: Object.entries(WECOM_KIND_LABELS).map(([kind, label]) => {
        const urgent = URGENT_WECOM_KINDS.includes(kind);
        return { kind: kind as StaffNoticeKind, label, urgent, on: urgent || !muted.has(kind) };
      }),
      quietStart: hhmm(row?.quietStart ?? null),
      quietEnd: hhmm(row?.quietEnd ?? null),
      lastError: row?.lastError ?? null,
      lastErrorReason: wecomFailureReason(row?.lastError ?? null),
      lastErrorAt: iso(row?.lastErrorAt),
      lastSentAt: iso(row?.lastSentAt),
      pending,
    };
  }
}
