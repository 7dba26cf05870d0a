/**
 * Keyset pagination cursors (API.md "Lists"): the sort-key values of the last item
 * of a page, as JSON, base64url-encoded. Opaque to clients, readable by the server.
 *
 * No Buffer / btoa / TextEncoder: this file also runs in the mini-program. The JSON
 * is kept ASCII (non-ASCII escaped as \uXXXX) so base64 over char codes is exact.
 */

export type CursorValue = string | number | null;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map(Array.from(ALPHABET, (c, i) => [c, i]));

/** Far beyond any real cursor; stops a hostile `?cursor=` from costing the server work. */
export const MAX_CURSOR_LENGTH = 2048;

function toBase64Url(ascii: string): string {
  let out = '';
  for (let i = 0; i < ascii.length; i += 3) {
    const a = ascii.charCodeAt(i);
    const b = i + 1 < ascii.length ? ascii.charCodeAt(i + 1) : 0;
    const c = i + 2 < ascii.length ? ascii.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < ascii.length) out += ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < ascii.length) out += ALPHABET[n & 63]!;
  }
  return out;
}

/** The decoded text, or null when `s` is not base64url (no padding, as we write it). */
function fromBase64Url(s: string): string | null {
  if (s.length % 4 === 1) return null;
  let out = '';
  for (let i = 0; i < s.length; i += 4) {
    const chunk = s.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const v = j < chunk.length ? INDEX.get(chunk[j]!) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    out += String.fromCharCode((n >> 16) & 255);
    if (chunk.length > 2) out += String.fromCharCode((n >> 8) & 255);
    if (chunk.length > 3) out += String.fromCharCode(n & 255);
  }
  return out;
}

function isCursorValue(v: unknown): v is CursorValue {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * The cursor for a page ending at a row with these sort-key values (e.g.
 * `[createdAt.toISOString(), id]`). Throws on a non-finite number: JSON would turn it
 * into null silently and the next page would start somewhere else.
 */
export function encodeCursor(values: readonly CursorValue[]): string {
  for (const v of values) {
    if (!isCursorValue(v)) throw new RangeError(`encodeCursor: unsupported value ${String(v)}`);
  }
  const ascii = JSON.stringify(values).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return toBase64Url(ascii);
}

/**
 * The values in a cursor, or null for anything malformed (wrong alphabet, not JSON,
 * not an array of strings/numbers/nulls, too long, or not `arity` values when given).
 * Never throws: the server answers a bad cursor with 400, never a 500.
 */
export function decodeCursor(s: unknown, arity?: number): CursorValue[] | null {
  if (typeof s !== 'string' || s.length === 0 || s.length > MAX_CURSOR_LENGTH) return null;
  const json = fromBase64Url(s);
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every(isCursorValue)) return null;
  if (arity !== undefined && parsed.length !== arity) return null;
  return parsed;
}
