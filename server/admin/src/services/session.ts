import type { StaffLoginResponse, StaffProfile } from '@yizhan/shared';

/**
 * The signed-in staff member's tokens, kept in localStorage so a reload keeps the
 * session. Only this module reads or writes the key.
 */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires (from `expiresIn`). */
  expiresAt: number;
  staff: StaffProfile;
}

const KEY = 'yizhan.admin.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;

export function getSession(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const raw = localStorage.getItem(KEY);
    cached = raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    cached = null;
  }
  return cached;
}

export function setSession(session: Session | null): void {
  cached = session;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  listeners.forEach((fn) => fn(session));
}

/** Store a login or refresh answer; a refresh answer may omit `staff`, so keep the old one. */
export function saveTokens(answer: Omit<StaffLoginResponse, 'staff'> & { staff?: StaffProfile }): Session {
  const previous = getSession();
  const staff = answer.staff ?? previous?.staff;
  if (!staff) throw new Error('登录信息不完整');
  const session: Session = {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    expiresAt: Date.now() + answer.expiresIn * 1000,
    staff,
  };
  setSession(session);
  return session;
}

export function onSessionChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tests start from a clean slate. */
export function resetSessionCache(): void {
  cached = undefined;
}
