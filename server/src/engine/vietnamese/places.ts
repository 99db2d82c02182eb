// The gazetteer (data/places.json, data/places-2025.json): Vietnamese administrative names, official
// spellings and known variants. Read by syllable (never flag a known name's
// syllables: Đăk Glei, Krông Pắc, Chư Sê) and by place-name (misspelt or
// outdated names).
import data from '../data/places.json';
import data2025 from '../data/places-2025.json';
import type { Block } from '../types';
import { analysis } from '../rule';
import { PhraseIndex, sylKey, knownKey, keyedChains, respell, slipIsOurs, type SlipKind } from './nearphrase';
import type { Word } from './text';
import { lowerUnit } from './chars';

export interface PlaceInfo {
  name: string;
  level: 'province' | 'district';
}

interface Variant {
  variant: string;
  official: string;
  kind: 'outdated' | 'misspelt';
  note?: string;
}

/** The 63 provinces (before 2025) and the 34 of Nghị quyết 202/2025/QH15. */
export const PROVINCES: string[] = [...new Set([...data.provinces.flatMap((p) => [p.name, ...((p as { also?: string[] }).also ?? [])]), ...data.provinces2025.map((p) => p.name)])];
export const PROVINCES_63: string[] = data.provinces.map((p) => p.name);
export const PROVINCES_34: string[] = data.provinces2025.map((p) => p.name);
export const DISTRICTS: string[] = [...new Set(data.provinces.flatMap((p) => p.districts.map((d) => d[0])))];
/** Commune names before 2025 (GSO list of 01/03/2025) and the 3.321 units from 01/07/2025 (Công văn 1027/CTK-CSCL). */
export const COMMUNES: string[] = [...new Set([...data.communes, ...data2025.communes.map((c) => c[1])])];
/** The 3.321 commune-level units from 01/07/2025: code, name, type, province. */
export const COMMUNES_2025: readonly (readonly string[])[] = data2025.communes;
export const VARIANTS: Variant[] = data.variants as Variant[];

const splitName = (n: string) => n.split(/[\s\-–]+/).filter((s) => /\p{L}/u.test(s));

