import type {
  Announcement,
  AnnouncementInput,
  AnnouncementUpdate,
  Id,
  Incident,
  IncidentDetail,
  IncidentInput,
  IncidentStatus,
  IncidentUpdate,
} from '@yizhan/shared';
import { http } from './request';

/** GET /admin/incidents: the generated contract's IncidentView (an alias kept for the pages). */
export type IncidentView = Incident;
export type { AnnouncementInput, IncidentDetail, IncidentInput };
export const listIncidents = (communityId: Id, status?: IncidentStatus) =>
  http.get<{ items: IncidentView[] }>('/admin/incidents', { communityId, status }).then((p) => p.items);
export const getIncident = (id: Id) => http.get<IncidentDetail>(`/admin/incidents/${id}`);
export const declareIncident = (body: IncidentInput) => http.post<IncidentDetail>('/admin/incidents', body);
export const updateIncident = (id: Id, body: IncidentUpdate) => http.patch<IncidentDetail>(`/admin/incidents/${id}`, body);
export const resolveIncident = (id: Id, resolution: string) => http.post<IncidentDetail>(`/admin/incidents/${id}/resolve`, { resolution });

/** GET /admin/announcements: the generated contract's AnnouncementView. */
export type AnnouncementView = Announcement;
export const listAnnouncements = (communityId: Id) => http.get<{ items: AnnouncementView[] }>('/admin/announcements', { communityId }).then((p) => p.items);
export const publishAnnouncement = (body: AnnouncementInput) => http.post<AnnouncementView>('/admin/announcements', body);
export const updateAnnouncement = (id: Id, body: AnnouncementUpdate) => http.patch<AnnouncementView>(`/admin/announcements/${id}`, body);
export const announceIncident = (incidentId: Id) => http.post<AnnouncementView>(`/admin/announcements/from-incident/${incidentId}`);
