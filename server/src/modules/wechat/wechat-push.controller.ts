import { Body, Controller, Get, HttpCode, Inject, Injectable, Logger, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { AppError } from '../../common/errors/app-error';
import { WechatPushEvent } from '../notices/notice.entities';
import { decryptPush, pushSignature, signatureMatches } from './push-crypto';
import { isDuplicateKey } from '../../database/sql';

export interface PushEvent {
  Event?: string;
  MsgType?: string;
  trace_id?: string;
  result?: { suggest?: string; label?: number };
  [key: string]: unknown;
}

/** Hands verified, decrypted, de-duplicated push events to whoever subscribes (e.g. the photo check). */
@Injectable()
export class WechatPushEvents {
  readonly events = new Subject<PushEvent>();
}

/**
 * WeChat's message push (WECHAT.md): GET is the console's URL check, POST carries
 * events — in safe mode, encrypted and signed with msg_signature. Answers "success"
 * quickly; WeChat retries pushes it thinks failed, so events are de-duplicated.
 */
@ApiExcludeController()
@Controller('wechat/push')
export class WechatPushController {
  private readonly logger = new Logger('WechatPush');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly push: WechatPushEvents,
  ) {}

  @Get() @Public()
  verify(@Query() q: Record<string, string>, @Res() res: Response): void {
    const token = this.requireToken();
    if (!signatureMatches(pushSignature(token, q.timestamp ?? '', q.nonce ?? ''), q.signature)) throw new AppError('FORBIDDEN', '签名无效');
    res.type('text/plain').send(q.echostr ?? '');
  }

  @Post() @Public() @HttpCode(200)
  async receive(@Query() q: Record<string, string>, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const token = this.requireToken();
    if (!signatureMatches(pushSignature(token, q.timestamp ?? '', q.nonce ?? ''), q.signature)) throw new AppError('FORBIDDEN', '签名无效');
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
    res.type('text/plain').send('success');
  }

  private requireToken(): string {
    const token = this.config.wechatPush.token;
    if (!token) throw new AppError('NOT_FOUND', '未启用消息推送');
    return token;
  }
}
