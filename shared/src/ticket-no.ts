/**
 * Ticket numbers people read out on the phone: "BX20261123-0007" = 报修, filed on
 * 2026-11-23 (Asia/Shanghai), the 7th of that type that day in the installation.
 * The server allocates `seq` (a per type-and-day counter); this module only formats.
 */
import { TICKET_NO_PREFIX, TICKET_TYPES, type TicketType } from './enums';
import { localDateTime } from './zoned-time';

/** 'YYYYMMDD', as in ticket numbers. */
export type CompactDate = string;

export interface ParsedTicketNo {
  type: TicketType;
  localDate: CompactDate;
  seq: number;
}

function isRealDate(compact: string): boolean {
  if (!/^\d{8}$/.test(compact)) return false;
  const y = Number(compact.slice(0, 4));
  const m = Number(compact.slice(4, 6));
  const d = Number(compact.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * "BX20261123-0007". The sequence is padded to 4 digits and simply grows past 9999
 * ("BX20261123-10000") so a busy day never wraps or collides.
 * Throws RangeError on a malformed date or sequence: that is a bug in the caller.
 */
export function ticketNo(type: TicketType, localDate: CompactDate, seq: number): string {
  if (!isRealDate(localDate)) throw new RangeError(`ticketNo: localDate must be a real YYYYMMDD date, got "${localDate}"`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`ticketNo: seq must be a whole number ≥ 1, got ${seq}`);
  return `${TICKET_NO_PREFIX[type]}${localDate}-${String(seq).padStart(4, '0')}`;
}

/** The Asia/Shanghai calendar date of an instant, 'YYYYMMDD' (a ticket filed at 23:30 UTC belongs to the next day). */
export function shanghaiDate(date: Date): CompactDate {
  const { year, month, day } = localDateTime(date);
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

const TYPE_BY_PREFIX = new Map(TICKET_TYPES.map((type) => [TICKET_NO_PREFIX[type], type]));

/**
 * The parts of a ticket number, or null when `s` is not one. Lenient about what
 * people type into a search box (surrounding spaces, lower case: " bx20261123-0007"),
 * strict about the rest: only numbers `ticketNo` could have produced.
 */
export function parseTicketNo(s: string | null | undefined): ParsedTicketNo | null {
  if (typeof s !== 'string') return null;
  const match = /^([A-Z]{2})(\d{8})-(\d{4,})$/.exec(s.trim().toUpperCase());
  if (!match) return null;
  const [, prefix = '', localDate = '', digits = ''] = match;
  const type = TYPE_BY_PREFIX.get(prefix);
  const seq = Number(digits);
  if (!type || !isRealDate(localDate) || !Number.isSafeInteger(seq) || seq < 1) return null;
  // "-00007" is not what ticketNo writes for 7; refusing it keeps one spelling per ticket.
  if (digits.length > 4 && digits.startsWith('0')) return null;
  return { type, localDate, seq };
}
