import type { BindRoomRequest, BindRoomResponse, components, Me } from '@yizhan/shared';
import { del, get, post } from './request';

export const fetchMe = () => get<Me>('/me');

/** `code` from `<Button openType="getPhoneNumber">` (not the login code). */
export const bindWechatPhone = (code: string) => post<components['schemas']['PhoneMaskedView']>('/me/phone', { code });

export const fetchCommunities = () => get<components['schemas']['CommunityListView']>('/communities');

export const searchRooms = (communityId: string, q: string) =>
  get<components['schemas']['RoomOptionList']>(`/communities/${encodeURIComponent(communityId)}/rooms`, { q });

/** Approved at once when name and phone match the room's roster entry, else pending. */
export const bindRoom = (body: BindRoomRequest) => post<BindRoomResponse>('/me/rooms', body);

/** The property's hotline for a bound room, chosen by its zone and the time of day (null: none set). */
export const fetchHotline = (roomId: string) => get<{ hotline: { phone: string; label: string } | null }>('/me/hotline', { roomId });

/** PIPL "删除我的数据": erases the caller's personal data at once (requests stay, anonymised). */
export const eraseMyData = () => del<void>('/me');
