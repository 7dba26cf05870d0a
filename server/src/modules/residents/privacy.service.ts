import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestMeta, ResidentAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';
import { PeriodicTask } from '../../common/periodic-task';
import { execute } from '../../database/sql';
import { AuditService } from '../audit/audit.service';

export interface RetentionResult {
  ticketsScrubbed: number;
  residentsErased: number;
}

/**
 * The resident's rights under PIPL (个人信息保护法) and the retention rule: personal
 * data — WeChat identity, phone, the names and phones given for room bindings and on
 * requests, the inbox, subscription consents, photos never attached — is erased; the
 * requests themselves stay, anonymised, so the statistics staff steer by still add up.
 */
@Injectable()
export class PrivacyService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Privacy');
  private readonly task = new PeriodicTask('retention pass', this.logger, async () => {
    await this.retentionPass();
    return false;
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.retention.days > 0) this.task.start(this.config.retention.scanMs);
  }

  /** Before the pool closes: the pass in hand finishes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** "Delete my data": the resident asks, it is done at once, and the request is audited. */
  async eraseMe(auth: ResidentAuth, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.erase(manager, auth.residentId, new Date());
      await this.audit.record(manager, auth, meta, {
        action: 'resident.erase',
        targetType: 'resident',
        targetId: auth.residentId,
        detail: { reason: 'resident request' },
      });
    });
  }

  /**
   * Past the retention period: finished requests lose their contact details, and
   * residents who have not signed in for that long and have nothing open are erased.
   * Safe to run on several instances (every statement is idempotent).
   */
  async retentionPass(now = new Date()): Promise<RetentionResult> {
    const { days } = this.config.retention;
    if (days <= 0) return { ticketsScrubbed: 0, residentsErased: 0 };
    const cutoff = new Date(now.getTime() - days * 86400_000);
    const scrubbed = await execute(
      this.dataSource.manager,
      `UPDATE tickets SET contact_phone_enc = NULL, resident_name_enc = NULL
        WHERE status IN ('closed', 'revisited', 'cancelled') AND updated_at < ?
          AND (contact_phone_enc IS NOT NULL OR resident_name_enc IS NOT NULL)`,
      [cutoff],
    );
    const stale: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM residents r
        WHERE r.erased_at IS NULL AND COALESCE(r.last_login_at, r.created_at) < ?
          AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.resident_id = r.id AND t.status NOT IN ('closed', 'revisited', 'cancelled'))
        LIMIT 1000`,
      [cutoff],
    );
    for (const { id } of stale) {
      await this.dataSource.transaction(async (manager) => {
        await this.erase(manager, String(id), now);
        await this.audit.record(manager, null, null, {
          action: 'resident.erase',
          targetType: 'resident',
          targetId: String(id),
          detail: { reason: 'retention' },
        });
      });
    }
    const result = { ticketsScrubbed: scrubbed, residentsErased: stale.length };
    if (result.ticketsScrubbed || result.residentsErased) this.logger.log(`retention: ${JSON.stringify(result)}`);
    return result;
  }

  private async erase(manager: EntityManager, residentId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE residents SET openid = CONCAT('erased:', id), unionid = NULL, phone_enc = NULL, phone_hash = NULL, erased_at = ? WHERE id = ?`,
      [now, residentId],
    );
    await manager.query('DELETE FROM room_bindings WHERE resident_id = ?', [residentId]);
    await manager.query('UPDATE tickets SET contact_phone_enc = NULL, resident_name_enc = NULL WHERE resident_id = ?', [residentId]);
    await manager.query('DELETE FROM notices WHERE resident_id = ?', [residentId]);
    await manager.query("UPDATE outbox_messages SET status = 'skipped', last_error = 'resident erased' WHERE resident_id = ? AND status = 'pending'", [
      residentId,
    ]);
    await manager.query('DELETE FROM subscription_credits WHERE resident_id = ?', [residentId]);
    // Photos never attached to a request go with the sweep's next pass; attached ones
    // are part of the request's record (already stripped of EXIF and location).
    await manager.query("UPDATE uploads SET created_at = ? WHERE owner_kind = 'resident' AND owner_id = ? AND attached_at IS NULL AND created_at > ?", [
      new Date(now.getTime() - 2 * 86400_000),
      residentId,
      new Date(now.getTime() - 2 * 86400_000),
    ]);
  }
}
