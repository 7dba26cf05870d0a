import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from './common/config/app-config';

/** A year: content-hashed files never change under their name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** HTML (and anything not hashed) is revalidated on every visit, so a deploy shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Content-hashed build output: Vite's `assets/` (admin) and Taro's `js/x.1a2b3c4d.js`,
 * `css/…` (h5). Tested on the served file's path, which may end in .br or .gz.
 */
const HASHED = /([\\/]assets[\\/])|(\.[0-9a-f]{8}\.(js|css)(\.br|\.gz)?$)/i;

export function cacheControlFor(file: string): string {
  return HASHED.test(file) ? IMMUTABLE : REVALIDATE;
}

/**
 * API answers above 1 KB compressed (brotli at a light quality, or gzip); the staff event
 * stream is left alone (compression would hold its events back in a buffer), and files
 * already compressed at build time are sent as they are.
 */
/** Node's own middleware shape (compression's types bring a second copy of express's). */
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export function compressApi(): Middleware {
  const compress = compression({
    threshold: 1024,
    filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
  });
  return compress as unknown as Middleware;
}

/**
 * The built admin pages (/admin) and resident h5 (/h5), served when they have been built:
 * the brotli or gzip file written beside each asset at build time (scripts/precompress.js),
 * hashed assets cached for a year, HTML revalidated. A path with no file extension that
 * is not a file is a client-side route and gets the site's index.html; a missing asset is 404.
 * /favicon.ico is the built icon, for either site.
 */
export function serveFrontEnds(app: NestExpressApplication, config: AppConfig): void {
  const sites = [
    { root: config.adminDist, at: '/admin' },
    { root: config.h5Dist, at: '/h5' },
  ].filter((site) => existsSync(path.join(site.root, 'index.html')));
  for (const site of sites) {
    const index = path.join(site.root, 'index.html');
    app.use(
      site.at,
      expressStaticGzip(site.root, {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        index: 'index.html',
        serveStatic: { setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(file)) },
      }),
    );
    app.use(site.at, (req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || path.extname(req.path)) return next();
      res.setHeader('Cache-Control', REVALIDATE);
      res.sendFile(index);
    });
  }
  // Browsers ask for /favicon.ico at the root whatever the page's path: the admin build's
  // icon (server/admin/public/favicon.ico) answers for both sites instead of a 404.
  const icon = sites.map((site) => path.join(site.root, 'favicon.ico')).find((file) => existsSync(file));
  if (icon) {
    app.use('/favicon.ico', (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.sendFile(icon);
    });
  }
}
