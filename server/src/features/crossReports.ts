// The workspace's reports as the comparison across reports sees them: each
// checked report's own findings and indicator mentions (open documents with
// their editor text, others from disk), the cross-file findings computed over
// all of them, and publishing: a report's diagnostics are its own findings plus
// its cross-file ones, with related information in the other file. A change
// to one report publishes it at once with the cross-file findings it had, then
// (debounced) compares again and re-publishes every report whose cross-file
// findings changed.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossReportConflicts, newCrossMemo, getDefaultConfig, LineIndex, type CrossReport, type Finding, type IndicatorMentionInfo, type Locale, type ResolvedConfig } from '../engine';
import { crossGroupOf } from '../crossfile';
import { findConfigFile } from '../configFiles';
import type { ServerContext, WorkspaceReport } from './context';
import { toDiagnostic, reuseDiagnostics, type SentDiagnostics } from './diagnostics';

export interface ReportInput {
  text: string;
  /** The editor's version (open documents). */
  version?: number;
  findings: Finding[];
  /** May be a getter that reads them on first use (an open document's: not on every keystroke). */
  mentions: IndicatorMentionInfo[];
  /** Reading `mentions` must wait (a newer check of the document is running): the comparison is put off. */
  busy?: () => boolean;
  config: ResolvedConfig;
  locale: Locale;
  /** Shown in other reports' messages (the path relative to its workspace folder). */
  name: string;
}

interface Entry extends WorkspaceReport {
  input: ReportInput;
  cross: Finding[];
  crossSig: string;
  group: string[] | undefined;
  /** The last diagnostics sent were not empty. */
  sent: boolean;
}

/** Wait after a change before comparing again (a scan or typing changes many reports in a row). */
const COMPARE_DELAY_MS = 150;

export interface CrossReports {
  /** A report was checked: publish it (own + its current cross-file findings), compare again soon. `force`: send even an empty result. */
  set(uri: string, input: ReportInput, force?: boolean): void;
  /** A report is gone or no longer checked (the caller clears its diagnostics). */
  delete(uri: string): void;
  has(uri: string): boolean;
  /** The last diagnostics sent for it were not empty. */
  sent(uri: string): boolean;
  reports(): ReadonlyMap<string, WorkspaceReport>;
  onDidChange(listener: () => void): { dispose(): void };
  /** Compare only once the returned function is called (a scan sets hundreds of reports: one comparison at its end). */
  hold(): () => void;
  dispose(): void;
}

/**
 * Cross-file findings of the previous text kept for the new one: each on the
 * figure with the same key and value (in order), dropped when there is none.
 */
function carried(old: readonly Finding[], mentions: readonly IndicatorMentionInfo[]): Finding[] {
  if (!old.length) return [];
  const byKey = new Map<string, IndicatorMentionInfo[]>();
  for (const m of mentions) {
    if (!m.cross) continue;
    const l = byKey.get(m.cross.key);
    if (l) l.push(m);
    else byKey.set(m.cross.key, [m]);
  }
  const out: Finding[] = [];
  for (const f of old) {
    const key = f.data?.key;
    const value = (f.data?.values as number[] | undefined)?.[0];
    const list = typeof key === 'string' ? byKey.get(key) : undefined;
    const k = list ? list.findIndex((m) => m.value === value) : -1;
    if (!list || k < 0) continue;
    const [m] = list.splice(k, 1);
    out.push({ ...f, start: m.start, end: m.end });
  }
  return out;
}

