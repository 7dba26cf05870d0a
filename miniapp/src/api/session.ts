import Taro from '@tarojs/taro';
import type { WechatLoginResponse } from '@yizhan/shared';
import { isH5 } from '../config';
import { zh } from '../i18n/zh';
import { randomId } from '../utils/id';
import { readStorage, removeStorage, STORAGE_KEYS, writeStorage } from '../utils/storage';
import { forgetEarly } from './early';
import { send } from './http';
import { type ApiResult, loginRequired } from './result';

export interface Session {
  token: string;
  residentId: string;
  /** Epoch ms; a little before the server's expiry so we re-login instead of failing. */
  expiresAt: number;
}

export function currentSession(): Session | null {
  const s = readStorage<Session>(STORAGE_KEYS.session);
  if (!s || typeof s.token !== 'string' || !s.token) return null;
  if (typeof s.expiresAt === 'number' && s.expiresAt <= Date.now()) return null;
  return s;
}

function saveSession(res: WechatLoginResponse): void {
  const marginSec = Math.min(60, Math.floor(res.expiresIn / 10));
  const session: Session = {
    token: res.token,
    residentId: res.resident.id,
    expiresAt: Date.now() + (res.expiresIn - marginSec) * 1000,
  };
  writeStorage(STORAGE_KEYS.session, session);
}

/**
 * The demo login of the browser build: the dev/test fake WeChat server maps
 * `fake:<name>:<nonce>` to the same openid for a name every time; each code works
 * once (like a real wx.login code), hence the nonce.
 */
export function demoName(): string | null {
  return readStorage<string>(STORAGE_KEYS.demoName);
}

export function privacyAgreed(): boolean {
  return readStorage<boolean>(STORAGE_KEYS.privacyAgreed) === true;
}

export function setPrivacyAgreed(): void {
  writeStorage(STORAGE_KEYS.privacyAgreed, true);
}

/**
 * May we log in without the resident's tap? In WeChat, `wx.login` is silent, so once
 * the resident has agreed to the privacy guideline and not logged out, yes. In the
 * browser we need the demo name they typed once.
 */
function canLogInSilently(): boolean {
  if (readStorage<boolean>(STORAGE_KEYS.loggedOut) === true) return false;
  if (isH5()) return demoName() !== null;
  return privacyAgreed();
}

async function loginCode(): Promise<string | null> {
  if (isH5()) {
    const name = demoName();
    return name ? `fake:${name}:${randomId()}` : null;
  }
  try {
    const { code } = await Taro.login();
    return code || null;
  } catch {
    return null;
  }
}

async function exchangeCode(): Promise<ApiResult<WechatLoginResponse>> {
  const code = await loginCode();
  if (!code) return loginRequired(zh.errors.loginFailed);
  const res = await send<WechatLoginResponse>({ method: 'POST', path: '/auth/wechat/login', data: { code } });
  if (res.ok) {
    saveSession(res.data);
    removeStorage(STORAGE_KEYS.loggedOut);
    return res;
  }
  // 401 WECHAT_CODE_INVALID is final for that code; the caller sees "log in again".
  if (res.status === 401) return loginRequired(res.message || zh.errors.loginFailed);
  return res;
}

let inFlight: Promise<ApiResult<WechatLoginResponse>> | null = null;

/** Log in now. Concurrent callers (several 401s at once) share one login. */
export function logIn(): Promise<ApiResult<WechatLoginResponse>> {
  if (!inFlight) {
    inFlight = exchangeCode().finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

/** The token to send, logging in silently when we may; null means "show the login page". */
export async function ensureToken(): Promise<ApiResult<string>> {
  const s = currentSession();
  if (s) return { ok: true, status: 200, data: s.token };
  if (!canLogInSilently()) return loginRequired();
  const res = await logIn();
  return res.ok ? { ok: true, status: 200, data: res.data.token } : res;
}

/**
 * The token `stale` was refused (401). Log in again unless someone already did since
 * that token was issued; either way return the token to retry with.
 */
export async function refreshAfter401(stale: string): Promise<ApiResult<string>> {
  const s = currentSession();
  if (s && s.token !== stale) return { ok: true, status: 200, data: s.token };
  removeStorage(STORAGE_KEYS.session);
  if (!canLogInSilently()) return loginRequired();
  const res = await logIn();
  return res.ok ? { ok: true, status: 200, data: res.data.token } : res;
}

/** The login page's button: the resident agreed to the privacy guideline and asked to log in. */
export async function logInByTap(name?: string): Promise<ApiResult<WechatLoginResponse>> {
  setPrivacyAgreed();
  removeStorage(STORAGE_KEYS.loggedOut);
  if (name !== undefined) writeStorage(STORAGE_KEYS.demoName, name.trim());
  removeStorage(STORAGE_KEYS.session);
  return logIn();
}

export function logOut(): void {
  forgetEarly();
  removeStorage(STORAGE_KEYS.session);
  removeStorage(STORAGE_KEYS.currentRoom);
  if (isH5()) removeStorage(STORAGE_KEYS.demoName);
  writeStorage(STORAGE_KEYS.loggedOut, true);
}
