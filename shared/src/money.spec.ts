import { formatFen, lineAmountFen, parseYuan, sumFen } from './money';

describe('money in fen', () => {
  it('formats fen as yuan text', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(1250)).toBe('¥12.50');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-300)).toBe('-¥3.00');
  });

  it('parses typed yuan into fen without float error', () => {
    expect(parseYuan('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan(' 8 ')).toBe(800);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });

  it('line amounts: price × quantity, discounts negative; sums exact', () => {
    expect(lineAmountFen({ kind: 'material', unitPriceFen: 1999, quantity: 3 })).toBe(5997);
    expect(lineAmountFen({ kind: 'discount', unitPriceFen: 500, quantity: 1 })).toBe(-500);
    const tenths = Array.from({ length: 1000 }, () => 10); // 1,000 × ¥0.10
    expect(sumFen(tenths)).toBe(10000);
  });
});
