// The workspace's reports as the comparison across reports sees them: each
// checked report's own findings and indicator mentions (open documents with
// their editor text, others from disk), the cross-file findings computed over
// all of them, and publishing: a report's diagnostics are its own findings plus
// its cross-file ones, with related information in the other file. A change
// to one report publishes it at once with the cross-file findings it had, then
// (debounced) compares again and re-publishes every report whose cross-file
// findings changed.
import type { CrossStatus } from '../protocol';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossReportConflicts, newCrossMemo, getDefaultConfig, LineIndex, type Position, type Range, type CrossReport, type Finding, type IndicatorMentionInfo, type Locale, type Msg, type ResolvedConfig } from '../engine';
import { crossGroupOf } from '../crossfile';
import { findConfigFile } from '../configFiles';
import type { ServerContext, WorkspaceReport } from './context';
import { toDiagnostic, reuseDiagnostics, type SentDiagnostics } from './diagnostics';

export interface ReportInput {
  /** Kept for an open document only (typing reuses Diagnostics up to the first changed character). */
  text: string;
  /** A hash of the text: an unopened report keeps this, not its text. */
  hash?: string;
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
  /** The mentions compared across reports: the previous check's when its figures compared across files read the same. */
  compared: IndicatorMentionInfo[];
  cross: Finding[];
  group: string[] | undefined;
  /** The last diagnostics sent were not empty. */
  sent: boolean;
}

/**
 * Offsets to positions without the text (an unopened report's diagnostics and
 * panel rows need nothing else): the line starts in a typed array and the
 * length, ~4 KB instead of the ~100 KB of a 50 KB report's text. The same
 * positions as the engine's LineIndex (whose line starts it copies).
 */
export class Positions {
  private readonly starts: Uint32Array;
  private readonly length: number;
  constructor(text: string) {
    this.starts = Uint32Array.from(new LineIndex(text).lineStarts);
    this.length = text.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.length));
    // The last line start at or below the offset (starts[0] is 0).
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
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
  /** Counts for the status request (tests, bench). */
  stats(): CrossStatus;
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

const sameMsg = (a: Msg | undefined, b: Msg | undefined) => a === b || (!!a && !!b && a.vi === b.vi && a.en === b.en);

/**
 * Do two checks of a report give the same figures to compare across reports
 * (everything crossReportConflicts reads of them)? Then no cross-file finding
 * of any report can change: no comparison is needed (an edit that moves no
 * figure, the file saved again).
 */
function sameCrossMentions(a: readonly IndicatorMentionInfo[], b: readonly IndicatorMentionInfo[]): boolean {
  const xs = a.filter((m) => m.cross);
  const ys = b.filter((m) => m.cross);
  if (xs.length !== ys.length) return false;
  return xs.every((x, k) => {
    const y = ys[k];
    return (
      x.start === y.start &&
      x.end === y.end &&
      x.line === y.line &&
      x.value === y.value &&
      x.interval[0] === y.interval[0] &&
      x.interval[1] === y.interval[1] &&
      x.indicator === y.indicator &&
      x.cross!.key === y.cross!.key &&
      sameMsg(x.cross!.place, y.cross!.place) &&
      sameMsg(x.written, y.written) &&
      sameMsg(x.reading, y.reading) &&
      sameMsg(x.name, y.name) &&
      sameMsg(x.kindLabel, y.kindLabel) &&
      sameMsg(x.period?.label, y.period?.label)
    );
  });
}

