import type { components, Slot } from '@yizhan/shared';
import { get } from './request';

/** A bookable visit window of a service item (GET /service-items/:id/slots). */
export type ServiceSlot = Slot;

export const listServiceItems = (communityId: string) => get<components['schemas']['ServiceItemList']>('/service-items', { communityId });

/** `date` is a Shanghai calendar date, YYYY-MM-DD. */
export const listSlots = (itemId: string, date: string) =>
  get<components['schemas']['SlotList']>(`/service-items/${encodeURIComponent(itemId)}/slots`, { date });
