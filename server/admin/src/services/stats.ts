import type { Id, SlaClock, TicketStatus, TicketType } from '@yizhan/shared';
import { http } from './request';

/** Assumed answer of GET /admin/stats (API.md lists the contents, not the shape). */
export interface Stats {
  counts: { byType: Partial<Record<TicketType, number>>; byStatus: Partial<Record<TicketStatus, number>> };
  firstResponse: { medianSec: number | null; p90Sec: number | null };
  resolution: { medianSec: number | null; p90Sec: number | null };
  /** 0..1, null when nothing was due in the window. */
  onTimeRate: Record<SlaClock, number | null>;
  satisfactionRate: number | null;
  revisitRate: number | null;
  reopenRate: number | null;
  owners: { staffId: Id; name: string; owned: number; onTime: number | null; satisfaction: number | null }[];
  trend: { date: string; created: number; resolved: number; satisfaction: number | null }[];
}

export const getStats = (q: { communityId?: Id; from: string; to: string }) => http.get<Stats>('/admin/stats', q);
