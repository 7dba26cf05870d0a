import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { WechatClient } from '../wechat/wechat.client';
import { MediaCheckState, Upload } from './upload.entity';
import { FILES_URL_PREFIX, UrlSigner } from './url-signer';

export interface MediaVerdict {
  uploadId: string;
  ticketId: string | null;
  verdict: MediaCheckState;
}

/**
 * WeChat's image check for residents' photos (WECHAT.md "Content security"): the photo
 * is submitted with media_check_async and a signed URL WeChat fetches it from; the
 * verdict arrives later as a pushed `wxa_media_check` event. A risky photo is hidden
 * from residents. If WeChat cannot be asked, the photo is kept and marked unchecked,
 * so staff review it — a resident's report is never lost to a failed check.
 */
@Injectable()
export class MediaCheckService {
  private readonly logger = new Logger('MediaCheck');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
    private readonly signer: UrlSigner,
  ) {}

  async submit(uploadId: string, openid: string): Promise<MediaCheckState> {
    const repo = this.dataSource.getRepository(Upload);
    const mediaUrl = `${this.config.publicBaseUrl}${this.signer.url(FILES_URL_PREFIX, uploadId, 'full')}`;
    try {
      const body = await this.wechat.callWithToken('/wxa/media_check_async', { media_url: mediaUrl, media_type: 2, version: 2, openid, scene: 2 });
      const traceId = typeof body.trace_id === 'string' ? body.trace_id : null;
      await repo.update({ id: uploadId }, { mediaCheck: traceId ? 'pending' : 'unchecked', mediaCheckTraceId: traceId });
      return traceId ? 'pending' : 'unchecked';
    } catch (e) {
      this.logger.warn(`image check unavailable for upload ${uploadId}, keeping it for staff review: ${(e as Error).message}`);
      await repo.update({ id: uploadId }, { mediaCheck: 'unchecked' });
      return 'unchecked';
    }
  }

  /** Records a pushed verdict; a risky photo is hidden at once. Null for a trace id we never sent. */
  async recordVerdict(traceId: string, suggest: string | undefined): Promise<MediaVerdict | null> {
    const verdict: MediaCheckState = suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'review';
    const repo = this.dataSource.getRepository(Upload);
    const upload = await repo.findOne({ where: { mediaCheckTraceId: traceId } });
    if (!upload) return null;
    await repo.update({ id: upload.id }, { mediaCheck: verdict, ...(verdict === 'risky' ? { hidden: true } : {}) });
    return { uploadId: String(upload.id), ticketId: upload.ticketId === null ? null : String(upload.ticketId), verdict };
  }
}
