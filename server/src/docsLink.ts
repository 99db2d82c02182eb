// Where the rule pages are for the front ends: the docs/rules/ folder shipped
// beside the bundles (server/out/*.js → ../../docs/rules), as a file: URL that
// exists on the user's machine, offline. A public address can replace it
// (CLI --docs-base, the language server's initializationOptions.docsBaseUrl).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export { normalizeDocsBase } from './docsBase';

let local: string | undefined;

/** file:///…/docs/rules/ of this installation (found upward from the running bundle). */
export function localDocsBase(): string {
  if (local) return local;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'docs', 'rules'))) return (local = pathToFileURL(join(dir, 'docs', 'rules')).href + '/');
    dir = dirname(dir);
  }
  return (local = pathToFileURL(join(__dirname, '..', '..', 'docs', 'rules')).href + '/');
}
