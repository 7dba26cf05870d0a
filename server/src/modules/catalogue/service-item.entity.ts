import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, MoneyColumn, RefColumn } from '../../database/columns';

/** A priced in-home service residents can book in time slots (上门服务). */
@Entity('service_items')
@Index(['communityId', 'active'])
export class ServiceItem {
  @IdColumn() id: string;
  @RefColumn() communityId: string;
  @Column({ type: 'varchar', length: 60 }) name: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) description: string | null;
  @MoneyColumn() price: number;
  @Column({ type: 'int', unsigned: true }) durationMin: number;
  /** How many bookings one time slot can take. */
  @Column({ type: 'int', unsigned: true }) slotCapacity: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreatedAtColumn() createdAt: Date;
}
