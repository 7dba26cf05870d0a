import type { BindRoomRequest, BindRoomResponse, components, Me } from '@yizhan/shared'
import { get, post } from './request'

export const fetchMe = () => get<Me>('/me')

/** `code` from `<Button openType="getPhoneNumber">` (not the login code). */
export const bindWechatPhone = (code: string) => post<components['schemas']['PhoneMaskedView']>('/me/phone', { code })

export const fetchCommunities = () => get<components['schemas']['CommunityListView']>('/communities')

export const searchRooms = (communityId: string, q: string) =>
  get<components['schemas']['RoomOptionList']>(`/communities/${encodeURIComponent(communityId)}/rooms`, { q })

/** Approved at once when name and phone match the room's roster entry, else pending. */
export const bindRoom = (body: BindRoomRequest) => post<BindRoomResponse>('/me/rooms', body)
