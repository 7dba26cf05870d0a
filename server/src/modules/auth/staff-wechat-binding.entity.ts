import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, RefColumn } from '../../database/columns';

/**
 * A staff account signed in once on the mini-program's staff side (员工端) with its
 * username and password, tied to that WeChat user's openid so later sign-ins need only
 * `wx.login`. One account per openid and one openid per account (both unique). Deleted
 * when an admin unbinds it, and when the account is deactivated or gets a new password.
 * A table of its own, beside `staff`, so the binding's life is independent of the row.
 */
@Entity('staff_wechat_bindings')
export class StaffWechatBinding {
  @IdColumn() id: string;
  @Index({ unique: true }) @RefColumn() staffId: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) openid: string;
  @CreatedAtColumn() createdAt: Date;
}
