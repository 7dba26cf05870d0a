import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /uploads → 201. */
export class UploadView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'signed, short-lived; relative to the API origin' }) url: string;
  @ApiProperty({ description: 'signed, short-lived; 320 px on the long side' }) thumbUrl: string;
  @ApiProperty({ description: 'px, after turning upright and scaling to 2560 px at most' }) width: number;
  @ApiProperty() height: number;
  @ApiProperty({ description: 'bytes stored (re-encoded JPEG)' }) size: number;
}

/** What a ticket shows for a photo: API.md `photos: [{id, url, thumbUrl}]`. */
export interface PhotoUrls {
  id: string;
  url: string;
  thumbUrl: string;
}

/**
 * The signature parameters of a photo URL. Both are optional here so that a missing
 * or malformed one is answered like a bad signature (403), not as a 400.
 */
export class SignedUrlQuery {
  @ApiPropertyOptional({ description: 'expiry, unix seconds' }) @IsOptional() @IsString() @MaxLength(20) exp?: string;
  @ApiPropertyOptional({ description: 'HMAC-SHA256, base64url' }) @IsOptional() @IsString() @MaxLength(100) sig?: string;
}
