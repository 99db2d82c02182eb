// Figures compared across reports: the same indicator, sub-group, period, place
// and kind given values in two reports that cannot both be right. A report's own
// figures ("toàn huyện", no place) are keyed by the place its issuer names, so a
// district's report meets the province's table row for that district, and two
// districts' "toàn huyện" never meet. A figure whose place cannot be named
// across files (an own figure of a report whose issuer is not named, "toàn
// tỉnh" quoted in a district's report) is not compared here.
import type { ResolvedConfig } from '../config';
import type { Finding, Msg } from '../types';
import type { MentionKind } from './mentions';
import { overlaps } from './compare';
import { foldPhrase } from './lexer';
import type { ResolvedMention } from './resolve';
import type { IndicatorMentionInfo } from './info';
import { SCOPES, SCOPE_LABEL, type Scope } from './scope';

/** What a mention must say to be compared across reports. */
export type CrossMention = Pick<IndicatorMentionInfo, 'start' | 'end' | 'line' | 'indicator' | 'name' | 'written' | 'period' | 'kindLabel' | 'reading' | 'interval' | 'value' | 'cross'>;

export interface CrossReport {
  /** The report's id (a path, a URI): `related[].file` of the other report's findings. */
  id: string;
  /** Shown in messages (a relative path); default: the id. */
  name?: string;
  mentions: readonly CrossMention[];
  /** Compared only with reports sharing a group; undefined = no grouping (compared with every report without groups). */
  group?: string | readonly string[];
  /** This report's config (whether indicator-conflict and crossFile are on, the severity); default: the call's config. */
  config?: ResolvedConfig;
  /** No stable line numbers (a Word file read as Markdown): messages name the file only. */
  lineless?: boolean;
}

/** Keep messages readable when a figure disagrees with many reports. */
const MAX_RELATED = 5;
const RULE = 'indicator-conflict';

// Level words before a place name in a table row label ("Huyện Ninh Phước").
const LEVEL_WORDS = ['huyện', 'quận', 'thị xã', 'thành phố', 'tp', 'xã', 'phường', 'thị trấn', 'tỉnh'].map((w) => foldPhrase(w));

/**
 * The key of a mention across reports, and the place it names, or undefined
 * when the place cannot be named outside its report. An earlier level that is
 * only relative ("kỳ trước" without its year) is not compared either.
 */
export function crossKeyOf(rm: ResolvedMention): { key: string; place: Msg } | undefined {
  if (!rm.key) return undefined;
  const parts = rm.key.split('|');
  if (parts.length !== 5) return undefined;
  const [ind, sub, period, place, kind] = parts;
  if ((kind as MentionKind) === 'previous') return undefined;
  const scope = rm.docScope;
  const own = place === 'doc' || (SCOPES as readonly string[]).includes(place);
  if (!own) return { key: rm.key, place: rm.placeLabel };
  if (place === 'national') return { key: rm.key, place: SCOPE_LABEL.national };
  // A table of the report's own figures by place: the row label names the place ("Ninh Phước" in a province's table by district).
  // Only in a province's or the nation's report: district names are unique in a province, province names in the country;
  // commune names repeat across districts, so a district's table by commune is not read so.
  if (sub.startsWith('col:') && !sub.includes('+') && (scope.scope === 'province' || scope.scope === 'national')) {
    const named = placeOfLabel(sub.slice(4));
    if (named) return { key: [ind, '', period, 'place:' + named, kind].join('|'), place: { vi: rowLabelOf(rm) ?? named, en: rowLabelOf(rm) ?? named } };
  }
  // The report's own figure: its issuer's named place, if the issuer names one.
  if (place === scope.scope && scope.place) {
    const lvl = SCOPE_LABEL[place as Scope];
    const words = scope.words ?? '';
    return { key: [ind, sub, period, scope.place, kind].join('|'), place: { vi: `${lvl.vi} (${words})`, en: `${lvl.en} (${words})` } };
  }
  return undefined;
}

/** The folded name of a row label without its level word, when it has at least one word left. */
function placeOfLabel(folded: string): string | undefined {
  const ws = folded.split(' ').filter(Boolean);
  for (const lv of LEVEL_WORDS) {
    if (lv.length < ws.length && lv.every((w, i) => ws[i] === w)) {
      ws.splice(0, lv.length);
      break;
    }
  }
  // A name is a proper noun of one or more words; digits or a lone letter are not.
  if (!ws.length || ws.some((w) => !/^\p{L}/u.test(w)) || ws.join('').length < 3) return undefined;
  return ws.join(' ');
}

function rowLabelOf(rm: ResolvedMention): string | undefined {
  const t = rm.block.segments[rm.m.segment]?.table;
  return t?.rowLabel || undefined;
}

function groupsOf(r: CrossReport): readonly string[] | undefined {
  return r.group === undefined ? undefined : typeof r.group === 'string' ? [r.group] : r.group;
}

