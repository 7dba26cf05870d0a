import { Inject, Injectable, Logger } from '@nestjs/common';
import { callErrcodeApi, ErrcodeCall, errcodeErrors } from '../../common/http/errcode-api';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';

/** WeChat answered with a non-zero errcode, or never answered (network, timeout, 5xx, not JSON). */
export const { ApiError: WechatApiError, TransportError: WechatTransportError, failures: FAILURES } = errcodeErrors('WeChat');

/** The access token is invalid or expired. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

export interface Code2SessionResult {
  openid: string;
  unionid?: string;
}

/**
 * All I/O with WeChat's server API goes through here (WECHAT.md). Pointed at
 * `WECHAT_API_BASE`; in tests and local development that is the fake WeChat server
 * on loopback, and nothing here knows the difference.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private cachedToken: { value: string; expiresAt: number } | null = null;
  private tokenInFlight: Promise<string> | null = null;

  async code2Session(code: string): Promise<Code2SessionResult> {
    const { appid, secret } = this.config.wechat;
    const body = await this.call('GET', '/sns/jscode2session', {
      query: { appid, secret, js_code: code, grant_type: 'authorization_code' },
    });
    if (typeof body.openid !== 'string') throw new WechatTransportError('/sns/jscode2session', 'no openid in answer');
    // session_key never leaves this method: we have no use for it and keep none.
    return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : undefined };
  }

  /** `POST /wxa/business/getuserphonenumber` — the code comes from the getPhoneNumber button. */
  async getPhoneNumber(code: string): Promise<string> {
    const body = await this.callWithToken('/wxa/business/getuserphonenumber', { code });
    const info = body.phone_info as { purePhoneNumber?: string; phoneNumber?: string } | undefined;
    const phone = info?.purePhoneNumber ?? info?.phoneNumber;
    if (typeof phone !== 'string') throw new WechatTransportError('/wxa/business/getuserphonenumber', 'no phone_info');
    return phone;
  }

  /**
   * The access token from `stable_token` (normal mode: the same token while valid, so
   * several instances do not invalidate each other), refreshed five minutes before
   * expiry, one refresh at a time per process.
   */
  async accessToken(): Promise<string> {
    if (this.cachedToken && this.cachedToken.expiresAt - 5 * 60_000 > Date.now()) return this.cachedToken.value;
    this.tokenInFlight ??= (async () => {
      try {
        const { appid, secret } = this.config.wechat;
        const body = await this.call('POST', '/cgi-bin/stable_token', {
          json: { grant_type: 'client_credential', appid, secret, force_refresh: false },
        });
        if (typeof body.access_token !== 'string') throw new WechatTransportError('/cgi-bin/stable_token', 'no access_token');
        const ttl = typeof body.expires_in === 'number' ? body.expires_in : 7200;
        this.cachedToken = { value: body.access_token, expiresAt: Date.now() + ttl * 1000 };
        return body.access_token;
      } finally {
        this.tokenInFlight = null;
      }
    })();
    return this.tokenInFlight;
  }

  /**
   * A business call with `?access_token=`. On 40001/40014/42001 the cached token is
   * dropped (only if it is still the one that failed — another call may have renewed
   * it already), fetched again in normal mode, and the call retried once. Never
   * force_refresh on errors: it is capped at 20 a day.
   */
  async callWithToken(path: string, json: unknown): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await this.call('POST', path, { query: { access_token: token }, json });
      } catch (e) {
        if (attempt === 0 && e instanceof WechatApiError && TOKEN_ERRORS.has(e.errcode)) {
          if (this.cachedToken?.value === token) this.cachedToken = null;
          continue;
        }
        throw e;
      }
    }
  }

  /** One round trip (callErrcodeApi: decided on `errcode`, never on the HTTP status or content type). */
  async call(method: 'GET' | 'POST', path: string, options: ErrcodeCall = {}): Promise<Record<string, unknown>> {
    return callErrcodeApi(this.config.wechat.apiBase, method, path, options, FAILURES, this.logger);
  }
}
