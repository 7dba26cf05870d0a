import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn, TimeColumn } from '../../database/columns';

/** WeChat's image check (media_check_async): pending until its verdict is pushed; unchecked when it could not be asked. */
export const MEDIA_CHECK_STATES = ['pending', 'pass', 'review', 'risky', 'unchecked'] as const;
export type MediaCheckState = (typeof MEDIA_CHECK_STATES)[number];

export const UPLOAD_OWNER_KINDS = ['resident', 'staff'] as const;
export type UploadOwnerKind = (typeof UPLOAD_OWNER_KINDS)[number];

/**
 * One uploaded photo, already cleaned (rotated upright, metadata stripped, re-encoded)
 * with its thumbnail. It belongs to its uploader until a ticket action attaches it;
 * unattached rows older than a day are swept with their stored objects.
 */
@Entity('uploads')
@Index(['ownerKind', 'ownerId', 'id'])
@Index(['attachedAt', 'createdAt'])
@Index(['ticketId'])
export class Upload {
  @IdColumn() id: string;
  @Column({ type: 'simple-enum', enum: UPLOAD_OWNER_KINDS }) ownerKind: UploadOwnerKind;
  @RefColumn() ownerId: string;
  /** Object keys in the file storage (local folder or S3); random, never derived from the id. */
  @Column({ type: 'varchar', length: 200 }) storageKey: string;
  @Column({ type: 'varchar', length: 200 }) thumbKey: string;
  /** What is served (always the re-encoded format, image/jpeg today). */
  @Column({ type: 'varchar', length: 40 }) mime: string;
  /** The format the uploader sent, by content: jpeg, png or webp. */
  @Column({ type: 'varchar', length: 10 }) sourceFormat: string;
  @Column({ type: 'int', unsigned: true }) width: number;
  @Column({ type: 'int', unsigned: true }) height: number;
  /** Bytes of the stored image and of its thumbnail. */
  @Column({ type: 'int', unsigned: true }) size: number;
  @Column({ type: 'int', unsigned: true }) thumbSize: number;
  @CreatedAtColumn() createdAt: Date;
  @TimeColumn({ nullable: true }) attachedAt: Date | null;
  @RefColumn({ nullable: true }) ticketId: string | null;
  /** Withheld from residents (e.g. a content check said no); staff who may see the ticket still can. */
  @Column({ type: 'boolean', default: false }) hidden: boolean;
  /** Residents' photos go through WeChat's image check; staff photos are not checked (null). */
  @Column({ type: 'simple-enum', enum: MEDIA_CHECK_STATES, nullable: true }) mediaCheck: MediaCheckState | null;
  @Index() @Column({ type: 'varchar', length: 64, nullable: true }) mediaCheckTraceId: string | null;
}
