import type { TicketFilters } from '../../../services/tickets';

/** Named filter sets kept in this browser (per staff member). */
export interface SavedFilter {
  name: string;
  filters: TicketFilters;
}

const key = (staffId: string) => `yizhan.admin.savedFilters.${staffId}`;

export function loadSavedFilters(staffId: string): SavedFilter[] {
  try {
    const raw = localStorage.getItem(key(staffId));
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed) ? (parsed as SavedFilter[]).filter((f) => f && typeof f.name === 'string') : [];
  } catch {
    return [];
  }
}

/** Save under `name`, replacing a set of the same name; newest first. */
export function saveFilter(staffId: string, name: string, filters: TicketFilters): SavedFilter[] {
  const next = [{ name, filters }, ...loadSavedFilters(staffId).filter((f) => f.name !== name)];
  localStorage.setItem(key(staffId), JSON.stringify(next));
  return next;
}

export function removeSavedFilter(staffId: string, name: string): SavedFilter[] {
  const next = loadSavedFilters(staffId).filter((f) => f.name !== name);
  localStorage.setItem(key(staffId), JSON.stringify(next));
  return next;
}
