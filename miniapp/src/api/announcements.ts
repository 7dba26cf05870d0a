import type { ResidentAnnouncement, ResidentAnnouncementList } from '@yizhan/shared';
import { get, post } from './request';

/** A 公告 of the resident's area, as GET /me/announcements returns it (the generated contract). */
export type { ResidentAnnouncement };

export const listMyAnnouncements = () => get<ResidentAnnouncementList>('/me/announcements');
export const markAnnouncementRead = (id: string) => post<void>(`/me/announcements/${encodeURIComponent(id)}/read`);
export const markAllAnnouncementsRead = () => post<{ marked: number }>('/me/announcements/read-all');
