import type { ServiceItem } from '@yizhan/shared'
import { get } from './request'

/** A bookable visit window of a service item (GET /service-items/:id/slots). */
export interface ServiceSlot {
  start: string
  end: string
  remaining: number
}

export const listServiceItems = (communityId: string) =>
  get<{ items: ServiceItem[] }>('/service-items', { communityId })

/** `date` is a Shanghai calendar date, YYYY-MM-DD. */
export const listSlots = (itemId: string, date: string) =>
  get<{ items: ServiceSlot[] }>(`/service-items/${encodeURIComponent(itemId)}/slots`, { date })
