import type { BindRoomRequest, BindRoomResponse, CommunitySummary, Me, RoomOption } from '@yizhan/shared'
import { get, post } from './request'

export const fetchMe = () => get<Me>('/me')

/** `code` from `<Button openType="getPhoneNumber">` (not the login code). */
export const bindWechatPhone = (code: string) => post<{ phoneMasked: string }>('/me/phone', { code })

export const fetchCommunities = () => get<{ items: CommunitySummary[] }>('/communities')

export const searchRooms = (communityId: string, q: string) =>
  get<{ items: RoomOption[] }>(`/communities/${encodeURIComponent(communityId)}/rooms`, { q })

/** Approved at once when name and phone match the room's roster entry, else pending. */
export const bindRoom = (body: BindRoomRequest) => post<BindRoomResponse>('/me/rooms', body)
