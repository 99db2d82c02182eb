// `vnhr check` on several files: figures compared across the checked reports
// (after the per-file checks), and the other file's lines for `--changed`.
// Kept apart from cli.ts so the per-file pipeline can change without touching it.
import { crossReportConflicts, getDefaultConfig, LineIndex, type CrossReport, type Finding, type ResolvedConfig } from './engine';
import { crossReportOf } from './crossfile';
import { touchesChanged, type ChangedLines } from './changed';

export interface CrossFileResult {
  /** The path as printed: the report id, `related[].file` of the other report's findings. */
  path: string;
  text: string;
  findings: Finding[];
  config: ResolvedConfig;
  /** A Word file: no stable lines (messages name the file only). */
  word?: unknown;
}

/**
 * Add the cross-report findings to each result (sorted in with its own).
 * `groupOf` says which crossFile.groups of its config a result is in.
 */
export function addCrossFileFindings(results: CrossFileResult[], groupOf: (r: CrossFileResult) => string[] | undefined): number {
  if (results.length < 2) return 0;
  const reports: CrossReport[] = results.map((r) => crossReportOf(r.path, r.text, r.config, { group: groupOf(r), lineless: r.word !== undefined }));
  const found = crossReportConflicts(reports, getDefaultConfig());
  let n = 0;
  for (const r of results) {
    const add = found.get(r.path);
    if (!add?.length) continue;
    n += add.length;
    r.findings = [...r.findings, ...add].sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return n;
}

/**
 * `--changed`: keep a finding when it, or one of its related ranges (in its own
 * file or another checked file), is on a changed line. `changedOf(path)`: that
 * file's changed lines; a Word file (no lines) counts as touched when changed at all.
 */
export function keepChanged(results: (CrossFileResult & { word?: unknown })[], changedOf: (path: string) => ChangedLines | undefined): void {
  const byPath = new Map(results.map((r) => [r.path, r]));
  const index = new Map<string, LineIndex>();
  const li = (r: CrossFileResult) => {
    let x = index.get(r.path);
    if (!x) index.set(r.path, (x = new LineIndex(r.text)));
    return x;
  };
  const touches = (r: CrossFileResult | undefined, start: number, end: number): boolean => {
    if (!r) return false;
    const changed = changedOf(r.path);
    if (changed === undefined || (typeof changed === 'object' && 'error' in changed)) return false;
    if (r.word !== undefined) return changed === 'all' || changed.size > 0;
    const l = li(r);
    return touchesChanged(changed, [{ start: l.positionAt(start).line, end: l.positionAt(end).line }]);
  };
  for (const r of results) {
    const own = changedOf(r.path);
    // A file whose changes could not be read is kept whole (its error is reported); a Word file's own findings are kept whole.
    if (own === undefined || (typeof own === 'object' && 'error' in own) || own === 'all' || r.word !== undefined) continue;
    r.findings = r.findings.filter((f) => touches(r, f.start, f.end) || (f.related ?? []).some((x) => touches(x.file === undefined ? r : byPath.get(x.file), x.start, x.end)));
  }
}
