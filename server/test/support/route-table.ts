import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { API_PREFIX, openApiDocument } from '../../src/app.factory';
import { AUTH_RULE, AuthRule } from '../../src/common/auth/decorators';

/** One route of the running app: `GET /tickets/:id` (relative to /api/v1), with its auth rule. */
export interface RouteInfo {
  key: string;
  method: string;
  /** Express-style path relative to the API prefix, e.g. `/tickets/:id`. */
  path: string;
  auth: AuthRule['kind'];
  roles?: string[];
  controller: string;
  handler: string;
}

const join = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

/**
 * Every route of every controller the app registered, read from Nest's own routing
 * metadata (what RouterExplorer maps to the HTTP adapter) — so it works for any
 * adapter and includes controllers excluded from the OpenAPI document.
 */
export function routeTable(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!cls?.prototype) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        if (name === 'constructor') continue;
        const handler = Object.getOwnPropertyDescriptor(cls.prototype, name)?.value;
        if (typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const own = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || own === undefined) continue;
        const rule: AuthRule = Reflect.getMetadata(AUTH_RULE, handler) ?? Reflect.getMetadata(AUTH_RULE, cls) ?? { kind: 'any' };
        for (const b of base) {
          for (const p of ([] as string[]).concat(own)) {
            const path = join(b, p);
            const verb = RequestMethod[method]!;
            routes.push({
              key: `${verb} ${path}`,
              method: verb,
              path,
              auth: rule.kind,
              roles: rule.kind === 'staff' ? rule.roles : undefined,
              controller: cls.name,
              handler: name,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** Routes as the HTTP adapter actually serves them (Express only), relative to the API prefix. */
export function adapterRoutes(app: INestApplication): string[] | null {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: unknown[] }; _router?: { stack: unknown[] } };
  const stack = (instance.router ?? instance._router)?.stack as { route?: { path: string; methods: Record<string, boolean> } }[] | undefined;
  if (!stack) return null;
  const prefix = '/' + API_PREFIX;
  return (
    stack
      // `{*splat}` layers are middleware mounted for every path (the request logger), not endpoints.
      .filter((l) => l.route && l.route.path.startsWith(prefix + '/') && !l.route.path.endsWith('{*splat}'))
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path.slice(prefix.length)}`))
  );
}

/** Operations of the OpenAPI document, as route keys. */
export function openApiRoutes(app: INestApplication): string[] {
  const doc = openApiDocument(app);
  const prefix = '/' + API_PREFIX;
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${p.slice(prefix.length).replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

/** `/tickets/:id` with `{id: '5'}` → `/tickets/5`; a parameter without a value is an error in the test. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return value;
  });
}
