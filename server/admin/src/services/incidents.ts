import type { Id, IncidentStatus, TicketStatus } from '@yizhan/shared';
import { http } from './request';

/** GET /admin/incidents (see the server's incidents.dto.ts). */
export interface IncidentView {
  id: Id;
  communityId: Id;
  title: string;
  category: string;
  cause: string;
  zoneIds: Id[];
  buildingIds: Id[];
  areaLabel: string;
  status: IncidentStatus;
  startsAt: string;
  expectedEndAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  linkedCount: number;
  createdByName: string;
  createdAt: string;
}
export interface IncidentDetail extends IncidentView {
  linked: { id: Id; no: string; status: TicketStatus; category: string; description: string; roomLabel: string; createdAt: string }[];
  residentCount: number;
}
export interface IncidentInput {
  communityId: Id;
  zoneIds: Id[];
  buildingIds: Id[];
  title: string;
  category: string;
  cause: string;
  startsAt: string;
  expectedEndAt: string;
}

export const listIncidents = (communityId: Id, status?: IncidentStatus) =>
  http.get<{ items: IncidentView[] }>('/admin/incidents', { communityId, status }).then((p) => p.items);
export const getIncident = (id: Id) => http.get<IncidentDetail>(`/admin/incidents/${id}`);
export const declareIncident = (body: IncidentInput) => http.post<IncidentDetail>('/admin/incidents', body);
export const updateIncident = (id: Id, body: { expectedEndAt: string; note?: string }) => http.patch<IncidentDetail>(`/admin/incidents/${id}`, body);
export const resolveIncident = (id: Id, resolution: string) => http.post<IncidentDetail>(`/admin/incidents/${id}/resolve`, { resolution });

/** GET /admin/announcements (the server's announcements.dto.ts). */
export interface AnnouncementView {
  id: Id;
  communityId: Id;
  zoneIds: Id[];
  buildingIds: Id[];
  areaLabel: string;
  title: string;
  body: string;
  photos: { id: Id; url: string; thumbUrl: string }[];
  startsAt: string;
  endsAt: string | null;
  pinned: boolean;
  state: 'scheduled' | 'active' | 'ended';
  incidentId: Id | null;
  readCount: number;
  audienceCount: number;
  createdByName: string;
  createdAt: string;
}
export interface AnnouncementInput {
  communityId: Id;
  zoneIds: Id[];
  buildingIds: Id[];
  title: string;
  body: string;
  photoIds: Id[];
  startsAt?: string;
  endsAt?: string | null;
  pinned: boolean;
}
export const listAnnouncements = (communityId: Id) =>
  http.get<{ items: AnnouncementView[] }>('/admin/announcements', { communityId }).then((p) => p.items);
export const publishAnnouncement = (body: AnnouncementInput) => http.post<AnnouncementView>('/admin/announcements', body);
export const updateAnnouncement = (id: Id, body: { pinned?: boolean; endsAt?: string | null }) => http.patch<AnnouncementView>(`/admin/announcements/${id}`, body);
export const announceIncident = (incidentId: Id) => http.post<AnnouncementView>(`/admin/announcements/from-incident/${incidentId}`);
