import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../database/columns';

/**
 * A client's Idempotency-Key and the first answer given for it. The row is written in
 * the same transaction as what it creates, so a retry sees either both or neither.
 */
@Entity('idempotency_keys')
@Index(['scope', 'idemKey'], { unique: true })
@Index(['createdAt'])
export class IdempotencyKey {
  @IdColumn() id: string;
  /** Who asked: "resident:12" / "staff:3", plus the operation. */
  @Column({ type: 'varchar', length: 80 }) scope: string;
  @Column({ type: 'varchar', length: 64 }) idemKey: string;
  @Column({ type: 'int', nullable: true }) statusCode: number | null;
  @Column({ type: 'simple-json', nullable: true }) response: unknown;
  @CreatedAtColumn() createdAt: Date;
}
