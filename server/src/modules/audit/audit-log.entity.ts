import { Column, Entity, Index } from 'typeorm';
import { ACTOR_KINDS, ActorKind } from '@yizhan/shared';
import { CreatedAtColumn, IdColumn, JsonRecord, RefColumn } from '../../database/columns';

/** Append-only record of staff actions and sensitive reads: who, what, when, from where. */
@Entity('audit_logs')
@Index(['targetType', 'targetId'])
@Index(['actorId', 'id'])
export class AuditLog {
  @IdColumn() id: string;
  @Column({ type: 'simple-enum', enum: ACTOR_KINDS }) actorKind: ActorKind;
  @RefColumn({ nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 50 }) actorName: string;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ type: 'varchar', length: 40 }) targetType: string;
  @RefColumn({ nullable: true }) targetId: string | null;
  @Column({ type: 'simple-json', nullable: true }) detail: JsonRecord | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @CreatedAtColumn() at: Date;
}
