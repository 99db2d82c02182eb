// `vnhr check --changed <git-ref>`: the lines of a file changed since a ref,
// read from `git diff --unified=0` (hunk headers only), so a pull request's
// review sees only the findings its change brought in.
import type * as ChildProcess from 'node:child_process';
import { basename, dirname } from 'node:path';

/** 1-based changed line numbers, 'all' for a file git does not track, or an error. */
export type ChangedLines = Set<number> | 'all' | { error: string };

// child_process is required by --changed only (loading it is start-up time for every check).
const git = (args: string[], cwd: string) => (require('node:child_process') as typeof ChildProcess).spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Does the ref name a commit? (checked once, before any file) */
export function checkRef(ref: string, cwd: string): string | undefined {
  if (ref.startsWith('-')) return `not a git ref: ${ref}`;
  const r = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (r.error) return `git is not available (${r.error.message})`;
  return r.status === 0 ? undefined : `not a commit in this repository: ${ref}`;
}

export function changedLines(file: string, ref: string): ChangedLines {
  const cwd = dirname(file);
  const name = basename(file);
  const tracked = git(['ls-files', '--error-unmatch', '--', name], cwd);
  if (tracked.error) return { error: `git is not available (${tracked.error.message})` };
  // A file git does not know (new, not yet added) is all new.
  if (tracked.status !== 0) return 'all';
  const r = git(['diff', '--no-color', '--no-ext-diff', '--unified=0', ref, '--', name], cwd);
  if (r.status !== 0) return { error: (r.stderr || 'git diff failed').trim() };
  const lines = new Set<number>();
  for (const m of r.stdout.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let i = 0; i < count; i++) lines.add(start + i);
  }
  return lines;
}

/** Is any of the 0-based line ranges on a changed line? */
export function touchesChanged(changed: Set<number> | 'all', ranges: { start: number; end: number }[]): boolean {
  if (changed === 'all') return true;
  for (const r of ranges) for (let l = r.start; l <= r.end; l++) if (changed.has(l + 1)) return true;
  return false;
}

/** GitHub workflow commands escape %, CR and LF in data, and also : and , in properties. */
export function githubEscape(s: string, property = false): string {
  let out = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}
