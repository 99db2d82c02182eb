// Counts outside the catalogue: "Tổng số lượt khám bệnh ... là 162.340 lượt",
// "| Số ca phẫu thuật | ca | 12.000 | 12.480 |". A reviewer compares such a
// count wherever it is restated; its identity is its noun phrase: the unit word
// and the content words of the phrase (count-nouns.json), read on free tokens
// only, so a period, a place, a sub-group ("nội trú", "trẻ em dưới 5 tuổi") or
// a kind word stays outside the phrase and is read as what it is. A phrase is
// taken only when it ends where a value may follow (a verb "là/đạt", ":", a
// unit in parentheses, the end of a cell): precision first.
import data from './count-nouns.json';
import type { Indicator } from './catalogue';
import { foldPhrase, PhraseTrie, type Tok } from './lexer';
import { foldKeyOf as K } from './lexicon';

const UNITS = new PhraseTrie<string>();
for (const u of data.units) UNITS.add(foldPhrase(u), foldPhrase(u).join(' '));
const PERSONS = new PhraseTrie<string>();
for (const p of data.persons) PERSONS.add(foldPhrase(p), foldPhrase(p).join(' '));
const AFTER_UNIT = new Map<string, string[][]>(Object.entries(data.afterUnitDropped as Record<string, string[]>).map(([u, ws]) => [foldPhrase(u).join(' '), ws.map((w) => foldPhrase(w))]));
const SYNONYMS = (data.synonyms as string[][]).map(([a, b]) => [foldPhrase(a), foldPhrase(b)] as const);
const TRAILING = new Set(data.trailingDropped.map((w) => K(w)));
const STOP = new Set(data.stop.map((w) => K(w)));
const SECTION_UNITS = new PhraseTrie<string>();
for (const u of data.sectionUnits) SECTION_UNITS.add(foldPhrase(u), u);
const KHOA = K('khoa');
const PERIOD_WORDS = new Set(['năm', 'tháng', 'quý', 'giai', 'kỳ', 'đến', 'từ'].map((w) => K(w)));
const SO = K('số');
const TONG = K('tổng');
const LUONG = K('lượng');

/** A counted noun phrase read in text: its unit word (when the phrase starts with one) and its other content words, folded. */
export interface CountPhrase {
  unit?: string;
  words: string[];
  /** The phrase as written (lower case, NFC), for messages. */
  label: string;
}

/** The unit word(s) at toks[i] ("lượt", "trường hợp"), folded, and where they end. */
export function countUnitAt(toks: readonly Tok[], i: number): { unit: string; end: number } | undefined {
  const m = UNITS.match(toks, i);
  return m ? { unit: m.values[0], end: m.end } : undefined;
}

const isWordTok = (t: Tok | undefined): t is Extract<Tok, { t: 'w' }> => !!t && t.t === 'w';

/**
 * A count phrase starting at toks[i] ("số" or "tổng số", then free words), or
 * undefined. `free(k)`: token k is not part of another hit; `inPhrase(k)`: it
 * may be a word of the phrase (free, or "trung bình", which makes another
 * quantity: "ngày điều trị trung bình" is not "ngày điều trị"). The phrase ends at
 * the first token that is not a free word or is a stop verb; what follows it
 * (after any further hits: a period, a place, a sub-group, "là") must be where a
 * value or the end of the label comes.
 */
