import type { ApiResult } from './result';

/**
 * Requests started before the page that needs them exists (api/first-page.ts, the h5's
 * launch): the first page's chunk and its first answers then download side by side on a
 * slow phone network instead of one after the other. Each started answer serves exactly
 * one call of the same GET by the page, and only for a short while after launch; a
 * change (any other method) or a sign-out drops them all, so a page never shows an
 * answer from before something it did.
 */
const TTL_MS = 10_000;

interface Early {
  answer: Promise<ApiResult<unknown>>;
  until: number;
}

const started = new Map<string, Early>();
let recording = false;
/** Counts `forgetEarly` calls: a request started after an answer must not outlive a sign-out meanwhile. */
let epoch = 0;

export function earlyEpoch(): number {
  return epoch;
}

/** While `start` runs, the GETs it calls are kept for the page instead of only answered to `start`. */
export function startEarly(start: () => void): void {
  recording = true;
  try {
    start();
  } finally {
    recording = false;
  }
}

/** Called by `request` for a GET: keep it when started early, else hand over an early answer (once). */
export function earlyAnswer<T>(key: string, send: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  if (recording) {
    const answer = send();
    started.set(key, { answer, until: Date.now() + TTL_MS });
    return answer;
  }
  const early = started.get(key);
  started.delete(key);
  if (early && early.until > Date.now()) return early.answer as Promise<ApiResult<T>>;
  return send();
}

/** Something changed on the server, or the resident signed out: no early answer is current any more. */
export function forgetEarly(): void {
  started.clear();
  epoch += 1;
}
