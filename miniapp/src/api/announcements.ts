import { get, post } from './request'

/** A 公告 of the resident's area, as GET /me/announcements returns it. */
export interface ResidentAnnouncement {
  id: string
  title: string
  body: string
  photos: { id: string; url: string; thumbUrl: string }[]
  pinned: boolean
  startsAt: string
  endsAt: string | null
  read: boolean
}

export const listMyAnnouncements = () => get<{ items: ResidentAnnouncement[]; unread: number }>('/me/announcements')
export const markAnnouncementRead = (id: string) => post<void>(`/me/announcements/${encodeURIComponent(id)}/read`)
export const markAllAnnouncementsRead = () => post<{ marked: number }>('/me/announcements/read-all')
