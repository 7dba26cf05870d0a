import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { insertRows } from '../../database/plain-insert';
import { placeholders } from '../../database/sql';
import { URGENT_WECOM_KINDS } from './wecom-kinds';
import { WecomOutbox } from './wecom.entities';

/** What NoticesService.insertStaffNotices hands over, one per staff notice. */
export interface StaffNoticeForWecom {
  staffId: string;
  ticketId: string | null;
  kind: string;
  title: string;
  body: string;
  at: Date;
  urgent?: boolean;
}

/**
 * Writes the WeCom outbox rows for staff notices, with the caller's manager — inside the
 * transaction of the change, so a message exists exactly when its notice does. Only for
 * members bound to a WeCom userid who have not turned the kind off; nothing at all when
 * WeCom is not configured.
 */
@Injectable()
export class WecomOutboxWriter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async enqueue(manager: EntityManager, notices: StaffNoticeForWecom[], chunk = 500): Promise<void> {
    if (!this.config.wecom || !notices.length) return;
    const staffIds = [...new Set(notices.map((n) => String(n.staffId)))];
    const bound: { staffId: string; mutedKinds: string | null }[] = await manager.query(
      `SELECT staff_id AS staffId, muted_kinds AS mutedKinds FROM staff_wecom WHERE userid IS NOT NULL AND staff_id IN (${placeholders(staffIds)})`,
      staffIds,
    );
    if (!bound.length) return;
    const muted = new Map(bound.map((b) => [String(b.staffId), new Set((b.mutedKinds ?? '').split(',').filter(Boolean))]));
    // One change, one message a person: a new urgent request routed to the agent on duty
    // is both "routed" and "urgent" in the admin pages, but one (the urgent) message here.
    const slotOf = new Map<string, number>(); // staff:ticket → index in wanted
    const wanted: StaffNoticeForWecom[] = [];
    for (const n of notices) {
      const muted_ = muted.get(String(n.staffId));
      if (!muted_ || (!URGENT_WECOM_KINDS.includes(n.kind) && muted_.has(n.kind))) continue;
      const key = n.ticketId === null ? null : `${n.staffId}:${n.ticketId}`;
      const slot = key === null ? undefined : slotOf.get(key);
      if (slot === undefined) {
        if (key !== null) slotOf.set(key, wanted.length);
        wanted.push(n);
      } else if (URGENT_WECOM_KINDS.includes(n.kind) && !URGENT_WECOM_KINDS.includes(wanted[slot]!.kind)) {
        wanted[slot] = { ...n, urgent: n.urgent || wanted[slot]!.urgent };
      }
    }
    const rows = wanted.map((n) => ({
      staffId: String(n.staffId),
      ticketId: n.ticketId,
      kind: n.kind,
      urgent: URGENT_WECOM_KINDS.includes(n.kind) || n.urgent === true,
      title: n.title,
      body: n.body,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: n.at,
      held: false,
      digestCount: 0,
      createdAt: n.at,
    }));
    await insertRows(manager, WecomOutbox, rows, chunk);
  }
}