// The indexes are built on first use (loading the engine stays cheap).
interface Tables {
  /** Every syllable of every official name, as written (capitalised): never "not a syllable". */
  nameSyllables: Set<string>;
  /** Names to compare against: provinces for "tỉnh", provinces and districts after the other unit words. */
  provinceIndex: PhraseIndex<PlaceInfo>;
  anyIndex: PhraseIndex<PlaceInfo>;
  /** Explicit variants: found anywhere when capitalised as a name. */
  variantIndex: Map<string, Variant>;
  variantMaxLen: number;
  /** First syllable key of every variant: a window starting elsewhere is no variant (no key string built for it). */
  variantFirst: Set<string>;
}
let tables: Tables | undefined;
function getTables(): Tables {
  if (tables) return tables;
  const nameSyllables = new Set<string>();
  for (const n of [...PROVINCES, ...DISTRICTS, ...COMMUNES]) for (const s of splitName(n)) for (const part of s.split(/['’]/)) if (part) nameSyllables.add(part.normalize('NFC'));
  const provinceIndex = new PhraseIndex<PlaceInfo>();
  const anyIndex = new PhraseIndex<PlaceInfo>();
  const simple = (n: string) => !/['’\-–\d]/.test(n) && splitName(n).length >= 2;
  for (const n of PROVINCES)
    if (simple(n)) {
      provinceIndex.add(n, { name: n, level: 'province' });
      anyIndex.add(n, { name: n, level: 'province' });
    }
  for (const n of DISTRICTS) if (simple(n)) anyIndex.add(n, { name: n, level: 'district' });
  // Every known name is right as it is, whatever it is near to.
  // Đăk/Đắk and Lăk/Lắk are both in official use (Đăk Glei, Đắk Glei): neither is a slip.
  const ALT: [RegExp, string][] = [[/Đắk/g, 'Đăk'], [/Đăk/g, 'Đắk'], [/Lắk/g, 'Lăk'], [/Lăk/g, 'Lắk']];
  for (const n of [...PROVINCES, ...DISTRICTS, ...COMMUNES]) {
    if (/['’\d]/.test(n)) continue;
    // Most names have none of these syllables: their only spelling is their own (no eight regex replaces each).
    const alts = /[ĐL][ăắ]k/.test(n) ? new Set([n, ...ALT.map(([re, to]) => n.replace(re, to)), ALT.reduce((x, [re, to]) => x.replace(re, to), n)]) : [n];
    for (const alt of alts) {
      const key = knownKey(splitName(alt).join(' '));
      provinceIndex.addKnownKey(key);
      anyIndex.addKnownKey(key);
    }
  }
  const variantIndex = new Map<string, Variant>();
  // A variant spelled like a known name only differs in punctuation: not a variant.
  for (const v of VARIANTS) if (!anyIndex.isKnown(splitName(v.variant).map(sylKey))) variantIndex.set(splitName(v.variant).map(sylKey).join(' '), v);
  const variantMaxLen = Math.max(...VARIANTS.map((v) => splitName(v.variant).length));
  const variantFirst = new Set([...variantIndex.keys()].map((k) => k.split(' ')[0]));
  return (tables = { nameSyllables, provinceIndex, anyIndex, variantIndex, variantMaxLen, variantFirst });
}

/** Is this capitalised word a syllable of a known place name? */
export function isNameSyllable(word: string): boolean {
  return getTables().nameSyllables.has(word);
}

/** Unit words that say the next capitalised words are a place name. */
const UNIT_BEFORE = new Map<string, 'province' | 'any'>([
  ['tỉnh', 'province'],
  ['huyện', 'any'],
  ['quận', 'any'],
  ['thị xã', 'any'],
  ['thành phố', 'any'],
  ['tp', 'any'],
]);
/** First words of the two-word units: only after them is a two-word key built. */
const UNIT_FIRST = new Set([...UNIT_BEFORE.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]));

export interface PlaceSlip {
  /** Prose offsets of the whole written name. */
  start: number;
  end: number;
  written: string;
  official: string;
  /** The edit: one syllable (a slip) or the whole name (a variant). */
  editStart: number;
  editEnd: number;
  newText: string;
  kind: SlipKind | 'outdated' | 'misspelt';
  note?: string;
}

/** The word starts with a capital letter (its first unit differs from its lower case; decided without building strings). */
const capital = (w: Word) => {
  const c = w.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  // A lone surrogate half lower-cases to itself; any other unit by the table (no strings made).
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return lowerUnit(c) !== c;
};

/** Misspelt or outdated place names in a block (shared by place-name and syllable). */
export const placeSlips = analysis('place-slips', (block: Block, config): PlaceSlip[] => {
  const out: PlaceSlip[] = [];
  const p = block.prose;
  const { provinceIndex, anyIndex, variantIndex, variantMaxLen, variantFirst } = getTables();
  for (const { words: chain, keys } of keyedChains(block, config)) {
    // Names are capitalised: most chains have no capital after their first word.
    let caps = false;
    for (let i = 1; i < chain.length && !caps; i++) caps = capital(chain[i]);
    if (!caps && !(chain.length && capital(chain[0]) && variantIndex.size)) continue;
    const taken: boolean[] = [];
    // 1. Known variants, capitalised.
    for (let i = 0; i < chain.length; i++) {
      if (!capital(chain[i]) || !variantFirst.has(keys[i])) continue;
      for (let n = Math.min(variantMaxLen, chain.length - i); n >= 1; n--) {
        const v = variantIndex.get(keys.slice(i, i + n).join(' '));
        if (!v || !chain.slice(i, i + n).every(capital)) continue;
        // The official name written out after it ("Đắc Lắc" inside a longer known name) is not a variant.
        const start = chain[i].start;
        const end = chain[i + n - 1].end;
        out.push({ start, end, written: p.slice(start, end), official: v.official, editStart: start, editEnd: end, newText: v.official, kind: v.kind, note: v.note });
        for (let t = i; t < i + n; t++) taken[t] = true;
        i += n - 1;
        break;
      }
    }
    // 2. One slip in a province or district name right after its unit word.
    for (let i = 0; i < chain.length; i++) {
      const w1 = keys[i];
      const two = i + 1 < chain.length && UNIT_FIRST.has(w1) ? w1 + ' ' + keys[i + 1] : '';
      const unit = UNIT_BEFORE.has(two) ? two : UNIT_BEFORE.has(w1) ? w1 : '';
      if (!unit) continue;
      const from = i + (unit.includes(' ') ? 2 : 1);
      if (from >= chain.length || !capital(chain[from]) || taken[from]) continue;
      // The capitalised words after the unit word: the name and nothing else.
      let to = from;
      while (to < chain.length && capital(chain[to]) && !taken[to]) to++;
      const nameKeys = keys.slice(from, to);
      const index = UNIT_BEFORE.get(unit) === 'province' ? provinceIndex : anyIndex;
      if (index.isKnown(nameKeys)) continue;
      const m = index.near(nameKeys, (n) => n >= 2);
      // The slip must cover the whole capitalised run (no longer unknown name around it).
      const hit = m.find((x) => x.start === 0 && x.phrase.keys.length === nameKeys.length);
      if (!hit) continue;
      const w = chain[from + hit.diff];
      if (!slipIsOurs(w.text)) continue;
      const start = chain[from].start;
      const end = chain[to - 1].end;
      const newText = respell(w.text, hit.phrase.words[hit.diff]);
      const official = hit.phrase.data.name;
      out.push({ start, end, written: p.slice(start, end), official, editStart: w.start, editEnd: w.end, newText, kind: hit.kind });
      i = to - 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
});
