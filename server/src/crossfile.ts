// What the CLI and the server share for figures compared across reports: a
// report's mentions as the engine's CrossReport, and which `crossFile.groups`
// of its config the report is in (globs relative to the config's folder,
// matched by the linear matcher of glob.ts).
import { buildDocModel, indicatorSummary, type CrossReport, type ResolvedConfig } from './engine';
import { compileGlob, globMatch, type Glob } from './glob';

const compiled = new WeakMap<ResolvedConfig, Glob[][]>();
function groupGlobs(config: ResolvedConfig): Glob[][] {
  let g = compiled.get(config);
  if (!g) {
    // A pattern that does not compile matches nothing (the schema has checked the shape; the CLI reports ignore/include errors).
    g = config.crossFile.groups.map((list) =>
      list.flatMap((p) => {
        try {
          return [compileGlob(p)];
        } catch {
          return [];
        }
      }),
    );
    compiled.set(config, g);
  }
  return g;
}

/**
 * The groups a report is in: undefined when its config has no groups (it is
 * compared with every report without groups); else the names of the groups
 * whose globs match its path relative to `base` (the config's folder), told
 * apart per config file by `base`; none matched = compared with no report.
 */
export function crossGroupOf(relPath: string, config: ResolvedConfig, base: string): string[] | undefined {
  const groups = groupGlobs(config);
  if (!groups.length) return undefined;
  const rel = relPath.replace(/\\/g, '/');
  const out: string[] = [];
  groups.forEach((g, i) => {
    if (g.length && globMatch(rel, g)) out.push(`${base}#${i}`);
  });
  return out;
}

/** A report's indicator mentions, read with its config, for crossReportConflicts. */
export function crossReportOf(id: string, text: string, config: ResolvedConfig, extra: Omit<CrossReport, 'id' | 'mentions' | 'config'> = {}): CrossReport {
  const mentions = config.crossFile.enabled ? indicatorSummary(buildDocModel(text, config), config).filter((m) => m.cross) : [];
  return { id, mentions, config, ...extra };
}
