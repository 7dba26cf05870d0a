import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, TimeColumn } from '../../database/columns';

/**
 * Staff refresh tokens rotate on every use. A token presented twice means it leaked:
 * the whole family (every token descended from one login) is revoked.
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'char', length: 32 }) id: string;
  @Index() @RefColumn() staffId: string;
  @Index() @Column({ type: 'char', length: 32 }) familyId: string;
  @Column({ type: 'char', length: 64 }) secretHash: string;
  @Index() @TimeColumn() expiresAt: Date; // indexed for the sweep of expired tokens (TableSweeper)
  @TimeColumn({ nullable: true }) usedAt: Date | null;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
}
