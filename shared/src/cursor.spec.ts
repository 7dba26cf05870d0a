import { MAX_CURSOR_LENGTH, decodeCursor, encodeCursor, type CursorValue } from './cursor';

describe('encodeCursor', () => {
  it.each<[CursorValue[], string]>([
    [['a'], 'WyJhIl0'],
    [['2026-11-23T01:02:03.000Z', '123456789012345678'], 'WyIyMDI2LTExLTIzVDAxOjAyOjAzLjAwMFoiLCIxMjM0NTY3ODkwMTIzNDU2NzgiXQ'],
    [[null, -1.5, 0], 'W251bGwsLTEuNSwwXQ'],
    [[], 'W10'],
    [['张三'], 'WyJcdTVmMjBcdTRlMDkiXQ'], // non-ASCII travels as \u escapes
  ])('%j → %s (standard base64url, unpadded)', (values, expected) => {
    expect(encodeCursor(values)).toBe(expected);
  });

  it('refuses numbers JSON cannot carry, rather than silently paging from the wrong row', () => {
    expect(() => encodeCursor([Number.NaN])).toThrow(RangeError);
    expect(() => encodeCursor([Infinity, 'x'])).toThrow(RangeError);
  });
});

describe('decodeCursor', () => {
  it.each<CursorValue[]>([
    ['2026-11-23T01:02:03.000Z', '123456789012345678'],
    [null, 0, -0.25, 1e21, Number.MAX_SAFE_INTEGER],
    ['张三', '😀 emoji', 'quote " backslash \\ newline \n'],
    [''],
    ['a'],
    ['ab'],
    ['abc'], // three lengths, so every base64 tail (none, 2 and 3 characters) is exercised
    [],
  ])('round-trips %j', (...values) => {
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a query string as is
    expect(decodeCursor(cursor)).toEqual(values);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'WyJh!l0'],
    ['standard base64 alphabet', 'W+/='],
    ['an impossible length', 'WyJhI'],
    ['not JSON', 'WzEs'],
    ['a JSON object', 'eyJhIjoxfQ'],
    ['an array holding a boolean', 'W3RydWVd'],
    ['an array holding an object', 'W3t9XQ'],
    ['an array holding an array', 'W1sxXV0'],
    ['an overflowing number', 'WzFlOTk5XQ'],
  ])('%s → null', (_, s) => {
    expect(decodeCursor(s)).toBeNull();
  });

  it('anything that is not a string → null', () => {
    for (const s of [undefined, null, 42, ['WyJhIl0'], { cursor: 'WyJhIl0' }]) expect(decodeCursor(s)).toBeNull();
  });

  it('refuses an oversized cursor before decoding it', () => {
    expect(decodeCursor('A'.repeat(MAX_CURSOR_LENGTH + 1))).toBeNull();
  });

  it('checks the number of values when told', () => {
    const cursor = encodeCursor(['2026-11-23T01:02:03.000Z', '7']);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-23T01:02:03.000Z', '7']);
    expect(decodeCursor(cursor, 3)).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ %\u00e9\u5f20';
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 40);
      const s = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const decoded = decodeCursor(s);
      if (decoded !== null) expect(Array.isArray(decoded)).toBe(true);
    }
  });
});