export function createCrossReports(ctx: ServerContext): CrossReports {
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;
  let held = 0;
  let due = false;
  // Keys whose figures did not change keep their findings between comparisons.
  const memo = newCrossMemo();
  /** The diagnostics of each report's last publish, and the text, locale and docs base they were made for. */
  const published = new Map<string, SentDiagnostics & { locale: Locale; docsBase: string }>();

  function groupOf(uri: string, config: ResolvedConfig): string[] | undefined {
    if (!config.crossFile.groups.length || !uri.startsWith('file:')) return undefined;
    try {
      const path = fileURLToPath(uri);
      const cfg = findConfigFile(dirname(path));
      const base = cfg ? dirname(cfg) : dirname(path);
      return crossGroupOf(path.slice(base.length + 1), config, base);
    } catch {
      return [];
    }
  }

  function publish(uri: string, e: Entry, force = false) {
    const all = e.cross.length ? [...e.input.findings, ...e.cross].sort((a, b) => a.start - b.start || a.end - b.end) : e.input.findings;
    e.findings = all;
    // An open document whose client pulls: its result is kept for the pull (pullDiagnostics.ts), and
    // what was pushed for its file before it was opened (the workspace scan) is cleared once.
    const pulled = e.input.version !== undefined && ctx.pull.active;
    if (pulled && e.sent) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (pulled) e.sent = false;
    else if (!all.length && !e.sent && !force) return;
    else e.sent = all.length > 0;
    const other = (file: string) => {
      const o = entries.get(file);
      return o && { uri: file, lines: o.lines };
    };
    // Typing: the Diagnostic of every finding whose line and column cannot have changed is reused (diagnostics.ts reuseDiagnostics).
    const docsBase = ctx.client.docsBase;
    const last = published.get(uri);
    const prev = last && last.locale === e.input.locale && last.docsBase === docsBase ? last : undefined;
    const diagnostics = reuseDiagnostics(prev, e.input.text, e.lines, all, (f) => toDiagnostic(f, e.lines, uri, e.input.locale, docsBase, other));
    published.set(uri, { text: e.input.text, lines: e.lines, findings: all, diagnostics, locale: e.input.locale, docsBase });
    if (pulled) return ctx.pull.set(uri, e.input.version!, diagnostics);
    void ctx.connection.sendDiagnostics({ uri, version: e.input.version, diagnostics });
  }

  function schedule() {
    if (held) {
      due = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(compare, COMPARE_DELAY_MS);
  }

  function compare() {
    timer = undefined;
    due = false;
    // An open document being checked again: compare once its check is done.
    for (const e of entries.values()) {
      if (e.input.busy?.()) {
        schedule();
        return;
      }
    }
    const reports: CrossReport[] = [];
    // Mentions read only by the comparison (a getter for open documents), and not at all for one report alone.
    if (entries.size > 1) for (const [uri, e] of entries) reports.push({ id: uri, name: e.input.name, get mentions() { return e.input.mentions; }, config: e.input.config, group: e.group });
    let found: Map<string, Finding[]>;
    try {
      found = crossReportConflicts(reports, getDefaultConfig(), memo);
    } catch (err) {
      ctx.log(`cross-file comparison failed: ${(err as Error).stack ?? String(err)}`);
      return;
    }
    for (const [uri, e] of entries) {
      const cross = found.get(uri) ?? [];
      // Keys whose figures did not change give the same objects (the memo): nothing to compare further.
      if (cross.length === e.cross.length && cross.every((f, k) => f === e.cross[k])) continue;
      // The message names the other file's line: a changed message is a change.
      const sig = cross.length ? JSON.stringify(cross.map((f) => [f.start, f.end, f.message.vi, f.related?.map((r) => [r.file, r.start, r.end])])) : '';
      if (sig === e.crossSig) continue;
      e.cross = cross;
      e.crossSig = sig;
      publish(uri, e);
    }
    for (const l of [...listeners]) l();
  }

  return {
    set(uri, input, force = false) {
      const prev = entries.get(uri);
      const same = prev && prev.input.text === input.text;
      const e: Entry = {
        input,
        lines: new LineIndex(input.text),
        get indicators() {
          return input.mentions;
        },
        findings: input.findings,
        // Until compared again, the cross-file findings it had, moved to where their figures are now (no flicker while typing).
        cross: !prev ? [] : same ? prev.cross : prev.cross.length ? carried(prev.cross, input.mentions) : [],
        crossSig: same ? prev.crossSig : '',
        group: groupOf(uri, input.config),
        sent: prev?.sent ?? false,
      };
      entries.set(uri, e);
      publish(uri, e, force);
      schedule();
    },
    delete(uri) {
      published.delete(uri);
      if (entries.delete(uri)) schedule();
    },
    has: (uri) => entries.has(uri),
    sent: (uri) => entries.get(uri)?.sent ?? false,
    reports: () => entries,
    onDidChange(listener) {
      listeners.add(listener);
      return { dispose: () => void listeners.delete(listener) };
    },
    hold() {
      held++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        held--;
        if (!held && due) schedule();
      };
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
