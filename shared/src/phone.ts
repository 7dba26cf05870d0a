/**
 * Phone numbers and names as the privacy rules want them (DESIGN.md §4): lists show
 * masks, never the full value.
 */

/** Full-width digits come from Chinese input methods: "１３８…" is still a phone number. */
function toAsciiDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/** Separators people type inside numbers: spaces (incl. full-width), dashes, dots, brackets. */
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\uFF0D.()\uFF08\uFF09]/g;

/** +86 / 86 / 0086 in front of an 11-digit mobile number. */
const COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=1\d{10}$)/;

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The 11-digit mainland mobile number in `s`, or null when `s` is not one.
 * Tolerates a +86 / 86 / 0086 prefix, spaces, dashes and full-width digits:
 * "+86 138-0013-8000" → "13800138000".
 */
export function normalizePhone(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const compact = toAsciiDigits(s).replace(SEPARATORS, '').replace(COUNTRY_PREFIX, '');
  return MOBILE.test(compact) ? compact : null;
}

export function isMobilePhone(s: string | null | undefined): boolean {
  return normalizePhone(s) !== null;
}

/**
 * How many of `length` characters to hide: at least 4 (as many as a mobile number's
 * middle), and always at least half, so short inputs never show most of themselves.
 * Shown characters are then split as at most 3 in front and at most 4 at the end.
 */
function maskPlan(length: number): { head: number; tail: number } {
  const hidden = length >= 8 ? Math.max(4, length - 7) : Math.ceil(length / 2);
  const shown = length - hidden;
  const head = Math.min(3, Math.floor(shown / 2));
  return { head, tail: shown - head };
}

/**
 * "13800138000" → "138****8000". Any other input is masked as safely: never more
 * than the first 3 and last 4 digits shown, at least half hidden, e.g. a landline
 * "010-12345678" → "010-****5678", "12345" → "1***5". Dashes are kept; other
 * separators and a country prefix are dropped.
 */
export function maskPhone(s: string): string;
export function maskPhone(s: string | null | undefined): string | null;
export function maskPhone(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const mobile = normalizePhone(s);
  if (mobile !== null) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;

  const kept = toAsciiDigits(s)
    .trim()
    .replace(/^(?:\+|00)86[\s-]*/, '')
    .replace(/[\u2010-\u2015\uFF0D]/g, '-')
    .replace(/[\s.()\uFF08\uFF09]/g, '');
  const chars = Array.from(kept);
  const units = chars.filter((c) => c !== '-').length;
  const { head, tail } = maskPlan(units);
  let seen = 0;
  return chars
    .map((c) => {
      if (c === '-') return c;
      const index = seen++;
      return index < head || index >= units - tail ? c : '*';
    })
    .join('')
    .replace(/^-+|-+$/g, '');
}

/**
 * Two-character surnames (复姓). Only these keep two characters; any other name keeps one.
 * The common ones from the Hundred Family Surnames; a rare miss only masks one character more.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙',
  '宇文', '司徒', '司空', '令狐', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门',
  '闻人', '呼延', '澹台', '公冶', '宗政', '濮阳', '太叔', '申屠', '钟离', '万俟',
  '赫连', '拓跋', '百里', '东郭', '羊舌', '第五', '左丘', '公羊', '谷梁', '乐正',
]); // prettier-ignore

/**
 * Keep the surname, hide the given name, one `*` per character: "张三" → "张*",
 * "欧阳娜娜" → "欧阳**". A one-character name is shown as surname + "*" (it can only
 * be a surname people are addressed by, 张先生).
 */
export function maskName(name: string): string;
export function maskName(name: string | null | undefined): string | null;
export function maskName(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null;
  const chars = Array.from(name.trim()); // code points: rare characters are surrogate pairs
  if (chars.length === 0) return '';
  if (chars.length === 1) return `${chars[0]}*`;
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
