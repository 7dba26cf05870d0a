import type { ResidentIncident } from '@yizhan/shared';
import { get } from './request';

/** An incident (停水停电 …) in the resident's area, as GET /me/incidents returns it (the generated contract). */
export type { ResidentIncident };

export const listMyIncidents = () => get<{ items: ResidentIncident[] }>('/me/incidents');
