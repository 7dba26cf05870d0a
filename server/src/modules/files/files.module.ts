import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import sharp from 'sharp';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { FilesSweeper } from './files.sweeper';
import { ImageProcessor } from './image-processor';
import { LocalFileStorage } from './local-file-storage';
import { MediaCheckService } from './media-check.service';
import { S3FileStorage } from './s3-file-storage';
import { UrlSigner } from './url-signer';
import { Upload } from './upload.entity';

/** Signed photo URLs work for 15 to 20 minutes (expiry rounded up to 5 minutes, so they can be cached). */
export const PHOTO_URL_TTL_SEC = 15 * 60;
export const PHOTO_URL_BUCKET_SEC = 5 * 60;

export function createFileStorage(config: AppConfig): FileStorage {
  return config.s3 ? new S3FileStorage(config.s3) : new LocalFileStorage(config.filesDir);
}

/** Photos: POST /uploads, GET /files/:id(/thumb); exports FilesService (attach, views) for tickets. */
@Module({
  imports: [TypeOrmModule.forFeature([Upload])],
  controllers: [FilesController],
  providers: [
    { provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: createFileStorage },
    {
      provide: ImageProcessor,
      useFactory: () => {
        // Upload temp files are unique and short-lived: libvips' operation cache would only hold memory.
        sharp.cache(false);
        return new ImageProcessor();
      },
    },
    {
      provide: UrlSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new UrlSigner(config.filesSigningKey, { ttlSec: PHOTO_URL_TTL_SEC, bucketSec: PHOTO_URL_BUCKET_SEC }),
    },
    FilesService,
    FilesSweeper,
    MediaCheckService,
  ],
  exports: [FilesService, MediaCheckService],
})
export class FilesModule {}
