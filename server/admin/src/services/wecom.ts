import type { components, Id } from '@yizhan/shared';
import { http } from './request';

/** One staff member's WeCom side (GET /staff/wecom-settings, GET /admin/staff/wecom). */
export type WecomSettings = components['schemas']['WecomSettingsView'];
export type WecomImportResult = components['schemas']['WecomImportResult'];
type WecomSettingsInput = components['schemas']['UpdateWecomSettingsDto'];

export const getMyWecom = () => http.get<WecomSettings>('/staff/wecom-settings');
export const saveMyWecom = (input: WecomSettingsInput) => http.put<WecomSettings>('/staff/wecom-settings', input);
/** The WeCom OAuth link that comes back to `back` (an admin path) with ?code=. */
export const wecomOauthUrl = (back: string) => http.get<components['schemas']['WecomOauthUrl']>('/staff/wecom-settings/oauth-url', { back }).then((r) => r.url);
export const bindMyWecom = (code: string) => http.post<WecomSettings>('/staff/wecom-settings/bind', { code }, { silent: true });

export const listWecom = () => http.get<components['schemas']['WecomSettingsPage']>('/admin/staff/wecom').then((r) => r.items);
export const setWecomUserid = (staffId: Id, userid: string | null) => http.put<WecomSettings>(`/admin/staff/${staffId}/wecom`, { userid });
export function importWecom(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<WecomImportResult>('/admin/staff/wecom/import', form);
}

export const BOUND_VIA: Record<NonNullable<WecomSettings['boundVia']>, string> = { admin: '管理员设置', import: '表格导入', oauth: '企业微信授权' };
