/** A token as the server API hands it out: its value and how long it lives. */
export interface IssuedToken {
  token: string;
  expiresInSec: number;
}

/**
 * One server-API access token per process (WeChat, WeCom): reused until five minutes before it
 * expires, fetched one at a time (concurrent callers share the fetch), and dropped when a call
 * says it is no longer valid — only if it is still the one that failed, since another call may
 * have renewed it already.
 */
export class AccessTokenCache {
  private cached: { value: string; expiresAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(private readonly fetchToken: () => Promise<IssuedToken>) {}

  get(): Promise<string> {
    if (this.cached && this.cached.expiresAt - 5 * 60_000 > Date.now()) return Promise.resolve(this.cached.value);
    this.inFlight ??= (async () => {
      try {
        const { token, expiresInSec } = await this.fetchToken();
        this.cached = { value: token, expiresAt: Date.now() + expiresInSec * 1000 };
        return token;
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  /** Calls `send` with the token; when it fails because of the token (`isTokenError`), retries once with a fresh one. */
  async withToken<T>(send: (token: string) => Promise<T>, isTokenError: (e: unknown) => boolean): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.get();
      try {
        return await send(token);
      } catch (e) {
        if (attempt === 0 && isTokenError(e)) {
          if (this.cached?.value === token) this.cached = null;
          continue;
        }
        throw e;
      }
    }
  }
}
