// Which documents are checked, given a path relative to the config's folder:
// no I/O and no node built-ins, so the browser server (server.browser.ts)
// decides exactly as the CLI and the node server do (files.ts wraps these
// with node:path for file-system paths).
import { isVietnameseText, type ResolvedConfig } from './engine';
import { compileGlob, globMatch, type Glob } from './glob';

/** Config file names, nearest first in each folder. */
export const CONFIG_NAMES = ['.vnhrrc.json', '.vnhrrc'];

/**
 * A config's `ignore` / `include` globs, compiled once by the linear matcher of
 * glob.ts (no backtracking on hostile patterns). A pattern that does not compile
 * is left out here; the CLI reports it (server: the config check does).
 */
const compiled = new WeakMap<ResolvedConfig, { ignore: Glob[]; include: Glob[] }>();
export function configGlobs(config: ResolvedConfig, onError?: (key: 'ignore' | 'include', pattern: string, e: Error) => void): { ignore: Glob[]; include: Glob[] } {
  let g = compiled.get(config);
  if (!g) {
    const compile = (key: 'ignore' | 'include') =>
      config[key].flatMap((p) => {
        try {
          return [compileGlob(p)];
        } catch (e) {
          onError?.(key, p, e as Error);
          return [];
        }
      });
    g = { ignore: compile('ignore'), include: compile('include') };
    compiled.set(config, g);
  }
  return g;
}

/** `rel`: the file's path relative to the config's folder, with "/" separators. */
export function isIgnoredRel(rel: string, config: ResolvedConfig): boolean {
  const g = configGlobs(config).ignore;
  return g.length > 0 && globMatch(rel, g);
}

export function isIncludedRel(rel: string, config: ResolvedConfig): boolean {
  const g = configGlobs(config).include;
  return g.length > 0 && globMatch(rel, g);
}

/**
 * Is this Markdown text checked? Not ignored, and named explicitly, included
 * by the config, or Vietnamese text (`allMarkdown`: the editor's
 * checkAllMarkdown setting). `rel` undefined (an unsaved buffer, no config): no globs apply.
 */
export function isCheckedRel(text: string, config: ResolvedConfig, where: { rel?: string; explicit?: boolean; allMarkdown?: boolean }): boolean {
  const { rel } = where;
  if (rel !== undefined && isIgnoredRel(rel, config)) return false;
  if (where.explicit || where.allMarkdown) return true;
  if (rel !== undefined && isIncludedRel(rel, config)) return true;
  return isVietnameseText(text);
}
