import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig, WechatpaySettings } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { authorizationHeader, decryptResource, nonce, paySign, responseMessage, rsaVerify } from './wechatpay-crypto';

/** WeChat Pay answered with an error body `{code, message}` (HTTP 4xx; 5xx is a transport failure). */
export class WechatpayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`WeChat Pay ${status} ${code}: ${detail}`);
    this.name = 'WechatpayApiError';
  }
}

/** A transaction as the query and the TRANSACTION.* notifications describe it. */
export interface WechatpayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'USERPAYING' | 'PAYERROR' | 'REVOKED';
  success_time?: string;
  amount: { total: number; payer_total?: number; currency?: string };
  payer?: { openid: string };
}

export interface WechatpayRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  status?: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  refund_status?: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  success_time?: string;
  amount: { refund: number; total: number };
}

/** A notification after its signature and time were checked and its resource decrypted. */
export interface VerifiedNotification {
  id: string;
  eventType: string;
  resource: Record<string, unknown>;
}

/** The wx.requestPayment parameters, signed here with the merchant key. */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

const TIMEOUT_MS = 10_000;
/** WeChat Pay's window for signatures: a notification more than 5 minutes off is refused (replays). */
export const NOTIFICATION_WINDOW_SEC = 300;

/**
 * All I/O with WeChat Pay API v3 (WECHATPAY.md): every request signed with the merchant key,
 * every answer verified with the WeChat Pay public key before it is believed. Pointed at
 * WECHATPAY_API_BASE; in tests and local development that is the fake on loopback.
 */
