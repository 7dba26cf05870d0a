/**
 * A random id for idempotency keys and local list keys. Not security sensitive: it
 * only has to be unique per resident for 24 h (API.md, Idempotency-Key ≤ 64 chars).
 */
export function randomId(): string {
  const time = Date.now().toString(36);
  let random = '';
  for (let i = 0; i < 4; i += 1)
    random += Math.floor(Math.random() * 0x100000000)
      .toString(36)
      .padStart(7, '0');
  return `${time}-${random}`;
}
