// The indicator mentions an unopened report keeps after its check (for the
// comparison across reports and the indicator panel), in a compact form: one
// object shape, and every label, name and key shared between mentions and
// reports through an intern table (500 reports name the same indicators,
// periods and places over and over; each mention used to carry its own copies,
// ~2.3 KB a mention, ~0.5 MB per 50 KB report). A kept string is a fresh copy,
// never a slice of the check's text, so the document model can be collected.
// The reading ("how it was read") is kept only for figures compared across
// reports: only the cross-file messages show it for an unopened report.
import type { IndicatorMentionInfo, Msg } from '../engine';

/** Entries before the tables start over (what was shared stays shared; later copies are new). */
const MAX_INTERNED = 50_000;

const strings = new Map<string, string>();
const msgs = new Map<string, Msg>();
const objects = new Map<string, object>();
let size = 0;

function room() {
  if (++size <= MAX_INTERNED) return;
  strings.clear();
  msgs.clear();
  objects.clear();
  size = 1;
}

/** A flat string of its own (a JSON round trip), not a slice of the document's text nor a concatenation of its pieces. */
const copy = (s: string): string => (s.length ? (JSON.parse(JSON.stringify(s)) as string) : '');

/** A string shared by every equal string kept; a copy that holds no larger string alive. */
export function internString(s: string): string {
  const hit = strings.get(s);
  if (hit !== undefined) return hit;
  const own = copy(s);
  room();
  strings.set(own, own);
  return own;
}

function internMsg(m: Msg): Msg {
  const k = m.vi + '\u0001' + m.en;
  let hit = msgs.get(k);
  if (!hit) {
    hit = Object.freeze({ vi: internString(m.vi), en: internString(m.en) });
    room();
    msgs.set(copy(k), hit);
  }
  return hit;
}

/** An object shared by key (period, place, cross key): built once per distinct key. */
function internObject<T extends object>(key: string, make: () => T): T {
  let hit = objects.get(key) as T | undefined;
  if (!hit) {
    hit = Object.freeze(make());
    room();
    objects.set(copy(key), hit);
  }
  return hit;
}

const NO_READING: Msg = Object.freeze({ vi: '', en: '' });
const NO_SUBTYPES: string[] = Object.freeze([]) as unknown as string[];

/** One mention, compact (see the file's head). */
function compact(m: IndicatorMentionInfo): IndicatorMentionInfo {
  const period = m.period;
  const cross = m.cross;
  return {
    start: m.start,
    end: m.end,
    line: m.line,
    indicator: internString(m.indicator),
    name: internMsg(m.name),
    written: internMsg(m.written),
    value: m.value,
    valueHi: m.valueHi,
    normalized: internString(m.normalized),
    unit: internString(m.unit),
    period: period && internObject(`p\u0001${period.key}\u0001${period.label.vi}\u0001${period.label.en}`, () => ({ key: internString(period.key), label: internMsg(period.label) })),
    place: internObject(`l\u0001${m.place.key}\u0001${m.place.label.vi}\u0001${m.place.label.en}`, () => ({ key: internString(m.place.key), label: internMsg(m.place.label) })),
    kind: m.kind,
    kindLabel: internMsg(m.kindLabel),
    hedge: m.hedge,
    subtypes: m.subtypes.length ? m.subtypes.map(internString) : NO_SUBTYPES,
    key: m.key === undefined ? undefined : internString(m.key),
    interval: [m.interval[0], m.interval[1]],
    cross: cross && internObject(`c\u0001${cross.key}\u0001${cross.place.vi}\u0001${cross.place.en}`, () => ({ key: internString(cross.key), place: internMsg(cross.place) })),
    notCompared: m.notCompared,
    // Mostly one of a kind: copied, not interned (the table would keep them after the report is gone).
    reading: cross ? { vi: copy(m.reading.vi), en: copy(m.reading.en) } : NO_READING,
  };
}

/** The mentions an unopened report keeps (see the file's head). */
export function compactMentions(ms: readonly IndicatorMentionInfo[]): IndicatorMentionInfo[] {
  return ms.map(compact);
}
