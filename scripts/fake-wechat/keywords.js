'use strict';
/**
 * Subscribe-message keyword values, checked the way WeChat does before it sends
 * (see the limits table in WECHAT.md). A keyword's type is the name without its
 * number: `thing1` is a thing, `character_string3` a character_string.
 */

const HAN = /\p{Script=Han}/u;
const len = (/** @type {string} */ s) => [...s].length; // code points: 一 counts as 1

const DATE = String.raw`(\d{4})(?:-|/|年)(\d{1,2})(?:-|/|月)(\d{1,2})日?`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;
const DATE_ONLY = new RegExp(`^${DATE}$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);
const DATE_TIME = new RegExp(`^${DATE}\\s*${TIME}$`);

/** @param {string[]} m match groups y, mo, d */
function dateOk(y, mo, d) {
  return +y >= 1900 && +mo >= 1 && +mo <= 12 && +d >= 1 && +d <= 31;
}
function timeOk(h, mi, s) {
  return +h <= 23 && +mi <= 59 && (s === undefined || +s <= 59);
}
/** @returns {'date'|'time'|'datetime'|null} */
function pointKind(/** @type {string} */ s) {
  let m;
  if ((m = DATE_TIME.exec(s))) return dateOk(m[1], m[2], m[3]) && timeOk(m[4], m[5], m[6]) ? 'datetime' : null;
  if ((m = DATE_ONLY.exec(s))) return dateOk(m[1], m[2], m[3]) ? 'date' : null;
  if ((m = TIME_ONLY.exec(s))) return timeOk(m[1], m[2], m[3]) ? 'time' : null;
  return null;
}
/**
 * `time`: a 24-hour time, optionally with a date; `date`: a date, optionally with a
 * time. Either may be a range joined by `~`; the end of a range may be a bare time.
 */
function timeOrDate(/** @type {'time'|'date'} */ type, /** @type {string} */ v) {
  const parts = v.split(/[~～]/).map((p) => p.trim());
  if (parts.length > 2) return false;
  return parts.every((p, i) => {
    const kind = pointKind(p);
    if (!kind) return false;
    if (kind === 'datetime') return true;
    if (type === 'time') return kind === 'time';
    return kind === 'date' || (i > 0 && kind === 'time');
  });
}

/** @type {Record<string, (v: string) => boolean>} */
const RULES = {
  thing: (v) => len(v) <= 20,
  number: (v) => len(v) <= 32 && /^\d+(\.\d+)?$/.test(v),
  letter: (v) => len(v) <= 32 && /^[A-Za-z]+$/.test(v),
  character_string: (v) => len(v) <= 32 && /^[\x20-\x7e]+$/.test(v),
  symbol: (v) => len(v) <= 5,
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  name: (v) => !/\d/.test(v) && len(v) <= (HAN.test(v) ? 10 : 20),
  phone_number: (v) => len(v) <= 17 && /^[0-9+\-() ]+$/.test(v),
  car_number: (v) => len(v) <= 8 && /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(v),
  time: (v) => timeOrDate('time', v),
  date: (v) => timeOrDate('date', v),
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
};

const KEYWORD_TYPES = Object.keys(RULES);

/** `thing1` → `thing`, `character_string12` → `character_string`; null if not a type. */
function typeFromName(/** @type {string} */ name) {
  const t = name.replace(/\d+$/, '');
  return RULES[t] ? t : null;
}

/**
 * @param {string} type keyword type
 * @param {unknown} value the `value` field sent for it
 * @returns {null | 'empty' | 'invalid'}
 */
function checkValue(type, value) {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') return value === undefined || value === null ? 'empty' : 'invalid';
  if (value.trim() === '') return 'empty';
  return RULES[type](value) ? null : 'invalid';
}

module.exports = { KEYWORD_TYPES, typeFromName, checkValue };
