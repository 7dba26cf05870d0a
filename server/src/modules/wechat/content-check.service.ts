import { Injectable, Logger } from '@nestjs/common';
import { WechatApiError, WechatClient } from './wechat.client';

export type ContentVerdict = 'pass' | 'review' | 'risky';

/** The user has not opened the mini-program in the last 2 hours (WECHAT.md: treat as review). */
const NOT_RECENTLY_ACTIVE = 61010;

/**
 * WeChat's text check (msg_sec_check v2) for what residents write. `risky` is refused;
 * `review` — and any failure to check — is accepted and flagged for staff: a
 * resident's request is never lost because the check service was down.
 */
@Injectable()
export class ContentCheckService {
  private readonly logger = new Logger('ContentCheck');

  constructor(private readonly wechat: WechatClient) {}

  async checkText(openid: string, content: string): Promise<ContentVerdict> {
    const text = content.trim();
    if (!text) return 'pass';
    try {
      const body = await this.wechat.callWithToken('/wxa/msg_sec_check', { version: 2, openid, scene: 2, content: text.slice(0, 2500) });
      const suggest = (body.result as { suggest?: string } | undefined)?.suggest;
      if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest;
      this.logger.warn(`msg_sec_check answered without a verdict: ${JSON.stringify(body).slice(0, 200)}`);
      return 'review';
    } catch (e) {
      if (!(e instanceof WechatApiError && e.errcode === NOT_RECENTLY_ACTIVE)) {
        this.logger.warn(`text check unavailable, accepting for staff review: ${(e as Error).message}`);
      }
      return 'review';
    }
  }
}
