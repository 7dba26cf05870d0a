import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { isDuplicateKey } from '../../database/sql';
import { WechatPushEvent } from '../notices/notice.entities';
import { decryptPush, pushSignature, signatureMatches } from './push-crypto';

export interface PushEvent {
  Event?: string;
  MsgType?: string;
  trace_id?: string;
  result?: { suggest?: string; label?: number };
  [key: string]: unknown;
}

/** The query string WeChat signs a push with. */
export type PushQuery = Record<string, string | undefined>;

/** Hands verified, decrypted, de-duplicated push events to whoever subscribes (e.g. the photo check). */
@Injectable()
export class WechatPushEvents {
  readonly events = new Subject<PushEvent>();
}

/**
 * WeChat's message push (docs/operations.md, WECHAT_PUSH_TOKEN): the console's URL check and
 * the events — in safe mode encrypted and signed with msg_signature. WeChat retries pushes it
 * thinks failed, so each event is handed on once (a row per event key).
 */
@Injectable()
export class WechatPushService {
  private readonly logger = new Logger('WechatPush');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly push: WechatPushEvents,
  ) {}

  /** The console's URL check: the echo string, when the signature is ours. */
  verifyUrl(q: PushQuery): string {
    this.checkSignature(q);
    return q.echostr ?? '';
  }

  /** Verifies, decrypts and de-duplicates one push, then hands it on. */
  async receive(q: PushQuery, body: Record<string, unknown>): Promise<void> {
    const token = this.checkSignature(q);
    let event: PushEvent;
    if (q.encrypt_type === 'aes') {
      const key = this.config.wechatPush.encodingAESKey;
      const encrypted = typeof body?.Encrypt === 'string' ? body.Encrypt : '';
      if (!key || !encrypted) throw new AppError('VALIDATION_FAILED', '缺少加密内容');
      if (!signatureMatches(pushSignature(token, q.timestamp ?? '', q.nonce ?? '', encrypted), q.msg_signature)) throw new AppError('FORBIDDEN', '签名无效');
      try {
        const { message, appid } = decryptPush(key, encrypted);
        if (appid !== this.config.wechat.appid) throw new Error(`appid ${appid}`);
        event = JSON.parse(message) as PushEvent;
      } catch (e) {
        this.logger.warn(`undecryptable push: ${(e as Error).message}`);
        throw new AppError('VALIDATION_FAILED', '无法解密推送内容');
      }
    } else {
      event = body as PushEvent;
    }
    // No JSON object (another content type, or an encrypted "null"): nothing to handle, and not a 500.
    if (!event || typeof event !== 'object') throw new AppError('VALIDATION_FAILED', '推送内容无效');
    const dedupeKey = String(event.trace_id ?? `${event.FromUserName ?? ''}:${event.CreateTime ?? ''}:${event.Event ?? event.MsgType ?? ''}`).slice(0, 100);
    const fresh = await this.dataSource
      .getRepository(WechatPushEvent)
      .insert({ dedupeKey, receivedAt: new Date() })
      .then(() => true)
      .catch((e) => {
        if (isDuplicateKey(e)) return false;
        throw e;
      });
    if (fresh) this.push.events.next(event);
  }

  /** The push token when the signature of `q` is made with it; 404 when pushes are not set up. */
  private checkSignature(q: PushQuery): string {
    const token = this.config.wechatPush.token;
    if (!token) throw new AppError('NOT_FOUND', '未启用消息推送');
    if (!signatureMatches(pushSignature(token, q.timestamp ?? '', q.nonce ?? ''), q.signature)) throw new AppError('FORBIDDEN', '签名无效');
    return token;
  }
}
