import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The one contract: the server's OpenAPI document (generated from its DTOs) and the
 * TypeScript types generated from it for the admin pages and the mini-program. Both are
 * committed; `npm run openapi -w @yizhan/server` rewrites them and the openapi e2e suite
 * fails while either is stale.
 */
const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SPEC_FILE = path.join(REPO_ROOT, 'server/openapi.json');
export const TYPES_FILE = path.join(REPO_ROOT, 'shared/src/generated/openapi.ts');

/** Keys sorted at every level, so the committed file changes only when the contract does. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function specText(document: OpenAPIObject): string {
  return JSON.stringify(sortKeys(document), null, 2) + '\n';
}

/** The TypeScript types of a spec, as openapi-typescript writes them (scripts/openapi-types.js). */
export function typesText(specJson: string): string {
  return execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/openapi-types.js')], { input: specJson, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function committed(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