function together(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.some((g) => b.includes(g));
}

/** What one comparison keeps for the next (the server compares again after every change): per key, its members and findings. */
export interface CrossMemo {
  keys: Map<string, KeyMemo>;
}

export function newCrossMemo(): CrossMemo {
  return { keys: new Map() };
}

interface KeyMemo {
  members: Member[];
  found: [string, Finding][];
  /** Per figure: the finding made and what it was made from (reused when the same figure disagrees with the same others). */
  made: Map<CrossMention, { config: ResolvedConfig; others: { r: CrossReport; o: CrossMention }[]; f: Finding }>;
}

/** One report's figures for one key, with the hull of their intervals. */
interface Member {
  i: number;
  r: CrossReport;
  list: CrossMention[];
  group: readonly string[] | undefined;
  config: ResolvedConfig;
  lo: number;
  hi: number;
}

const sameMembers = (a: readonly Member[], b: readonly Member[]) =>
  a.length === b.length && a.every((x, k) => x.r.id === b[k].r.id && x.r.name === b[k].r.name && x.group === b[k].group && x.config === b[k].config && x.list.length === b[k].list.length && x.list.every((m, n) => m === b[k].list[n]));

/** Work counted (tests: the comparison stays linear in the mentions). */
export interface CrossStats {
  /** Reports looked at while finding the ones each figure disagrees with. */
  visits: number;
}

/**
 * Several figures of one report for a fact: does the union of their intervals
 * leave a gap? Only then can a value inside their hull disagree with all of
 * them; a report without a gap agrees with every value its hull overlaps
 * (hull and figures compared with the same overlaps()).
 */
function hasGap(list: readonly CrossMention[]): boolean {
  const sorted = [...list].sort((a, b) => a.interval[0] - b.interval[0]);
  const run: [number, number] = [sorted[0].interval[0], sorted[0].interval[1]];
  for (let k = 1; k < sorted.length; k++) {
    const iv = sorted[k].interval;
    if (!overlaps(iv, run)) return true;
    run[1] = Math.max(run[1], iv[1]);
  }
  return false;
}

/**
 * Cross-report conflicts: for each report id, its findings (rule
 * indicator-conflict, `data.crossFile = true`, `related[].file` = the other
 * report's id). A figure is reported when another report states the same
 * fact and none of that report's figures for it can be the same value
 * (rounding and hedges as inside one file: the same intervals and overlap).
 * Reports are compared only when both have the comparison on and they share a
 * group. Work: linear in the mentions plus, per key, a sort of its reports and
 * for each figure the (at most MAX_RELATED) reports it disagrees with; with a
 * `memo`, keys whose figures did not change keep their findings.
 */
export function crossReportConflicts(reports: ReadonlyArray<CrossReport>, config: ResolvedConfig, memo?: CrossMemo, stats?: CrossStats): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const byKey = new Map<string, Member[]>();
  reports.forEach((r, i) => {
    const c = r.config ?? config;
    if (!c.crossFile.enabled || c.rules[RULE]?.enabled !== true) return;
    const group = groupsOf(r);
    // key -> this report's member (reports are visited in order: the last member is this report's if any)
    for (const m of r.mentions) {
      if (!m.cross) continue;
      let ms = byKey.get(m.cross.key);
      if (!ms) byKey.set(m.cross.key, (ms = []));
      let mb = ms[ms.length - 1];
      if (!mb || mb.i !== i) ms.push((mb = { i, r, list: [], group, config: c, lo: Infinity, hi: -Infinity }));
      mb.list.push(m);
      mb.lo = Math.min(mb.lo, m.interval[0]);
      mb.hi = Math.max(mb.hi, m.interval[1]);
    }
  });
  const add = (id: string, f: Finding) => {
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push(f);
  };
  const keys = memo ? new Map<string, KeyMemo>() : undefined;
  for (const [key, members] of byKey) {
    if (members.length < 2) continue;
    const before = memo?.keys.get(key);
    const km = before && sameMembers(before.members, members) ? before : compareKey(members, before?.made, stats);
    keys?.set(key, km);
    for (const [id, f] of km.found) add(id, f);
  }
  if (memo && keys) memo.keys = keys;
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

const sameOthers = (a: readonly { r: CrossReport; o: CrossMention }[], b: readonly { r: CrossReport; o: CrossMention }[]) =>
  a.length === b.length && a.every((x, k) => x.o === b[k].o && x.r.id === b[k].r.id && x.r.name === b[k].r.name && x.r.lineless === b[k].r.lineless);

