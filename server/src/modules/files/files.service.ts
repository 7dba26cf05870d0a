import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { canSeeTicket } from '../../common/access/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import { Ticket } from '../tickets/ticket.entity';
import { FILE_STORAGE, FileStorage, StoredFileMissing } from './file-storage';
import type { PhotoUrls, SignedUrlQuery, UploadView } from './files.dto';
import { ImageProcessor } from './image-processor';
import { MediaCheckService } from './media-check.service';
import { receiveUpload } from './upload-receiver';
import { Upload, UploadOwnerKind } from './upload.entity';
import { FILES_URL_PREFIX, FileVariant, UrlSigner } from './url-signer';
import { rowLock } from '../../database/sql';

export { FILES_URL_PREFIX } from './url-signer';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** DESIGN.md §2: a request carries at most nine photos; so does one action. */
export const MAX_PHOTOS_PER_ACTION = 9;
/** Uploads never attached to a ticket are removed after this long. */
export const UNATTACHED_TTL_MS = 24 * 3600_000;

export interface OpenedFile {
  body: Readable;
  contentType: string;
  length: number;
  etag: string;
  /** Seconds the URL is still valid: how long the client may cache the bytes. */
  maxAgeSec: number;
}

/**
 * Photos (DESIGN.md §4): uploads cleaned on the way in, kept behind one storage
 * interface, served only through short-lived signed URLs minted for callers who may
 * see them. The tickets module uses `attach` and `views`; nothing else needs to know
 * how photos are stored.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('Files');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly images: ImageProcessor,
    private readonly signer: UrlSigner,
    private readonly mediaCheck: MediaCheckService,
  ) {}

  /** Of these uploads, the ones WeChat's image check did not clear (review, or could not be checked). */
  async needingReview(manager: EntityManager, uploadIds: readonly string[]): Promise<string[]> {
    if (!uploadIds.length) return [];
    const rows = await manager.getRepository(Upload).find({ where: { id: In([...uploadIds]), mediaCheck: In(['review', 'unchecked', 'risky']) } });
    return rows.map((r) => String(r.id));
  }

  // ---------------------------------------------------------------- upload

  /** POST /uploads: stream to a temporary file, clean the image, store both variants, record the owner. */
  async upload(auth: AuthContext, req: Request): Promise<UploadView> {
    const received = await receiveUpload(req, { maxBytes: MAX_UPLOAD_BYTES });
    let image;
    try {
      image = await this.images.process(received.path);
    } finally {
      await received.cleanup();
    }
    if (image.sourceFormat !== received.format) throw new AppError('UNSUPPORTED_MEDIA', '图片内容与格式不符，请换一张试试');
    return this.store(auth, image);
  }

  /** Cleans an image file already on disk and stores it as `auth`'s upload (the demo loader's pictures). */
  async uploadFile(auth: AuthContext, filePath: string): Promise<UploadView> {
    return this.store(auth, await this.images.process(filePath));
  }

  private async store(auth: AuthContext, image: Awaited<ReturnType<ImageProcessor['process']>>): Promise<UploadView> {
    const now = new Date();
    const base = `photos/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(16).toString('hex')}`;
    const storageKey = `${base}.jpg`;
    const thumbKey = `${base}-thumb.jpg`;
    await this.storage.put(storageKey, image.full, image.mime);
    try {
      await this.storage.put(thumbKey, image.thumb, image.mime);
      const owner = ownerOf(auth);
      const inserted = await this.dataSource.getRepository(Upload).insert({
        ownerKind: owner.kind,
        ownerId: owner.id,
        storageKey,
        thumbKey,
        mime: image.mime,
        sourceFormat: image.sourceFormat,
        width: image.width,
        height: image.height,
        size: image.full.length,
        thumbSize: image.thumb.length,
        createdAt: now,
        attachedAt: null,
        ticketId: null,
        hidden: false,
      });
      const id = String(inserted.identifiers[0]!.id);
      // Residents' photos are checked by WeChat; the verdict is pushed to us later.
      if (auth.kind === 'resident') await this.mediaCheck.submit(id, auth.openid);
      return { id, ...this.mint(id), width: image.width, height: image.height, size: image.full.length };
    } catch (e) {
      await Promise.allSettled([this.storage.delete(storageKey), this.storage.delete(thumbKey)]);
      throw e;
    }
  }

  // ---------------------------------------------------------------- serve

  /** GET /files/:id(/thumb): the signature is the authorization (the route is public). */
  async open(id: string, variant: FileVariant, query: SignedUrlQuery): Promise<OpenedFile> {
    const remaining = this.signer.verify(id, variant, query.exp, query.sig);
    if (remaining === null) throw new AppError('FORBIDDEN', '图片链接无效或已过期，请刷新页面后重试');
    const upload = await this.dataSource.getRepository(Upload).findOne({ where: { id } });
    if (!upload) throw gone();
    const key = variant === 'thumb' ? upload.thumbKey : upload.storageKey;
    let body: Readable;
    try {
      body = await this.storage.get(key);
    } catch (e) {
      if (e instanceof StoredFileMissing) {
        this.logger.warn(`upload ${id}: ${variant} object missing from ${this.storage.kind} storage`);
        throw gone();
      }
      throw e;
    }
    return {
      body,
      contentType: upload.mime,
      length: variant === 'thumb' ? upload.thumbSize : upload.size,
      // The bytes behind an id never change, so id + variant is a strong validator.
      etag: `"u${id}-${variant}"`,
      maxAgeSec: remaining,
    };
  }

  // ---------------------------------------------------------------- integration with tickets

  /**
   * Attaches the caller's uploads to a ticket — or, with `ticketId` null, keeps them
   * attached to something else (an announcement) —, inside the caller's transaction (the
   * rows are locked FOR UPDATE, so `manager` must be transactional). Every id must be
   * an upload of this caller, not hidden, and either unattached or already attached to
   * this same ticket (a retried action); at most nine. Otherwise nothing is attached and
   * it throws AppError('PHOTO_INVALID') naming the bad ids under `fields.photoIds`.
   *
   * @returns the ids, de-duplicated, in the order given — what to store in
   *   `ticket.photoIds` / `event.photoIds`.
   */
  async attach(manager: EntityManager, auth: AuthContext, photoIds: readonly string[] | null | undefined, ticketId: string | null): Promise<string[]> {
    const ids = [...new Set((photoIds ?? []).map(String))];
    if (!ids.length) return [];
    if (ids.length > MAX_PHOTOS_PER_ACTION) {
      throw new AppError('PHOTO_INVALID', `一次最多添加 ${MAX_PHOTOS_PER_ACTION} 张照片`, { photoIds: [`at most ${MAX_PHOTOS_PER_ACTION}`] });
    }
    const malformed = ids.filter((id) => !/^\d{1,20}$/.test(id));
    if (malformed.length) throw invalidPhotos(malformed);
    const owner = ownerOf(auth);
    const rows = await manager.getRepository(Upload).find({ where: { id: In(ids) }, lock: rowLock(manager) });
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const bad = ids.filter((id) => {
      const row = byId.get(id);
      return (
        !row ||
        row.ownerKind !== owner.kind ||
        String(row.ownerId) !== owner.id ||
        row.hidden ||
        (row.ticketId !== null && (ticketId === null || String(row.ticketId) !== String(ticketId)))
      );
    });
    if (bad.length) throw invalidPhotos(bad);
    const fresh = rows.filter((r) => r.ticketId === null).map((r) => String(r.id));
    if (fresh.length) {
      await manager
        .createQueryBuilder()
        .update(Upload)
        .set({ ticketId: ticketId === null ? null : String(ticketId), attachedAt: new Date() })
        .where({ id: In(fresh), ticketId: IsNull() })
        .execute();
    }
    return ids;
  }

  /**
   * Signed URLs for the uploads the caller may see, by id: attached ones when the
   * caller may see their ticket (`canSeeTicket`), unattached ones only for their
   * uploader; hidden ones only for staff. Ids the caller may not see (or that do not
   * exist) are simply absent from the map. Pass the transaction's `manager` when the
   * uploads were attached in it and it has not committed yet.
   */
  async views(manager: EntityManager, auth: AuthContext, uploadIds: readonly string[]): Promise<Map<string, PhotoUrls>> {
    const ids = [...new Set(uploadIds.map(String))].filter((id) => /^\d{1,20}$/.test(id));
    const out = new Map<string, PhotoUrls>();
    if (!ids.length) return out;
    const rows = await manager.getRepository(Upload).find({
      where: { id: In(ids) },
      select: { id: true, ownerKind: true, ownerId: true, ticketId: true, hidden: true },
    });
    const ticketIds = [
      ...new Set(
        rows
          .map((r) => r.ticketId)
          .filter((t): t is string => t !== null)
          .map(String),
      ),
    ];
    const tickets = ticketIds.length
      ? await manager.getRepository(Ticket).find({
          where: { id: In(ticketIds) },
          select: { id: true, communityId: true, residentId: true, ownerId: true, assigneeId: true, createdByStaffId: true },
        })
      : [];
    const ticketById = new Map(tickets.map((t) => [String(t.id), t]));
    const owner = ownerOf(auth);
    for (const row of rows) {
      if (row.hidden && auth.kind !== 'staff') continue;
      const ticket = row.ticketId === null ? null : ticketById.get(String(row.ticketId));
      const allowed = ticket ? canSeeTicket(auth, ticket) : row.ticketId === null && row.ownerKind === owner.kind && String(row.ownerId) === owner.id;
      if (allowed) out.set(String(row.id), { id: String(row.id), ...this.mint(String(row.id)) });
    }
    return out;
  }

  /**
   * Signed URLs for uploads kept outside any request (an announcement's pictures,
   * attached with `attach(…, null)`): the caller has decided the reader may see them.
   */
  signedUrls(uploadIds: readonly string[]): PhotoUrls[] {
    return uploadIds
      .map(String)
      .filter((id) => /^\d{1,20}$/.test(id))
      .map((id) => ({ id, ...this.mint(id) }));
  }

  /** The views of `ids` in their order, skipping those the caller may not see. */
  static inOrder(views: Map<string, PhotoUrls>, ids: readonly string[] | null | undefined): PhotoUrls[] {
    return (ids ?? []).map((id) => views.get(String(id))).filter((v): v is PhotoUrls => v !== undefined);
  }

  /**
   * For the photo content check: hidden uploads cannot be attached any more and their
   * URLs are minted for staff only (residents' views simply leave them out).
   */
  async setHidden(manager: EntityManager, uploadIds: readonly string[], hidden: boolean): Promise<void> {
    const ids = [...new Set(uploadIds.map(String))].filter((id) => /^\d{1,20}$/.test(id));
    if (ids.length) await manager.getRepository(Upload).update({ id: In(ids) }, { hidden });
  }

  // ---------------------------------------------------------------- housekeeping

  /**
   * Deletes uploads never attached within a day, rows first, then their objects. Safe
   * with several instances: each row is removed with a conditional DELETE, and only
   * the instance whose DELETE removed it deletes the objects (an attach that locked
   * the row first wins, and the row is kept).
   */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - UNATTACHED_TTL_MS);
    const repo = this.dataSource.getRepository(Upload);
    let swept = 0;
    for (;;) {
      const batch = await repo.find({
        where: { attachedAt: IsNull(), createdAt: LessThan(cutoff) },
        select: { id: true, storageKey: true, thumbKey: true },
        order: { id: 'ASC' },
        take: 200,
      });
      for (const row of batch) {
        const result = await repo
          .createQueryBuilder()
          .delete()
          .where('id = :id AND attached_at IS NULL AND created_at < :cutoff', { id: row.id, cutoff })
          .execute();
        if (result.affected !== 1) continue;
        swept++;
        for (const key of [row.storageKey, row.thumbKey]) {
          await this.storage.delete(key).catch((e: Error) => this.logger.warn(`sweep: could not delete ${key}: ${e.message}`));
        }
      }
      if (batch.length < 200) break;
    }
    if (swept) this.logger.log(`swept ${swept} unattached upload(s)`);
    return swept;
  }

  private mint(id: string): { url: string; thumbUrl: string } {
    return { url: this.signer.url(FILES_URL_PREFIX, id, 'full'), thumbUrl: this.signer.url(FILES_URL_PREFIX, id, 'thumb') };
  }
}

function ownerOf(auth: AuthContext): { kind: UploadOwnerKind; id: string } {
  return auth.kind === 'resident' ? { kind: 'resident', id: String(auth.residentId) } : { kind: 'staff', id: String(auth.staffId) };
}

const invalidPhotos = (ids: string[]) =>
  new AppError('PHOTO_INVALID', '照片不存在或已过期，请重新上传', { photoIds: ids.map((id) => `${id}: not an upload of yours that can be attached`) });

const gone = () => new AppError('NOT_FOUND', '图片不存在或已删除');