export function countPhraseAt(toks: readonly Tok[], i: number, free: (k: number) => boolean, inPhrase: (k: number) => boolean = free): { s: number; e: number; phrase: CountPhrase } | undefined {
  let j = i;
  // A label opening a cell, a list item or a paragraph with its unit word: "Ngày điều trị trung bình", "Lượt khám bệnh".
  const prev = toks[i - 1];
  const lead = i === 0 || prev.t === 'nl' || (prev.t === 'p' && (prev.k === '.' || prev.k === '!' || prev.k === '?' || (i === 1 && (prev.k === '-' || prev.k === '+'))));
  if (lead && isWordTok(toks[i]) && /^\p{Lu}/u.test(toks[i].raw) && free(i) && UNITS.match(toks, i)) {
    let e = i;
    while (e < toks.length && e - i < 10 && isWordTok(toks[e]) && inPhrase(e) && !STOP.has(toks[e].k)) e++;
    if (!endsLabel(toks, e, free)) return undefined;
    while (e > i && TRAILING.has(toks[e - 1].k)) e--;
    const phrase = e > i ? phraseOf(toks, i, e) : undefined;
    return phrase?.unit ? { s: i, e, phrase } : undefined;
  }
  if (isWordTok(toks[j]) && toks[j].k === TONG) j++;
  if (!isWordTok(toks[j]) || toks[j].k !== SO || !free(j)) return undefined;
  // "chỉ số" (an index), "con số", "một số", "đa số": not the head of a count.
  if (j === i && NOT_HEAD.has(toks[i - 1]?.k ?? '')) return undefined;
  j++;
  if (isWordTok(toks[j]) && toks[j].k === LUONG) j++;
  const start = j;
  let e = j;
  while (e < toks.length && e - start < 10 && isWordTok(toks[e]) && inPhrase(e) && !STOP.has(toks[e].k)) e++;
  if (e === start || !endsLabel(toks, e, free)) return undefined;
  // Function words at the end belong to what follows ("của toàn tỉnh", "tại các xã", "trong năm").
  while (e > start && TRAILING.has(toks[e - 1].k)) e--;
  if (e === start) return undefined;
  const phrase = phraseOf(toks, start, e);
  return phrase ? { s: i, e, phrase } : undefined;
}

const NOT_HEAD = new Set(['chỉ', 'con', 'một', 'đa', 'phần', 'mã', 'hồ', 'sơ', 'ký', 'hiệu', 'điểm', 'chữ', 'dân', 'tần', 'hệ', 'thiểu', 'hằng', 'biến', 'tham', 'lý', 'thứ', 'đại'].map((w) => K(w)));

const CASE_UNITS = new Set(['ca', 'trường hợp'].map((w) => foldPhrase(w).join(' ')));

/**
 * A list item naming a disease and its cases: "- Sốt xuất huyết: 1.236 ca mắc".
 * The label (two to six free words, lower case after the first, at the start
 * of the segment) is the counted thing; only case units ("ca", "trường hợp"),
 * the way reports list cases by disease. The unit comes from the figure.
 */
export function countLabelAt(toks: readonly Tok[], free: (k: number) => boolean): { s: number; e: number; phrase: CountPhrase } | undefined {
  let s = 0;
  if (toks[0]?.t === 'p' && (toks[0].k === '-' || toks[0].k === '+' || toks[0].k === '*')) s = 1;
  let e = s;
  while (e < toks.length && e - s < 6 && isWordTok(toks[e]) && free(e) && (e === s || !/^\p{Lu}/u.test((toks[e] as { raw: string }).raw))) e++;
  if (e - s < 2 || toks[e]?.k !== ':' || toks[e + 1]?.t !== 'n') return undefined;
  const u = countUnitAt(toks, e + 2);
  if (!u || !CASE_UNITS.has(u.unit)) return undefined;
  const words = normalise(toks.slice(s, e).map((t) => t.k));
  return { s, e, phrase: { words, label: rawOf(toks, s, e) } };
}

/** After the phrase (and the hits that follow it): a value, a verb, punctuation or the end. */
function endsLabel(toks: readonly Tok[], e: number, free: (k: number) => boolean): boolean {
  let k = e;
  while (k < toks.length && !free(k)) k++;
  const t = toks[k];
  if (!t || t.t === 'n' || t.t === 'nl') return true;
  if (t.t === 'p') return t.k === ':' || t.k === '(' || t.k === ',' || t.k === ';' || t.k === '.' || t.k === '|';
  return STOP.has(t.k);
}

