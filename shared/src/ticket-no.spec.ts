import { parseTicketNo, shanghaiDate, ticketNo } from './ticket-no';

describe('ticketNo', () => {
  it('prefixes by type, pads the sequence to 4 digits', () => {
    expect(ticketNo('repair', '20261123', 7)).toBe('BX20261123-0007');
    expect(ticketNo('complaint', '20261123', 42)).toBe('TS20261123-0042');
    expect(ticketNo('home_service', '20261123', 1)).toBe('FW20261123-0001');
    expect(ticketNo('repair', '20261123', 9999)).toBe('BX20261123-9999');
  });

  it('grows past 9999 instead of wrapping', () => {
    expect(ticketNo('repair', '20261123', 10000)).toBe('BX20261123-10000');
    expect(ticketNo('repair', '20261123', 123456)).toBe('BX20261123-123456');
  });

  it.each([
    ['2026-11-23', 1],
    ['20261332', 1],
    ['20260230', 1],
    ['2026112', 1],
    ['20261123', 0],
    ['20261123', -1],
    ['20261123', 1.5],
    ['20261123', Number.NaN],
  ])('refuses %j / %d', (date, seq) => {
    expect(() => ticketNo('repair', date, seq)).toThrow(RangeError);
  });
});

describe('shanghaiDate', () => {
  it('is the calendar date in Asia/Shanghai', () => {
    expect(shanghaiDate(new Date('2026-11-22T15:59:59.999Z'))).toBe('20261122');
    expect(shanghaiDate(new Date('2026-11-22T16:00:00.000Z'))).toBe('20261123'); // midnight in Shanghai
    expect(shanghaiDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('20270101');
  });
});

describe('parseTicketNo', () => {
  it('round-trips what ticketNo writes', () => {
    for (const type of ['repair', 'complaint', 'home_service'] as const) {
      for (const seq of [1, 7, 9999, 10000]) {
        const no = ticketNo(type, '20280229', seq);
        expect(parseTicketNo(no)).toEqual({ type, localDate: '20280229', seq });
      }
    }
  });

  it('accepts what people type into a search box', () => {
    expect(parseTicketNo('  bx20261123-0007 ')).toEqual({ type: 'repair', localDate: '20261123', seq: 7 });
  });

  it.each([
    'XX20261123-0007',
    'BX20261123-007',
    'BX20261123-00007',
    'BX20261123-0000',
    'BX20261123_0007',
    'BX2026112-0007',
    'BX20261301-0007',
    'BX20260229-0001', // 2026 is not a leap year
    'BX20261123-0007x',
    'BX20261123-',
    '',
  ])('%j is not a ticket number', (s) => {
    expect(parseTicketNo(s)).toBeNull();
  });

  it('null is not a ticket number', () => {
    expect(parseTicketNo(null)).toBeNull();
  });
});
