import type { Id, Stats } from '@yizhan/shared';
import { http } from './request';

export type { Stats };

export const getStats = (q: { communityId?: Id; from: string; to: string }) => http.get<Stats>('/admin/stats', q);
