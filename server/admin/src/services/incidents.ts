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
