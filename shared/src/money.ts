/**
 * Money is integer fen (分) everywhere: stored, sent and summed as whole numbers, never
 * as floating yuan. Only display turns fen into "¥12.50".
 */

/** The largest amount one line or one quote may reach (¥999,999.99): far inside 2^53 and a MariaDB INT. */
export const MAX_FEN = 99_999_999;

export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN;
}

/** "¥12.50", "-¥3.00": whole fen to yuan text without going through a float sum. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`;
}

/** Yuan as typed in a form ("12.5", "12.50", "12") to fen, or null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,6})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A line's amount: unit price × quantity, negative for a discount. */
export function lineAmountFen(line: { kind: string; unitPriceFen: number; quantity: number }): number {
  const amount = line.unitPriceFen * line.quantity;
  return line.kind === 'discount' ? -amount : amount;
}

/** The sum of whole-fen amounts (exact: integers below 2^53). */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}
