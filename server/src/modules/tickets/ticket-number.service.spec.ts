import type { DataSource } from 'typeorm';
import { TicketNumberService } from './ticket-number.service';

/** The counter table of one database, as the MariaDB bump statement sees it (insertId = the new value). */
function counterDatabase() {
  const counters = new Map<string, number>();
  const bumps: { prefix: string; n: number }[] = [];
  const dataSource = {
    options: { type: 'mariadb' },
    query: async (_sql: string, [prefix, n]: [string, number]) => {
      await new Promise((r) => setImmediate(r)); // a round trip: callers arriving meanwhile wait for it
      bumps.push({ prefix, n });
      const seq = (counters.get(prefix) ?? 0) + n;
      counters.set(prefix, seq);
      return { insertId: seq };
    },
  } as unknown as DataSource;
  return { dataSource, bumps };
}

const at = new Date('2026-12-07T02:00:00Z'); // 10:00 in Shanghai

describe('TicketNumberService', () => {
  it('hands out a day’s numbers in order on one instance, one counter bump per 16', async () => {
    const { dataSource, bumps } = counterDatabase();
    const numbers = new TicketNumberService(dataSource);
    const got: string[] = [];
    for (let i = 0; i < 20; i++) got.push(await numbers.next('repair', at));
    expect(got.slice(0, 3)).toEqual(['BX20261207-0001', 'BX20261207-0002', 'BX20261207-0003']);
    expect(got[19]).toBe('BX20261207-0020');
    expect(bumps).toEqual([
      { prefix: 'BX20261207', n: 16 },
      { prefix: 'BX20261207', n: 16 },
    ]);
  });

  it('gives submissions arriving together distinct numbers, taking a larger block when more are waiting', async () => {
    const { dataSource, bumps } = counterDatabase();
    const numbers = new TicketNumberService(dataSource);
    const got = await Promise.all(Array.from({ length: 40 }, () => numbers.next('complaint', at)));
    expect(new Set(got).size).toBe(40);
    expect(got.map((no) => Number(no.slice(-4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(bumps.length).toBeLessThanOrEqual(3);
  });

  it('keeps the rest of a block when a few waiting submissions take numbers from it (no gap)', async () => {
    const { dataSource, bumps } = counterDatabase();
    const numbers = new TicketNumberService(dataSource);
    await numbers.next('repair', at); // 0001, and 0002–0016 taken ahead
    // A bump under way for another prefix is irrelevant; here three arrive together while none is.
    const together = await Promise.all([numbers.next('repair', at), numbers.next('repair', at), numbers.next('repair', at)]);
    expect(together.sort()).toEqual(['BX20261207-0002', 'BX20261207-0003', 'BX20261207-0004']);
    expect(await numbers.next('repair', at)).toBe('BX20261207-0005');
    expect(bumps).toHaveLength(1);
  });

  it('two instances never hand out the same number, and a new day starts its own count', async () => {
    const { dataSource } = counterDatabase();
    const [a, b] = [new TicketNumberService(dataSource), new TicketNumberService(dataSource)];
    const got = [];
    for (let i = 0; i < 30; i++) got.push(await (i % 2 ? a : b).next('repair', at));
    expect(new Set(got).size).toBe(30);
    expect(await a.next('repair', new Date('2026-12-07T16:30:00Z'))).toBe('BX20261208-0001'); // 00:30 the next day in Shanghai
  });
});
