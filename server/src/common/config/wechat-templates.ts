import { NOTICE_KINDS, NoticeKind, localDateTime } from '@yizhan/shared';

/**
 * Subscribe-message templates: which WeChat template each notice kind uses and what
 * fills each keyword. A keyword's name carries its type (thing1 → thing, time4 → time),
 * as in every WeChat template, and each type has a length limit (WECHAT.md) that is
 * enforced here before sending, so 47003 never happens for length.
 */
export const VALUE_SOURCES = ['no', 'summary', 'status', 'time', 'note', 'owner', 'assignee', 'appointment', 'title', 'room', 'body'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

export interface TemplateSpec {
  templateId: string;
  /** keyword name → where its value comes from */
  data: Record<string, ValueSource>;
}
export type TemplateMap = Partial<Record<NoticeKind, TemplateSpec>>;

const KEYWORD_TYPES = ['thing', 'number', 'letter', 'character_string', 'symbol', 'phrase', 'name', 'phone_number', 'car_number', 'time', 'date', 'amount'] as const;
type KeywordType = (typeof KEYWORD_TYPES)[number];

export function keywordType(keyword: string): KeywordType | null {
  const base = keyword.replace(/\d+$/, '');
  return (KEYWORD_TYPES as readonly string[]).includes(base) ? (base as KeywordType) : null;
}

const chars = (s: string) => Array.from(s);
const clip = (s: string, max: number) => (chars(s).length <= max ? s : chars(s).slice(0, max - 1).join('') + '…');

/** A value shaped to what WeChat accepts for the keyword's type. */
export function fitKeyword(keyword: string, raw: string): string {
  const value = raw.replace(/\s+/g, ' ').trim();
  switch (keywordType(keyword)) {
    case 'thing':
      return clip(value || '—', 20);
    case 'number':
      return value.replace(/[^\d.]/g, '').slice(0, 32) || '0';
    case 'letter':
      return value.replace(/[^A-Za-z]/g, '').slice(0, 32) || 'NA';
    case 'character_string':
      return value.replace(/[^\x21-\x7e]/g, '').slice(0, 32) || '-';
    case 'symbol':
      return value.slice(0, 5);
    case 'phrase':
      // Five Chinese characters at most, and nothing else.
      return chars(value.replace(/[^\u4e00-\u9fff]/g, '')).slice(0, 5).join('') || '通知';
    case 'name': {
      const isLatin = /^[A-Za-z .]+$/.test(value);
      return isLatin ? value.slice(0, 20) : chars(value.replace(/[^\u4e00-\u9fff·]/g, '')).slice(0, 10).join('') || '物业';
    }
    case 'phone_number':
      return value.replace(/[^\d+-]/g, '').slice(0, 17);
    case 'car_number':
      return chars(value).slice(0, 8).join('');
    case 'time':
    case 'date':
      return formatTime(value);
    case 'amount': {
      const n = Number(value.replace(/[^\d.]/g, ''));
      return Number.isFinite(n) ? `${n.toFixed(2).slice(0, 10)}元` : '0元';
    }
    default:
      return clip(value, 20);
  }
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai; the format WeChat's time keywords accept. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 16);
  const l = localDateTime(date);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)}`;
}

export function templateData(spec: TemplateSpec, values: Record<string, unknown>): Record<string, { value: string }> {
  return Object.fromEntries(
    Object.entries(spec.data).map(([keyword, source]) => [keyword, { value: fitKeyword(keyword, String(values[source] ?? '')) }]),
  );
}

/** Parses and checks WECHAT_TEMPLATES; throws a one-line message naming what is wrong. */
export function parseTemplates(json: string): TemplateMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('must be an object keyed by notice kind');
  const map: TemplateMap = {};
  for (const [kind, spec] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(NOTICE_KINDS as readonly string[]).includes(kind)) throw new Error(`has an unknown notice kind "${kind}" (expected ${NOTICE_KINDS.join(', ')})`);
    const s = spec as { templateId?: unknown; data?: unknown };
    if (typeof s?.templateId !== 'string' || !s.templateId) throw new Error(`${kind}.templateId must be a string`);
    if (!s.data || typeof s.data !== 'object') throw new Error(`${kind}.data must map keywords to sources`);
    for (const [keyword, source] of Object.entries(s.data as Record<string, unknown>)) {
      if (!keywordType(keyword)) throw new Error(`${kind}.data has keyword "${keyword}" of unknown type`);
      if (!(VALUE_SOURCES as readonly string[]).includes(String(source))) throw new Error(`${kind}.data.${keyword} has unknown source "${String(source)}" (expected ${VALUE_SOURCES.join(', ')})`);
    }
    map[kind as NoticeKind] = { templateId: s.templateId, data: s.data as Record<string, ValueSource> };
  }
  return map;
}

/** Used in development and tests (the fake WeChat knows these); production sets WECHAT_TEMPLATES. */
export const DEVELOPMENT_TEMPLATES: TemplateMap = {
  accepted: { templateId: 'tpl_accepted', data: { character_string1: 'no', thing2: 'summary', phrase3: 'status', time4: 'time' } },
  dispatched: { templateId: 'tpl_dispatched', data: { character_string1: 'no', name2: 'assignee', time3: 'appointment', thing4: 'note' } },
  resolved: { templateId: 'tpl_resolved', data: { character_string1: 'no', thing2: 'summary', phrase3: 'status', thing4: 'title' } },
  reopened: { templateId: 'tpl_reopened', data: { character_string1: 'no', thing2: 'note', phrase3: 'status', time4: 'time' } },
  closed: { templateId: 'tpl_closed', data: { character_string1: 'no', thing2: 'summary', phrase3: 'status', time4: 'time' } },
  cancelled: { templateId: 'tpl_cancelled', data: { character_string1: 'no', thing2: 'note', phrase3: 'status', time4: 'time' } },
  replied: { templateId: 'tpl_replied', data: { character_string1: 'no', thing2: 'note', name3: 'owner', time4: 'time' } },
  held: { templateId: 'tpl_held', data: { character_string1: 'no', thing2: 'note', phrase3: 'status', time4: 'time' } },
  resumed: { templateId: 'tpl_resumed', data: { character_string1: 'no', thing2: 'summary', phrase3: 'status', time4: 'time' } },
  appointment: { templateId: 'tpl_appointment', data: { character_string1: 'no', time2: 'appointment', name3: 'assignee', thing4: 'summary' } },
  reminder: { templateId: 'tpl_reminder', data: { character_string1: 'no', time2: 'appointment', thing3: 'summary', thing4: 'title' } },
  delayed: { templateId: 'tpl_delayed', data: { character_string1: 'no', thing2: 'note', phrase3: 'status', time4: 'time' } },
  incident: { templateId: 'tpl_incident', data: { thing1: 'summary', phrase2: 'status', time3: 'time', thing4: 'note' } },
  incident_resolved: { templateId: 'tpl_incident_resolved', data: { thing1: 'summary', phrase2: 'status', time3: 'time', thing4: 'note' } },
  incident_linked: { templateId: 'tpl_incident_linked', data: { character_string1: 'no', thing2: 'summary', time3: 'time', thing4: 'note' } },
};
