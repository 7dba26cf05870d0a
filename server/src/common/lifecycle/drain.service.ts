import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { BehaviorSubject, Observable, filter, map, take } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** How soon a told-to-reconnect event stream comes back (the SSE `retry:` hint), in ms. */
export const RECONNECT_RETRY_MS = 1000;

/**
 * Graceful shutdown of the HTTP side. On app.close() (SIGTERM/SIGINT in main.ts) —
 * before the background passes stop and the pool closes — this: marks the instance
 * draining (readiness answers 503 so a balancer stops sending), stops accepting
 * connections, asks every open staff event stream to reconnect (a `retry:` hint, then
 * the stream ends; EventSource comes back, through the balancer, to an instance that is
 * up and resumes with Last-Event-ID), lets the requests in hand finish, answering them
 * with `Connection: close` so no keep-alive connection lingers, and after
 * `SHUTDOWN_GRACE_MS` closes whatever connection is still open.
 *
 * Without this, one open event stream kept `server.close()` waiting for ever.
 */
@Injectable()
export class DrainService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly state = new BehaviorSubject(false);
  private inFlight = 0;
  private idle: (() => void) | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  get draining(): boolean {
    return this.state.value;
  }

  /** Emits once, when draining starts (at once if it already has). For long-lived responses. */
  get drain$(): Observable<void> {
    return this.state.pipe(
      filter(Boolean),
      take(1),
      map(() => undefined),
    );
  }

  /** Middleware (installed by createApp): counts requests in hand; while draining, answers with `Connection: close`. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.inFlight++;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    };
    res.once('finish', finished);
    res.once('close', finished);
    if (this.draining && !res.headersSent) res.setHeader('Connection', 'close');
    next();
  };

  async beforeApplicationShutdown(): Promise<void> {
    if (this.draining) return;
    const started = Date.now();
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    this.state.next(true);
    if (!server?.listening) return;
    server.close(); // no new connections; the callback is Nest's, when it disposes the adapter
    server.closeIdleConnections();
    const inHand = this.inFlight;
    // Connections that finish a response become idle; close them as they do, until none is left.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const allDone = new Promise<boolean>((resolve) => {
      if (this.inFlight === 0) return resolve(true);
      this.idle = () => resolve(true);
    });
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.config.shutdownGraceMs).unref());
    const clean = await Promise.race([allDone, timedOut]);
    clearInterval(sweep);
    this.idle = null;
    server.closeIdleConnections();
    if (!clean) {
      this.logger.warn(`${this.inFlight} request(s) still open after ${this.config.shutdownGraceMs} ms: closing their connections`);
      server.closeAllConnections();
    }
    this.logger.log(`drained ${inHand} open request(s) and event stream(s) in ${Date.now() - started} ms`);
  }
}