@Injectable()
export class WechatpayClient {
  private readonly logger = new Logger('WechatpayClient');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.wechatpay !== null;
  }

  private get settings(): WechatpaySettings {
    const s = this.config.wechatpay;
    if (!s) throw new AppError('PAYMENT_UNAVAILABLE', '暂未开通微信支付，请联系物业线下支付');
    return s;
  }

  /** POST /v3/pay/transactions/jsapi → prepay_id. */
  async createJsapiOrder(order: { description: string; outTradeNo: string; expiresAt: Date; totalFen: number; openid: string }): Promise<string> {
    const s = this.settings;
    const body = {
      appid: this.config.wechat.appid,
      mchid: s.mchid,
      description: order.description.slice(0, 127),
      out_trade_no: order.outTradeNo,
      time_expire: rfc3339(order.expiresAt),
      notify_url: s.notifyUrl,
      amount: { total: order.totalFen, currency: 'CNY' },
      payer: { openid: order.openid },
    };
    const answer = await this.call<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', body);
    return answer.prepay_id;
  }

  /** GET /v3/pay/transactions/out-trade-no/{no}: the fallback when a notification is late or lost. */
  async queryOrder(outTradeNo: string): Promise<WechatpayTransaction | null> {
    try {
      return await this.call<WechatpayTransaction>('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${this.settings.mchid}`);
    } catch (e) {
      if (e instanceof WechatpayApiError && e.code === 'ORDER_NOT_EXIST') return null;
      throw e;
    }
  }

  /** Close an unpaid order; true when closed (or never created), false when it was paid meanwhile. */
  async closeOrder(outTradeNo: string): Promise<boolean> {
    try {
      await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.settings.mchid });
      return true;
    } catch (e) {
      if (e instanceof WechatpayApiError && e.code === 'ORDER_NOT_EXIST') return true;
      if (e instanceof WechatpayApiError && e.code === 'ORDERPAID') return false;
      throw e;
    }
  }

  async refund(r: { outTradeNo: string; outRefundNo: string; reason: string; refundFen: number; totalFen: number }): Promise<WechatpayRefund> {
    return this.call<WechatpayRefund>('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: r.outTradeNo,
      out_refund_no: r.outRefundNo,
      reason: r.reason.slice(0, 80),
      notify_url: this.settings.notifyUrl,
      amount: { refund: r.refundFen, total: r.totalFen, currency: 'CNY' },
    });
  }

  /** The trade bill of a day (YYYY-MM-DD, Beijing), downloaded and checked against its SHA1. */
  async tradeBill(billDate: string): Promise<string> {
    const bill = await this.call<{ download_url: string; hash_type: string; hash_value: string }>(
      'GET',
      `/v3/bill/tradebill?bill_date=${billDate}&bill_type=ALL`,
    );
    const url = new URL(bill.download_url);
    const text = await this.fetchSigned('GET', url, '', false);
    if (bill.hash_type === 'SHA1' && createHash('sha1').update(text).digest('hex') !== bill.hash_value.toLowerCase()) {
      throw new AppError('WECHATPAY_UNAVAILABLE', '下载的交易账单校验失败，请稍后重试');
    }
    return text;
  }

  /** wx.requestPayment's parameters for a prepay_id, signed with the merchant key. */
  requestPaymentParams(prepayId: string, at: Date = new Date()): RequestPaymentParams {
    const s = this.settings;
    const timeStamp = String(Math.floor(at.getTime() / 1000));
    const nonceStr = nonce();
    const pkg = `prepay_id=${prepayId}`;
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: paySign(s.privateKey, this.config.wechat.appid, timeStamp, nonceStr, pkg) };
  }

  /**
   * A notification as received: the signature over the raw body with the WeChat Pay public
   * key, the key id, a timestamp within 5 minutes, then the resource decrypted with the
   * APIv3 key. Anything off → 401 NOTIFICATION_INVALID (WeChat Pay's SIGNTEST probes too).
   */
  verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: string, now: Date = new Date()): VerifiedNotification {
    const s = this.settings;
    const header = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
    };
    const refuse = (why: string) => {
      this.logger.warn(`refused a WeChat Pay notification: ${why}`);
      return new AppError('NOTIFICATION_INVALID', '通知验签失败');
    };
    const timestamp = header('wechatpay-timestamp');
    const nonceStr = header('wechatpay-nonce');
    const signature = header('wechatpay-signature');
    const serial = header('wechatpay-serial');
    if (!timestamp || !nonceStr || !signature) throw refuse('signature headers missing');
    if (serial !== s.platformPublicKeyId) throw refuse(`unknown key id ${serial}`);
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > NOTIFICATION_WINDOW_SEC)
      throw refuse('timestamp outside the 5-minute window');
    if (!rsaVerify(s.platformPublicKey, responseMessage(timestamp, nonceStr, rawBody), signature)) throw refuse('bad signature');
    let body: { id?: unknown; event_type?: unknown; resource?: { algorithm?: unknown; ciphertext?: unknown; associated_data?: unknown; nonce?: unknown } };
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw refuse('body is not JSON');
    }
    const r = body.resource;
    if (
      typeof body.id !== 'string' ||
      typeof body.event_type !== 'string' ||
      r?.algorithm !== 'AEAD_AES_256_GCM' ||
      typeof r.ciphertext !== 'string' ||
      typeof r.nonce !== 'string'
    ) {
      throw refuse('not a notification');
    }
    try {
      const resource = JSON.parse(decryptResource(s.apiV3Key, r.ciphertext, typeof r.associated_data === 'string' ? r.associated_data : '', r.nonce)) as Record<
        string,
        unknown
      >;
      return { id: body.id, eventType: body.event_type, resource };
    } catch {
      throw refuse('resource does not decrypt');
    }
  }

  // ------------------------------------------------------------------ machinery

  private async call<T>(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown): Promise<T> {
    const url = new URL(this.settings.apiBase + pathWithQuery);
    const text = await this.fetchSigned(method, url, body === undefined ? '' : JSON.stringify(body), true);
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** One signed request; with `verify`, the answer's signature must check out with the WeChat Pay public key. */
  private async fetchSigned(method: 'GET' | 'POST', url: URL, body: string, verify: boolean): Promise<string> {
    const s = this.settings;
    const path = url.pathname + url.search;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'yizhan-server',
      Authorization: authorizationHeader(s, method, path, body, Math.floor(Date.now() / 1000), nonce()),
    };
    if (body) headers['Content-Type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method, headers, body: body || undefined, signal: AbortSignal.timeout(TIMEOUT_MS) });
      text = await res.text();
    } catch (e) {
      this.logger.warn(`WeChat Pay ${method} ${url.pathname} unreachable: ${(e as Error).message}`);
      throw new AppError('WECHATPAY_UNAVAILABLE', '微信支付暂时无法连接，请稍后重试');
    }
    if (res.status >= 500) {
      this.logger.warn(`WeChat Pay ${method} ${url.pathname}: HTTP ${res.status} ${text.slice(0, 200)}`);
      throw new AppError('WECHATPAY_UNAVAILABLE', '微信支付暂时无法处理，请稍后重试');
    }
    if (verify) {
      const ts = res.headers.get('wechatpay-timestamp') ?? '';
      const n = res.headers.get('wechatpay-nonce') ?? '';
      const sig = res.headers.get('wechatpay-signature') ?? '';
      if (!rsaVerify(s.platformPublicKey, responseMessage(ts, n, text), sig)) {
        this.logger.warn(`WeChat Pay ${method} ${url.pathname}: answer signature does not verify`);
        throw new AppError('WECHATPAY_UNAVAILABLE', '微信支付的应答验签失败，请稍后重试');
      }
    }
    if (res.status >= 400) {
      let error: { code?: string; message?: string } = {};
      try {
        error = JSON.parse(text);
      } catch {
        // not JSON: reported with the status below
      }
      if (res.status === 429) throw new AppError('WECHATPAY_UNAVAILABLE', '微信支付繁忙，请稍后重试');
      throw new WechatpayApiError(res.status, error.code ?? `HTTP_${res.status}`, error.message ?? text.slice(0, 200));
    }
    return text;
  }
}

/** RFC 3339 in Beijing time, as WeChat Pay writes it: 2026-12-07T15:30:00+08:00. */
export function rfc3339(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}
