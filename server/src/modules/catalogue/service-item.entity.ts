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
  /** The bookable hours, minutes after midnight in Asia/Shanghai: slots start at `slotsFromMin` and end by `slotsUntilMin`. */
  @Column({ type: 'smallint', unsigned: true, default: 540 }) slotsFromMin: number;
  @Column({ type: 'smallint', unsigned: true, default: 1080 }) slotsUntilMin: number;
  /** How many days ahead (today included) residents may book. */
  @Column({ type: 'tinyint', unsigned: true, default: 7 }) bookingDays: number;
  /** The picture residents see in the catalogue: an upload attached outside any request. */
  @RefColumn({ nullable: true }) photoId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreatedAtColumn() createdAt: Date;
}
