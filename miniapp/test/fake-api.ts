/**
 * An in-memory stand-in for the Yizhan API as API.md describes it, enough for the
 * pages under test: WeChat login issues tokens, every other route needs a valid one
 * (401 otherwise), and tests add routes with `api.on('POST /tickets', handler)`.
 */
export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  headers: Record<string, string>;
}
export type FakeResponse = { status: number; body?: unknown } | 'offline';
type Handler = (req: FakeRequest, params: Record<string, string>) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export class FakeApi {
  private routes: Route[] = [];
  requests: FakeRequest[] = [];
  tokens = new Set<string>();
  loginCodes: string[] = [];
  residentId = 'r1';
  offline = false;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.routes = [];
    this.requests = [];
    this.tokens = new Set();
    this.loginCodes = [];
    this.offline = false;
  }

  /** `spec` is "METHOD /path/:param". Later routes win over earlier ones. */
  on(spec: string, handler: Handler): this {
    const [method, path] = spec.split(' ') as [string, string];
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:([a-zA-Z]+)/g, (_, k: string) => {
        keys.push(k);
        return '([^/]+)';
      })}$`,
    );
    this.routes.unshift({ method, pattern, keys, handler });
    return this;
  }

  /** Requests other than login, as "METHOD /path". */
  calls(spec?: string): FakeRequest[] {
    return this.requests.filter((r) => r.path !== '/auth/wechat/login' && (!spec || `${r.method} ${r.path}` === spec));
  }

  expireTokens(): void {
    this.tokens.clear();
  }

  async handle(req: FakeRequest): Promise<FakeResponse> {
    this.requests.push(req);
    if (this.offline) return 'offline';
    if (req.method === 'POST' && req.path === '/auth/wechat/login') {
      const code = req.body?.code;
      if (!code) return { status: 401, body: { statusCode: 401, code: 'WECHAT_CODE_INVALID', message: '登录凭证无效' } };
      this.loginCodes.push(code);
      const token = `token-${this.loginCodes.length}`;
      this.tokens.add(token);
      return { status: 200, body: { token, expiresIn: 7200, resident: { id: this.residentId, phoneBound: false, rooms: [] } } };
    }
    const token = (req.headers.Authorization ?? '').replace(/^Bearer /, '');
    // Other sign-in routes (the staff side's) are public too; their handlers issue tokens with `api.tokens.add`.
    const publicRoute = req.path.startsWith('/auth/');
    if (!publicRoute && !this.tokens.has(token)) return { status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: '请重新登录' } };
    for (const route of this.routes) {
      const m = route.method === req.method ? route.pattern.exec(req.path) : null;
      if (!m) continue;
      const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)]));
      return route.handler(req, params);
    }
    return { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: '内容不存在' } };
  }
}

export const api = new FakeApi();
