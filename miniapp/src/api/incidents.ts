import type { IncidentStatus } from '@yizhan/shared'
import { get } from './request'

/** An incident (停水停电 …) in the resident's area, as GET /me/incidents returns it. */
export interface ResidentIncident {
  id: string
  title: string
  cause: string
  areaLabel: string
  status: IncidentStatus
  startsAt: string
  expectedEndAt: string
  resolvedAt: string | null
  resolution: string | null
}

export const listMyIncidents = () => get<{ items: ResidentIncident[] }>('/me/incidents')