const sameGroup = (a: string[] | undefined, b: string[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((g, k) => g === b[k]));

/** Would the two lists of cross-file findings publish the same diagnostics (ranges, messages, related locations)? */
function sameCross(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x.start !== y.start || x.end !== y.end || x.severity !== y.severity || x.message.vi !== y.message.vi || x.message.en !== y.message.en) return false;
    const rx = x.related ?? [];
    const ry = y.related ?? [];
    if (rx.length !== ry.length || rx.some((r, i) => r.file !== ry[i].file || r.start !== ry[i].start || r.end !== ry[i].end || r.message.vi !== ry[i].message.vi || r.message.en !== ry[i].message.en)) return false;
  }
  return true;
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

  /** Sends the report's diagnostics; the promise settles once they are written (undefined: nothing sent). */
  function publish(uri: string, e: Entry, force = false): Promise<void> | undefined {
    const all = e.cross.length ? [...e.input.findings, ...e.cross].sort((a, b) => a.start - b.start || a.end - b.end) : e.input.findings;
    e.findings = all;
    // An open document whose client pulls: its result is kept for the pull (pullDiagnostics.ts), and
    // what was pushed for its file before it was opened (the workspace scan) is cleared once.
    const pulled = e.input.version !== undefined && ctx.pull.active;
    if (pulled && e.sent) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (pulled) e.sent = false;
    else if (!all.length && !e.sent && !force) return undefined;
    else e.sent = all.length > 0;
    const other = (file: string) => {
      const o = entries.get(file);
      return o && { uri: file, lines: o.lines };
    };
    // Typing: the Diagnostic of every finding whose line and column cannot have changed is reused (diagnostics.ts reuseDiagnostics).
    const docsBase = ctx.client.docsBase;
    const last = published.get(uri);
    const make = (f: Finding) => toDiagnostic(f, e.lines, uri, e.input.locale, docsBase, other);
    // Only an open document's diagnostics are kept for the next publish (typing); an unopened
    // report's are made again when its cross-file findings change (memory: hundreds of reports).
    let diagnostics;
    if (e.lines instanceof LineIndex) {
      const prev = last && last.locale === e.input.locale && last.docsBase === docsBase ? last : undefined;
      diagnostics = reuseDiagnostics(prev, e.input.text, e.lines, all, make);
      published.set(uri, { text: e.input.text, lines: e.lines, findings: all, diagnostics, locale: e.input.locale, docsBase });
    } else {
      diagnostics = all.map(make);
      published.delete(uri);
    }
    if (pulled) {
      ctx.pull.set(uri, e.input.version!, diagnostics);
      return undefined;
    }
    return ctx.connection.sendDiagnostics({ uri, version: e.input.version, diagnostics });
  }

  const status: CrossStatus = { updates: 0, comparisons: 0, republished: 0, lastCompareMs: 0, crossFindings: 0 };

  /** A report changed in a way the comparison sees (else only the listeners are told, e.g. the panel's rows). */
  let dirty = false;

  function schedule(compareToo = true) {
    if (compareToo) dirty = true;
    if (held) {
      due = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, COMPARE_DELAY_MS);
  }

  function run() {
    timer = undefined;
    due = false;
    if (dirty) compare(); // counts the update once its reports are re-published
    else {
      for (const l of [...listeners]) l();
      status.updates++;
    }
  }

  function compare() {
    // An open document being checked again: compare once its check is done.
    for (const e of entries.values()) {
      if (e.input.busy?.()) {
        schedule();
        return;
      }
    }
    dirty = false;
    const t0 = performance.now();
    const reports: CrossReport[] = [];
    const changed: string[] = [];
    // Mentions read only by the comparison (a getter for open documents), and not at all for one report alone.
    if (entries.size > 1) for (const [uri, e] of entries) reports.push({ id: uri, name: e.input.name, get mentions() { return e.compared; }, config: e.input.config, group: e.group });
    let found: Map<string, Finding[]>;
    try {
      found = crossReportConflicts(reports, getDefaultConfig(), memo);
    } catch (err) {
      ctx.log(`cross-file comparison failed: ${(err as Error).stack ?? String(err)}`);
      status.updates++;
      return;
    }
    for (const [uri, e] of entries) {
      const cross = found.get(uri) ?? [];
      // Keys whose figures did not change give the same objects (the memo): nothing to compare further.
      if (cross.length === e.cross.length && cross.every((f, k) => f === e.cross[k])) continue;
      // The message names the other file's line: a changed message is a change.
      if (sameCross(cross, e.cross)) {
        // The same findings as new objects: kept, so that the next comparison sees the memo's objects.
        e.cross = cross;
        continue;
      }
      e.cross = cross;
      changed.push(uri);
    }
    status.comparisons++;
    status.republished += changed.length;
    status.crossFindings = 0;
    for (const list of found.values()) status.crossFindings += list.length;
    void republish(changed).finally(() => {
      status.lastCompareMs = performance.now() - t0;
      for (const l of [...listeners]) l();
      status.updates++;
    });
  }

  /**
   * Publishes the reports whose cross-file findings changed, a few at a time,
   * waiting for the writes: the first comparison of a scan re-publishes
   * hundreds of reports, and written in one go their diagnostics all stayed in
   * memory until the client had read them (the server's peak). Each is sent
   * as it is then (a newer check of it may have come meanwhile).
   */
  async function republish(uris: readonly string[]): Promise<void> {
    const BATCH = 8;
    for (let k = 0; k < uris.length; k += BATCH) {
      const sent: Promise<void>[] = [];
      for (const uri of uris.slice(k, k + BATCH)) {
        const e = entries.get(uri);
        const p = e && publish(uri, e);
        if (p) sent.push(p);
      }
      await Promise.all(sent).catch(() => undefined);
    }
  }

  return {
    set(uri, input, force = false) {
      const prev = entries.get(uri);
      const same = prev && (input.hash !== undefined ? prev.input.hash === input.hash : prev.input.text === input.text);
      const open = input.version !== undefined;
      const group = groupOf(uri, input.config);
      // The figures compared across reports read the same as before: the comparison's result stands.
      // (Not asked of an open document: its mentions are not read on every keystroke.)
      const unchanged = !open && !!prev && prev.input.name === input.name && prev.input.config.key === input.config.key && sameGroup(prev.group, group) && sameCrossMentions(prev.compared, input.mentions);
      const kept = unchanged ? prev.compared : undefined;
      const e: Entry = {
        // An unopened report keeps no text (its hash tells an unchanged text).
        input: open || input.hash === undefined ? input : { ...input, text: '' },
        lines: open ? new LineIndex(input.text) : new Positions(input.text),
        // An open document's mentions are read only when asked (a getter: not on every keystroke).
        get indicators() {
          return input.mentions;
        },
        get compared() {
          return kept ?? input.mentions;
        },
        findings: input.findings,
        // Until compared again, the cross-file findings it had, moved to where their figures are now (no flicker while typing).
        cross: !prev ? [] : same || unchanged ? prev.cross : prev.cross.length ? carried(prev.cross, input.mentions) : [],
        group,
        sent: prev?.sent ?? false,
      };
      entries.set(uri, e);
      publish(uri, e, force);
      schedule(!unchanged);
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
        if (!held && due) schedule(false);
      };
    },
    stats: () => ({ ...status }),
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
