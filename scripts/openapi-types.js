#!/usr/bin/env node
/**
 * The TypeScript types of an OpenAPI document, as openapi-typescript writes them:
 * reads the document on standard input, prints the types. Used by `npm run openapi -w
 * @yizhan/server` (which writes shared/src/generated/openapi.ts) and by the server's
 * openapi e2e suite (which fails when that file is stale). A child process, because
 * openapi-typescript's dependencies are ES modules that jest cannot require.
 */
'use strict';
const { default: openapiTS, astToString } = require('openapi-typescript');

const HEADER = `/**
 * GENERATED from server/openapi.json by openapi-typescript — do not edit.
 * Regenerate with \`npm run openapi -w @yizhan/server\`; friendly names are in ../api.ts.
 */
`;

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const ast = await openapiTS(JSON.parse(Buffer.concat(chunks).toString('utf8')), { alphabetize: true, exportType: true, defaultNonNullable: false });
  process.stdout.write(HEADER + astToString(ast));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
