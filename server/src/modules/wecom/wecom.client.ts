import { Inject, Injectable, Logger } from '@nestjs/common';
import { callErrcodeApi, ErrcodeCall, errcodeErrors } from '../../common/http/errcode-api';
import { APP_CONFIG, AppConfig, WecomSettings } from '../../common/config/app-config';

/** WeCom answered with a non-zero errcode, or never answered (network, timeout, 5xx, not JSON). */
export const { ApiError: WecomApiError, TransportError: WecomTransportError, failures: FAILURES } = errcodeErrors('WeCom');

/** The access token is invalid (40014) or expired (42001): fetch another and retry once. */
const TOKEN_ERRORS = new Set([40014, 42001]);

/** An application message, as `POST /cgi-bin/message/send` takes it (without agentid, added here). */
export type WecomMessage =
  | { msgtype: 'textcard'; textcard: { title: string; description: string; url: string; btntxt?: string } }
  | {
      msgtype: 'miniprogram_notice';
      miniprogram_notice: {
        appid: string;
        page: string;
        title: string;
        description: string;
        emphasis_first_item?: boolean;
        content_item?: { key: string; value: string }[];
      };
    };

export interface WecomSendResult {
  msgid: string | null;
  /** Recipients WeCom did not reach although the call succeeded (left, outside the visible range). */
  invalidUsers: string[];
}

/**
 * All I/O with WeCom's server API goes through here (WECOM.md): the app's access token
 * from `gettoken`, cached per process and refreshed five minutes before expiry, one
 * refresh at a time; business calls retried once on 40014/42001; errcode decided on,
 * never the HTTP status; errmsg (with its hint) in the logs. Pointed at WECOM_API_BASE —
 * the fake WeCom on loopback in tests, and nothing here knows the difference.
 */
@Injectable()
export class WecomClient {
  private readonly logger = new Logger('WecomClient');
  private cachedToken: { value: string; expiresAt: number } | null = null;
  private tokenInFlight: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.wecom !== null;
  }

  private get settings(): WecomSettings {
    if (!this.config.wecom) throw new Error('WeCom is not configured');
    return this.config.wecom;
  }

  /** `POST /cgi-bin/message/send` to one member. */
  async send(touser: string, message: WecomMessage): Promise<WecomSendResult> {
    const body = await this.callWithToken('POST', '/cgi-bin/message/send', {
      json: {
        touser,
        agentid: this.settings.agentId,
        ...message,
        // WeCom drops an identical message to the same member within the interval: a
        // second guard against a double send after a lease ran out mid-call.
        enable_duplicate_check: 1,
        duplicate_check_interval: 1800,
      },
    });
    const invalid = typeof body.invaliduser === 'string' && body.invaliduser ? body.invaliduser.split('|') : [];
    return { msgid: typeof body.msgid === 'string' ? body.msgid : null, invalidUsers: invalid };
  }

  /**
   * `GET /cgi-bin/auth/getuserinfo` — who opened the OAuth link. A member answers with
   * `userid`; someone outside the corp with `openid` only, which is refused (null).
   */
  async userIdFromCode(code: string): Promise<string | null> {
    const body = await this.callWithToken('GET', '/cgi-bin/auth/getuserinfo', { query: { code } });
    const userid = body.userid ?? body.UserId;
    return typeof userid === 'string' && userid ? userid : null;
  }

  /** The OAuth link that, opened inside WeCom, comes back to `redirectUri` with `?code=`. */
  oauthUrl(redirectUri: string, state: string): string {
    const { corpId, agentId } = this.settings;
    const q = new URLSearchParams({ appid: corpId, redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_base', state, agentid: String(agentId) });
    return `https://open.weixin.qq.com/connect/oauth2/authorize?${q.toString()}#wechat_redirect`;
  }

  async accessToken(): Promise<string> {
    if (this.cachedToken && this.cachedToken.expiresAt - 5 * 60_000 > Date.now()) return this.cachedToken.value;
    this.tokenInFlight ??= (async () => {
      try {
        const { corpId, secret } = this.settings;
        const body = await this.call('GET', '/cgi-bin/gettoken', { query: { corpid: corpId, corpsecret: secret } });
        if (typeof body.access_token !== 'string') throw new WecomTransportError('/cgi-bin/gettoken', 'no access_token');
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
   * A business call with `?access_token=`. On 40014/42001 the cached token is dropped
   * (only if it is still the one that failed — another call may have renewed it) and
   * the call retried once with a fresh one.
   */
  async callWithToken(
    method: 'GET' | 'POST',
    path: string,
    options: { query?: Record<string, string>; json?: unknown } = {},
  ): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await this.call(method, path, { ...options, query: { ...options.query, access_token: token } });
      } catch (e) {
        if (attempt === 0 && e instanceof WecomApiError && TOKEN_ERRORS.has(e.errcode)) {
          if (this.cachedToken?.value === token) this.cachedToken = null;
          continue;
        }
        throw e;
      }
    }
  }

  /** One round trip (callErrcodeApi: decided on `errcode`, never on the HTTP status or content type). */
  private async call(method: 'GET' | 'POST', path: string, options: ErrcodeCall): Promise<Record<string, unknown>> {
    return callErrcodeApi(this.settings.apiBase, method, path, options, FAILURES, this.logger);
  }
}
