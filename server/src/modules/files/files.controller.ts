import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Authenticated, Caller, Public } from '../../common/auth/decorators';
import { IdParam } from '../../common/id-param';
import { SignedUrlQuery, UploadView } from './files.dto';
import { FilesService, OpenedFile } from './files.service';
import { WriteLimit } from '../../common/rate-limit/rate-limit';

/** API.md "Files". Uploads need a signed-in caller; reads need only a valid signature. */
@ApiTags('files')
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('uploads')
  @WriteLimit()
  @Authenticated()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, ≤ 10 MB' } } },
  })
  @ApiCreatedResponse({ type: UploadView })
  upload(@Caller() auth: AuthContext, @Req() req: Request): Promise<UploadView> {
    return this.files.upload(auth, req);
  }

  @Get('files/:id')
  @Public()
  @ApiProduces('image/jpeg')
  @ApiOkResponse({ description: 'the photo (403 when the signature is bad or expired)', schema: { type: 'string', format: 'binary' } })
  async full(
    @Param() { id }: IdParam,
    @Query() query: SignedUrlQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | undefined> {
    return send(req, res, await this.files.open(id, 'full', query));
  }

  @Get('files/:id/thumb')
  @Public()
  @ApiProduces('image/jpeg')
  @ApiOkResponse({
    description: 'the thumbnail, 320 px on the long side (403 when the signature is bad or expired)',
    schema: { type: 'string', format: 'binary' },
  })
  async thumb(
    @Param() { id }: IdParam,
    @Query() query: SignedUrlQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | undefined> {
    return send(req, res, await this.files.open(id, 'thumb', query));
  }
}

/**
 * Cacheable for exactly as long as the URL is valid: `private` (a photo of someone's
 * home is not for shared caches), `immutable` (the bytes behind a URL never change).
 */
function send(req: Request, res: Response, file: OpenedFile): StreamableFile | undefined {
  res.setHeader('Cache-Control', `private, max-age=${file.maxAgeSec}, immutable`);
  res.setHeader('ETag', file.etag);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(file.etag)) {
    file.body.destroy();
    res.status(304);
    return undefined;
  }
  return new StreamableFile(file.body, { type: file.contentType, length: file.length, disposition: 'inline' });
}
