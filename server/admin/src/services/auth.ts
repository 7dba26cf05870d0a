import type { StaffLoginRequest, StaffLoginResponse } from '@yizhan/shared';
import { http } from './request';
import { saveTokens, setSession, type Session } from './session';

export async function login(body: StaffLoginRequest): Promise<Session> {
  // Wrong password is a 401 too, but it must not trigger a token refresh.
  const answer = await http.post<StaffLoginResponse>('/auth/staff/login', body, { anonymous: true, silent: true });
  return saveTokens(answer);
}

export function logout(): void {
  setSession(null);
}