/** Unit word and content words of toks[s, e). */
function phraseOf(toks: readonly Tok[], s: number, e: number): CountPhrase | undefined {
  let unit: string | undefined;
  let j = s;
  const u = UNITS.match(toks, j);
  if (u && u.end <= e) {
    unit = u.values[0];
    j = u.end;
    // "lượt người bệnh điều trị" = "lượt điều trị"; "ca mắc sốt xuất huyết" = "ca sốt xuất huyết".
    for (const drop of AFTER_UNIT.get(unit) ?? []) {
      if (j + drop.length <= e && drop.every((w, x) => toks[j + x].k === w)) {
        j += drop.length;
        break;
      }
    }
  }
  const words = normalise(toks.slice(j, e).map((t) => t.k));
  if (!words.length) return undefined;
  return { unit, words, label: rawOf(toks, s, e) };
}

function rawOf(toks: readonly Tok[], s: number, e: number): string {
  return toks
    .slice(s, e)
    .map((t) => (t.t === 'w' ? t.raw : t.k))
    .join(' ')
    .toLowerCase()
    .normalize('NFC');
}

function normalise(words: string[]): string[] {
  let out = words;
  for (const [a, b] of SYNONYMS) {
    for (let x = 0; x + a.length <= out.length; x++) {
      if (a.every((w, y) => out[x + y] === w)) {
        out = [...out.slice(0, x), ...b, ...out.slice(x + a.length)];
        x += b.length - 1;
      }
    }
  }
  return out;
}

/**
 * The identity of a count once its unit is known: "count:<unit> <words>".
 * A phrase without a unit word ("Số bệnh nhân điều trị nội trú là 15.216 lượt")
 * takes the figure's unit; a person noun opening it is then dropped (the
 * visits of inpatients are the inpatient visits).
 */
export function countIdOf(phrase: CountPhrase, figUnit: string | undefined): { id: string; unit: string } | undefined {
  let unit = phrase.unit;
  let words = phrase.words;
  if (unit === undefined) {
    if (figUnit === undefined) return undefined;
    unit = figUnit;
    const p = PERSONS.match(
      words.map((k) => ({ t: 'w', s: 0, e: 0, k, raw: k }) as Tok),
      0,
    );
    if (p && figUnit === K('lượt')) words = words.slice(p.end);
    else if (p) return undefined;
    if (!words.length) return undefined;
  } else if (figUnit !== undefined && figUnit !== unit) return undefined;
  return { id: 'count:' + unit + ' ' + words.join(' '), unit };
}

/** Is this mention's indicator id a count read from its noun phrase? */
export function isCountId(id: string): boolean {
  return id.startsWith('count:');
}

const made = new Map<string, Indicator>();

/** The indicator standing for a count phrase (one object per id and label). */
export function countIndicator(id: string, label: string | undefined): Indicator {
  const k = id + '\u0000' + (label ?? '');
  let ind = made.get(k);
  if (!ind) {
    if (made.size > 20_000) made.clear();
    const name = label || id.slice('count:'.length);
    ind = { id, name_vi: name, name_en: name, aliases: [], unit: '', kind: 'count' };
    made.set(k, ind);
  }
  return ind;
}

/**
 * The facility or department a heading is about ("### Khoa Nội", "### 4. Hoạt động
 * của các trạm y tế"), as written, or undefined. Counts under it are that unit's:
 * "Số lượt điều trị nội trú là 7.860 lượt" under "Khoa Nội" is not the hospital's.
 */
export function sectionUnitOf(toks: readonly Tok[]): string | undefined {
  for (let i = 0; i < toks.length; i++) {
    const m = SECTION_UNITS.match(toks, i);
    if (!m) continue;
    // "khoa" alone: a department only before its name ("Khoa Nội", "khoa Ngoại tổng hợp"), not "khoa học".
    const nx = toks[i + 1];
    if (m.end === i + 1 && toks[i].k === KHOA && !(isWordTok(nx) && /^\p{Lu}/u.test(nx.raw))) continue;
    // The unit's words, up to a period ("năm 2024"), a number or punctuation.
    let e = m.end;
    while (e < toks.length && e < m.end + 4 && isWordTok(toks[e]) && !PERIOD_WORDS.has(toks[e].k)) e++;
    return rawOf(toks, i, e);
  }
  return undefined;
}