/** The findings of one key's figures across its reports (`before`: what the last comparison made, to reuse). */
function compareKey(members: Member[], before?: KeyMemo['made'], stats?: CrossStats): KeyMemo {
  const found: [string, Finding][] = [];
  const made: KeyMemo['made'] = new Map();
  // Reports whose figures all lie above / below a value are found from the ends of these orders.
  const byLoDesc = [...members].sort((a, b) => b.lo - a.lo);
  const byHiAsc = [...members].sort((a, b) => a.hi - b.hi);
  // Reports whose own figures leave a gap: a value inside their hull may still match none (the others agree with it or are found above).
  // Not every report with several figures: many reports restating one fact twice would make this loop quadratic.
  const multi = members.filter((x) => x.list.length > 1 && hasGap(x.list));
  for (const a of members) {
    for (const m of a.list) {
      const others: Member[] = [];
      const take = (x: Member) => {
        if (stats) stats.visits++;
        if (x !== a && !others.includes(x) && together(a.group, x.group)) others.push(x);
      };
      // Above: its lowest figure cannot be this value or less.
      for (const x of byLoDesc) {
        if (others.length >= MAX_RELATED || overlaps([x.lo, x.lo], [-Infinity, m.interval[1]])) break;
        take(x);
      }
      for (const x of byHiAsc) {
        if (others.length >= MAX_RELATED || overlaps([x.hi, x.hi], [m.interval[0], Infinity])) break;
        take(x);
      }
      // A report with several figures for the fact around this value: it agrees when any of them can be this value.
      for (const x of multi) {
        if (others.length >= MAX_RELATED) break;
        if (stats) stats.visits++;
        if (!x.list.some((o) => overlaps(o.interval, m.interval))) take(x);
      }
      if (!others.length) continue;
      // In report order, each with its first figure that disagrees.
      others.sort((p, q) => p.i - q.i);
      const pairs = others.map((x) => ({ r: x.r, o: x.list.find((o) => !overlaps(o.interval, m.interval)) ?? x.list[0] }));
      const prev = before?.get(m);
      const f = prev && prev.config === a.config && sameOthers(prev.others, pairs) ? prev.f : finding(m, pairs, a.config);
      made.set(m, { config: a.config, others: pairs, f });
      found.push([a.r.id, f]);
    }
  }
  return { members, found, made };
}

function where(r: CrossReport, m: CrossMention): Msg {
  const name = r.name ?? r.id;
  return r.lineless ? { vi: name, en: name } : { vi: `${name}, dòng ${m.line + 1}`, en: `${name}, line ${m.line + 1}` };
}

/**
 * A message written when it is read. A figure that disagrees across a large
 * workspace gives one finding per mention, tens of thousands in a folder of
 * hundreds of reports; written out (both languages, the reading of both
 * figures, up to five related notes) each took ~4.7 KB that the server kept
 * for as long as the report stayed in the comparison. Made from the mention and
 * the other figures (kept anyway), the text is built when published; JSON gets
 * `{vi, en}` (toJSON).
 */
class MadeMsg implements Msg {
  readonly #vi: () => string;
  readonly #en: () => string;
  constructor(vi: () => string, en: () => string) {
    this.#vi = vi;
    this.#en = en;
  }
  get vi(): string {
    return this.#vi();
  }
  get en(): string {
    return this.#en();
  }
  toJSON(): Msg {
    return { vi: this.vi, en: this.en };
  }
}

function finding(m: CrossMention, others: { r: CrossReport; o: CrossMention }[], config: ResolvedConfig): Finding {
  const ctx = (k: 'vi' | 'en') => [m.period?.label[k], m.cross!.place[k], m.kindLabel[k]].filter(Boolean).join(', ');
  const first = others[0];
  const list = (k: 'vi' | 'en') => others.map(({ r: x, o }) => `${o.written[k]} (${where(x, o)[k]})`).join(', ');
  const message = new MadeMsg(
    () => `${m.name.vi} (${ctx('vi')}) ghi ${m.written.vi} ở đây nhưng ${list('vi')} ở báo cáo khác. Cách đọc: ${m.written.vi} — ${m.reading.vi}. ${first.o.written.vi} (${where(first.r, first.o).vi}) — ${first.o.reading.vi}.`,
    () => `${m.name.en} (${ctx('en')}) is ${m.written.en} here but ${list('en')} in another report. Read as: ${m.written.en} — ${m.reading.en}. ${first.o.written.en} (${where(first.r, first.o).en}) — ${first.o.reading.en}.`,
  );
  return {
    rule: RULE,
    severity: config.rules[RULE].severity,
    start: m.start,
    end: m.end,
    message,
    related: others.map(({ r: x, o }) => ({
      file: x.id,
      start: o.start,
      end: o.end,
      message: new MadeMsg(
        () => `Giá trị khác của cùng chỉ số ở báo cáo ${x.name ?? x.id}: ${o.written.vi}`,
        () => `Other value of the same indicator in ${x.name ?? x.id}: ${o.written.en}`,
      ),
    })),
    data: { crossFile: true, indicator: m.indicator, key: m.cross!.key, values: [m.value, ...others.map(({ o }) => o.value)], files: others.map(({ r: x }) => x.id) },
  };
}
