import { Logger } from '@nestjs/common';
import { isDatabaseDown } from './errors/http-exception.filter';

/**
 * A background pass each instance runs on a timer (outbox, SLA scan, retention,
 * photo sweep): never two at once, again at once when the pass says more work is
 * waiting, stopped — and the pass in flight awaited — on shutdown. A pass that fails
 * is logged, except while the database is down: the next pass simply tries again.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  /** `pass` resolves true when it left work waiting (a full batch). */
  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly pass: () => Promise<boolean>,
  ) {}

  /** Every `everyMs` (≤ 0: never), the first pass after `firstDelayMs`. */
  start(everyMs: number, firstDelayMs = everyMs): void {
    if (everyMs > 0) this.schedule(firstDelayMs, everyMs);
  }

  /** True once stop() was called: a long pass may end early and give back what it claimed. */
  get stopping(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number, everyMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      let more = false;
      try {
        this.running = this.pass();
        more = (await this.running) === true;
      } catch (e) {
        if (!isDatabaseDown(e)) this.logger.error(`${this.what} failed: ${(e as Error).message}`, (e as Error).stack);
      } finally {
        this.running = null;
      }
      this.schedule(more ? 0 : everyMs, everyMs);
    }, delay);
    this.timer.unref();
  }
}
