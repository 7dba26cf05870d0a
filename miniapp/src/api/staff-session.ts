import Taro from '@tarojs/taro';
import type { StaffLoginResponse, StaffProfile } from '@yizhan/shared';
import { isH5 } from '../config';
import { randomId } from '../utils/id';
import { readStorage, removeStorage, writeStorage } from '../utils/storage';
import { send } from './http';
import { type ApiResult, loginRequired } from './result';
import type { TokenSource } from './upload';

/**
 * The staff side's session (员工端), kept apart from the resident's: its own token
 * under its own storage key, so a staff token never rides on a resident's call or the
 * other way round (the server refuses both anyway).
 *
 * Signing in: the username and password once (`POST /auth/staff/wechat`, which binds
 * the account to this WeChat user), then `wx.login` alone (`POST /auth/staff/wechat/login`),
 * also after a 401. STAFF_NOT_BOUND (an admin unbound it, the account was deactivated or
 * got a new password) sends the staff member back to the sign-in page.
 */
export interface StaffSession {
  token: string;
  staff: StaffProfile;
  /** Epoch ms, a little before the server's expiry. */
  expiresAt: number;
}

export const STAFF_KEYS = {
  session: 'yz.staff.session',
  /** Browser build only: the demo WeChat user the codes are made for (as the resident's 演示登录). */
  demoName: 'yz.staff.demoName',
  /** Signed out on purpose: no silent sign-in until the password is typed again. */
  signedOut: 'yz.staff.signedOut',
} as const;

export function currentStaffSession(): StaffSession | null {
  const s = readStorage<StaffSession>(STAFF_KEYS.session);
  if (!s || typeof s.token !== 'string' || !s.token || !s.staff) return null;
  if (typeof s.expiresAt === 'number' && s.expiresAt <= Date.now()) return null;
  return s;
}

/** Who was signed in last (kept after the token expires, so the home page can greet them while it renews). */
export function lastStaffProfile(): StaffProfile | null {
  return readStorage<StaffSession>(STAFF_KEYS.session)?.staff ?? null;
}

function save(res: StaffLoginResponse): void {
  const marginSec = Math.min(60, Math.floor(res.expiresIn / 10));
  writeStorage(STAFF_KEYS.session, { token: res.accessToken, staff: res.staff, expiresAt: Date.now() + (res.expiresIn - marginSec) * 1000 });
  removeStorage(STAFF_KEYS.signedOut);
}

async function wechatCode(): Promise<string | null> {
  if (isH5()) {
    const name = readStorage<string>(STAFF_KEYS.demoName);
    return name ? `fake:${name}:${randomId()}` : null;
  }
  try {
    const { code } = await Taro.login();
    return code || null;
  } catch {
    return null;
  }
}

/** The sign-in page: username + password, and this WeChat user is bound to the account. */
export async function bindAndSignIn(username: string, password: string, demoName?: string): Promise<ApiResult<StaffLoginResponse>> {
  if (isH5() && demoName !== undefined) writeStorage(STAFF_KEYS.demoName, demoName.trim());
  const code = await wechatCode();
  if (!code) return loginRequired('微信登录失败，请重试');
  const res = await send<StaffLoginResponse>({ method: 'POST', path: '/auth/staff/wechat', data: { code, username: username.trim(), password } });
  if (res.ok) save(res.data);
  return res;
}

let inFlight: Promise<ApiResult<StaffLoginResponse>> | null = null;

/** The silent sign-in (wx.login → the bound account). Concurrent callers share one. */
export function signInSilently(): Promise<ApiResult<StaffLoginResponse>> {
  inFlight ??= (async () => {
    if (readStorage<boolean>(STAFF_KEYS.signedOut) === true) return loginRequired();
    const code = await wechatCode();
    if (!code) return loginRequired();
    const res = await send<StaffLoginResponse>({ method: 'POST', path: '/auth/staff/wechat/login', data: { code } });
    if (res.ok) {
      save(res.data);
      return res;
    }
    if (res.status === 401) {
      removeStorage(STAFF_KEYS.session);
      return loginRequired(res.message);
    }
    return res;
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export async function ensureStaffToken(): Promise<ApiResult<string>> {
  const s = currentStaffSession();
  if (s) return { ok: true, status: 200, data: s.token };
  const res = await signInSilently();
  return res.ok ? { ok: true, status: 200, data: res.data.accessToken } : res;
}

export async function refreshStaffAfter401(stale: string): Promise<ApiResult<string>> {
  const s = currentStaffSession();
  if (s && s.token !== stale) return { ok: true, status: 200, data: s.token };
  removeStorage(STAFF_KEYS.session);
  const res = await signInSilently();
  return res.ok ? { ok: true, status: 200, data: res.data.accessToken } : res;
}

/** For uploads (PhotoPicker) from staff pages. */
export const staffTokens: TokenSource = { ensureToken: ensureStaffToken, refreshAfter401: refreshStaffAfter401 };

/** 退出: this phone stays bound (an admin unbinds), but the next sign-in asks for the password. */
export function signOutStaff(): void {
  removeStorage(STAFF_KEYS.session);
  writeStorage(STAFF_KEYS.signedOut, true);
}
