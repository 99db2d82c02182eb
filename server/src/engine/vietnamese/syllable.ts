// The Vietnamese syllable model, written from the rules of the orthography
// (CONVENTIONS.md §6, ORT-04..ORT-09), not from a word list:
//   syllable = (initial)(medial o/u)(nucleus)(final) + tone
// It knows the onset spelling rules (c/k/q, g/gh, ng/ngh), which rhymes exist,
// that stop finals p/t/c/ch take only sắc or nặng, and where the tone mark sits
// in the traditional ("hòa") and reformed ("hoà") styles.
//
// analyzeWord() decides per word: valid, invalid (with a reason and maybe
// repairs) or foreign (abbreviations, codes, loanwords, names in Latin script).
// Everything works on NFC, case-insensitively; input may be NFD.
import { msg } from '../rule';
import type { Msg } from '../types';
import lexicon from '../data/lexicon.json';

/** Loan and dialect syllables dictionaries list although they break the native model (xe buýt, quạu quọ). */
const LEXICON = new Set(Object.keys(lexicon.words).map((w) => w.normalize('NFC')));

export type ToneStyle = 'traditional' | 'reformed';
/** 0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS: Record<string, Tone> = { '\u0301': 1, '\u0300': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };
const TONE_COMBINING = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
export const TONE_NAMES = ['ngang', 'sắc', 'huyền', 'hỏi', 'ngã', 'nặng'];

/** The 29 letters of the Vietnamese alphabet (lower case, without tone). */
const VI_LETTERS = new Set('aăâbcdđeêghiklmnoôơpqrstuưvxy'.split(''));
const VOWELS = new Set('aăâeêioôơuưy'.split(''));
/** Letters that carry their own diacritic (they take the tone mark). */
const MARKED_VOWELS = new Set('ăâêôơư'.split(''));

// ---------------------------------------------------------------------------
// Letters: a precomposed character -> (base letter with its quality mark, tone).

interface CharInfo {
  base: string; // lower-case letter without tone, '' if not a Vietnamese letter
  tone: Tone;
  upper: boolean;
}
const charCache = new Map<string, CharInfo>();
function charInfo(ch: string): CharInfo {
  let ci = charCache.get(ch);
  if (ci) return ci;
  const lower = ch.toLowerCase();
  const upper = lower !== ch;
  let tone: Tone = 0;
  let rest = '';
  let tones = 0;
  for (const c of lower.normalize('NFD')) {
    const t = TONE_MARKS[c];
    if (t !== undefined) {
      tone = t;
      tones++;
    } else rest += c;
  }
  const base = rest.normalize('NFC');
  ci = { base: VI_LETTERS.has(base) && tones <= 1 ? base : '', tone, upper };
  charCache.set(ch, ci);
  return ci;
}

/** Put a tone on a (lower-case, toneless) letter, in the given case. */
function withTone(base: string, tone: Tone, upper: boolean): string {
  const c = (base + TONE_COMBINING[tone]).normalize('NFC');
  return upper ? c.toUpperCase() : c;
}

// ---------------------------------------------------------------------------
// Rhymes. Written forms, without tone. "i" and "y" are the same vowel; the
// tables say where each spelling is used.

const split = (s: string) => s.trim().split(/\s+/);

/** Rhymes without a medial: usable after any initial (some only with none). */
const PLAIN = split(`
  a ac ach ai am an ang anh ao ap at au ay
  ăc ăm ăn ăng ăp ăt
  âc âm ân âng âp ât âu ây
  e ec em en eng eo ep et
  ê êch êm ên ênh êp êt êu
  i ia ich im in inh ip it iu
  iêc iêm iên iêng iêp iêt iêu
  y
  o oc oi om on ong op ot oong ooc
  ô ôc ôi ôm ôn ông ôp ôt
  ơ ơi ơm ơn ơp ơt
  u ua uc ui um un ung up ut
  uôc uôi uôm uôn uông uôt
  ư ưa ưc ưi ưm ưng ưt ưu
  ươc ươi ươm ươn ương ươp ươt ươu
`);
/** "yê" rhymes: written with y when there is no initial (yên, yêu, yết). */
const Y_INITIAL = split('yêm yên yêng yêt yêu');
/** Rhymes with the medial o/u (not after labials, c/k, gh/ngh, gi, q). */
const MEDIAL = split(`
  oa oac oach oai oam oan oang oanh oao oap oat oay
  oăc oăm oăn oăng oăt
  oe oen oeo oet
  uân uâng uât uây
  uê uêch uênh uêt
  uy uych uyn uynh uyp uyt uyu uya uyên uyêt
  uơ
`);
/** What may follow "qu" (the u is the medial). */
const AFTER_QU = split(`
  a ac ach ai an ang anh ao at ay
  ăc ăm ăn ăng ăp ăt
  ân âng ât ây
  e en eo et
  ê êch ên ênh êt
  i it y yt ynh ych yên yêt
  ơ ôc
`);

const LABIALS = new Set(['b', 'm', 'p', 'v', 'ph']);
const NO_MEDIAL = new Set(['b', 'm', 'p', 'v', 'ph', 'c', 'k', 'gh', 'ngh', 'gi']);
const INITIALS = ['ngh', 'ch', 'gh', 'gi', 'kh', 'ng', 'nh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];
const FINAL_CONSONANTS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't'];
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);
const PLAIN_SET = new Set(PLAIN);
const Y_SET = new Set(Y_INITIAL);
const MEDIAL_SET = new Set(MEDIAL);
const QU_SET = new Set(AFTER_QU);

const isFront = (r: string) => /^[eêiy]/.test(r);

export type Reason =
  | 'foreign-letter'
  | 'cluster'
  | 'q-without-u'
  | 'onset'
  | 'rhyme'
  | 'truncated'
  | 'two-tones'
  | 'tone-position'
  | 'stop-tone'
  | 'no-vowel';

export interface Parsed {
  initial: string;
  /** Index in the letters where the rhyme starts (gi/qu: after the i/u, except "gì", "gìn"). */
  rhymeStart: number;
  rhyme: string;
  final: string;
  /** Absolute indices (into the letters) where the tone may sit: [reformed, traditional]. */
  tonePos: [number, number];
}

/**
 * Parse toneless lower-case letters. `relaxed` (capitalised words): the spellings of
 * minority-language place names are allowed: k before any vowel (Kạn), final k (Đắk),
 * initial clusters (Krông). The other onset rules stay (Nghành is still wrong).
 */
function parseLetters(L: string[], relaxed: boolean): { ok: true; p: Parsed } | { ok: false; reason: Reason; onsetFix?: string[] } {
  if (!L.some((c) => VOWELS.has(c))) return { ok: false, reason: 'no-vowel' };
  const w = L.join('');
  let initial = '';
  if (w[0] === 'q' && w[1] !== 'u') return { ok: false, reason: 'q-without-u' };
  if (!VOWELS.has(L[0])) {
    for (const ini of INITIALS) if (w.startsWith(ini)) { initial = ini; break; }
    if (!initial) return { ok: false, reason: 'foreign-letter' };
  }
  // A consonant right after the initial: a cluster (bl, str...), except in names.
  let start = initial.length;
  if (start < L.length && !VOWELS.has(L[start]) && initial !== 'gi') {
    if (!relaxed) return { ok: false, reason: 'cluster' };
    while (start < L.length && !VOWELS.has(L[start])) start++;
    initial = w.slice(0, start);
  }
  let rhyme = w.slice(start);
  let rhymeStart = start;
  // gi: "gia", "giữa" (i belongs to the initial) vs "gì", "gìn", "giếng" (shared i).
  if (initial === 'gi') {
    if (rhyme && !/^[iy]/.test(rhyme) && (PLAIN_SET.has(rhyme) || /^o[aă]/.test(rhyme) && MEDIAL_SET.has(rhyme))) {
      /* gi + rhyme (gioăng: a loan with the medial o) */
    } else if (PLAIN_SET.has('i' + rhyme)) {
      rhymeStart = 1;
      rhyme = 'i' + rhyme;
    } else return { ok: false, reason: rhymeReason(rhyme) };
  } else if (initial === 'qu') {
    if (!QU_SET.has(rhyme)) return { ok: false, reason: rhymeReason(rhyme) };
  } else {
    const front = isFront(rhyme);
    // Onset spelling: k, gh, ngh only before e ê i y; c, g, ng never there.
    const swap: Record<string, string> = front ? { c: 'k', g: 'gh', ng: 'ngh' } : { k: 'c', gh: 'g', ngh: 'ng' };
    // Names from minority languages write k before any vowel (Bắc Kạn, Kon Tum, Kông Chro).
    if (swap[initial] && !(relaxed && initial === 'k')) {
      const ok = rhymeOk(swap[initial], rhyme);
      return { ok: false, reason: 'onset', onsetFix: ok ? [swap[initial], initial] : undefined };
    }
    if (!rhymeOk(initial, rhyme)) {
      // Names: Đắk, Lắk (final k for c).
      if (relaxed && rhyme.endsWith('k') && rhymeOk(initial, rhyme.slice(0, -1) + 'c')) rhyme = rhyme.slice(0, -1) + 'c';
      else return { ok: false, reason: rhymeReason(rhyme) };
    }
  }
  let final = '';
  for (const f of FINAL_CONSONANTS) if (rhyme.endsWith(f) && rhyme.length > f.length) { final = f; break; }
  if (rhyme.endsWith('k')) final = 'c';
  const vowelsEnd = rhymeStart + rhyme.length - final.length;
  return { ok: true, p: { initial, rhymeStart, rhyme, final, tonePos: tonePositions(L, rhymeStart, vowelsEnd, final !== '') } };
}

function rhymeOk(initial: string, rhyme: string): boolean {
  if (!initial) return PLAIN_SET.has(rhyme) ? !rhyme.startsWith('iê') : Y_SET.has(rhyme) || MEDIAL_SET.has(rhyme);
  if (PLAIN_SET.has(rhyme)) return true;
  if (MEDIAL_SET.has(rhyme)) return !NO_MEDIAL.has(initial);
  return false;
}

/** A rhyme that is a valid one cut short ("Thiê" for Thiên, "muô") is a truncation. */
function rhymeReason(rhyme: string): Reason {
  return /(iê|yê|uô|ươ)$/.test(rhyme) || /^(ă|â|oă|uâ)$/.test(rhyme) ? 'truncated' : 'rhyme';
}

/** Where the tone goes, for the vowel letters L[a..b). Returns absolute [reformed, traditional]. */
function tonePositions(L: string[], a: number, b: number, closed: boolean): [number, number] {
  const n = b - a;
  if (n <= 1) return [a, a];
  const v = L.slice(a, b).join('');
  const uo = v.indexOf('ươ');
  if (uo >= 0) return [a + uo + 1, a + uo + 1];
  for (let i = a; i < b; i++) if (MARKED_VOWELS.has(L[i])) return [i, i];
  if (closed) return [b - 1, b - 1];
  if (n === 3) return [a + 1, a + 1];
  if (v === 'oa' || v === 'oe' || v === 'uy') return [a + 1, a];
  return [a, a];
}

// ---------------------------------------------------------------------------
// Syllable analysis.

export interface Letters {
  /** Lower-case letters without tone. */
  L: string[];
  upper: boolean[];
  /** Tones found, with their letter index. */
  tones: { i: number; tone: Tone }[];
  foreign: boolean;
}

export function lettersOf(word: string): Letters {
  const L: string[] = [];
  const upper: boolean[] = [];
  const tones: { i: number; tone: Tone }[] = [];
  let foreign = false;
  for (const ch of word.normalize('NFC')) {
    const ci = charInfo(ch);
    if (!ci.base) foreign = true;
    if (ci.tone) tones.push({ i: L.length, tone: ci.tone });
    L.push(ci.base || ch.toLowerCase());
    upper.push(ci.upper);
  }
  return { L, upper, tones, foreign };
}

export function compose(x: Letters, tone: Tone, pos: number, L: string[] = x.L): string {
  let out = '';
  for (let i = 0; i < L.length; i++) out += withTone(L[i], i === pos ? tone : 0, x.upper[i] ?? x.upper[x.upper.length - 1]);
  return out;
}

export type SyllableResult =
  | { ok: true; parsed: Parsed; tone: Tone; style: ToneStyle | 'neutral' }
  | { ok: false; reason: Reason; parsed?: Parsed; repairs: string[]; safe: boolean };

/**
 * Is this one Vietnamese syllable? `relaxed` is for proper names (onset and
 * cluster rules of minority-language place names are not applied).
 */
export function analyzeSyllable(word: string, relaxed = false): SyllableResult {
  const x = lettersOf(word);
  if (x.foreign) return { ok: false, reason: 'foreign-letter', repairs: [], safe: false };
  const r = parseLetters(x.L, relaxed);
  if (!r.ok) {
    if (r.reason === 'onset' && r.onsetFix) {
      // Swap the initial, then place the tone where it belongs.
      const L2 = [...r.onsetFix[0]].concat(x.L.slice(r.onsetFix[1].length));
      const x2: Letters = { ...x, L: L2, upper: x.upper.slice(0, 1).concat(Array(L2.length - 1).fill(x.upper.length > 1 && x.upper.every((u) => u))) };
      const r2 = parseLetters(L2, false);
      if (r2.ok && x.tones.length <= 1) {
        const tone = x.tones[0]?.tone ?? 0;
        const fixed = compose(x2, tone, r2.p.tonePos[x.tones.length && pickStyle(x.tones[0].i - (x.L.length - L2.length), r2.p.tonePos)]);
        if (analyzeSyllable(fixed).ok) return { ok: false, reason: 'onset', repairs: [fixed], safe: true };
      }
    }
    return { ok: false, reason: r.reason, repairs: [], safe: false };
  }
  const p = r.p;
  if (x.tones.length > 1) {
    // Keep one of the tones: several candidates, none certain.
    const reps = new Set<string>();
    for (const t of x.tones) {
      const c = compose(x, t.tone, p.tonePos[0]);
      if (analyzeSyllable(c, relaxed).ok) reps.add(c);
    }
    return { ok: false, reason: 'two-tones', parsed: p, repairs: [...reps], safe: false };
  }
  const tone: Tone = x.tones[0]?.tone ?? 0;
  if (tone && !p.tonePos.includes(x.tones[0].i)) {
    const fixed = compose(x, tone, p.tonePos[0]);
    const ok = analyzeSyllable(fixed, relaxed);
    return { ok: false, reason: 'tone-position', parsed: p, repairs: [fixed], safe: ok.ok };
  }
  if (STOP_FINALS.has(p.final) && tone !== 1 && tone !== 5) {
    const pos = x.tones[0]?.i ?? p.tonePos[0];
    return { ok: false, reason: 'stop-tone', parsed: p, repairs: [compose(x, 1, pos), compose(x, 5, pos)], safe: false };
  }
  let style: ToneStyle | 'neutral' = 'neutral';
  if (tone && p.tonePos[0] !== p.tonePos[1]) style = x.tones[0].i === p.tonePos[0] ? 'reformed' : 'traditional';
  return { ok: true, parsed: p, tone, style };
}

function pickStyle(i: number, pos: [number, number]): 0 | 1 {
  return pos[1] === i ? 1 : 0;
}

/** The word in the given tone-mark style (unchanged when the styles agree or the word is not valid). */
export function toStyle(word: string, style: ToneStyle): string {
  const w = word.normalize('NFC');
  const r = analyzeSyllable(w, true);
  if (!r.ok || r.style === 'neutral' || r.style === style) return w;
  const x = lettersOf(w);
  return compose(x, r.tone, r.parsed.tonePos[style === 'reformed' ? 0 : 1]);
}

// ---------------------------------------------------------------------------
// IME leftovers.

/** English words that Telex-decode to a valid syllable with enough evidence (two keys, or one f/j). */
const ENGLISH = new Set(split(`
  beer beers cheer cheers deer door doors moor poor peer peers leer beef reef reefs roof roofs
  seems keeps meets sees bees tees teens moons rooms booms boost boots roots hoops loops queens
  oops boos moos coos hoof toots hoots loots seer seers veer veers jeer jeers sheer
  hoos boors doom dooms tees lees keys loos boons moots coop coops hoop soot noons sooner
  been seen teen keen moon soon noon room boom of if chef raj taj ref def haj hof`));

export interface Decoded {
  word: string;
  /** Weight of the evidence that this is an IME leftover. */
  weight: number;
}

/** Decode a Telex leftover ("Vieejt" -> "Việt", "dduwowcj" -> "được"); undefined if it is not one. */
export function telexDecode(token: string): Decoded | undefined {
  // No syllable typed in Telex is longer ("nghieengf" is 9): a long token is no
  // syllable, and the loop below is quadratic in its length.
  if (token.length > 16) return undefined;
  const lower = token.toLowerCase();
  if (!/^[a-z]+$/.test(lower) || ENGLISH.has(lower)) return undefined;
  const out: string[] = [];
  let tone: Tone = 0;
  let weight = 0;
  const hasVowel = () => out.some((c) => VOWELS.has(c));
  for (let k = 0; k < lower.length; k++) {
    const c = lower[k];
    const prev = out[out.length - 1];
    if (c === 'd' && prev === 'd' && out.length === 1) { out[0] = 'đ'; weight += 2; continue; }
    if ((c === 'a' || c === 'e' || c === 'o') && prev === c) { out[out.length - 1] = c === 'a' ? 'â' : c === 'e' ? 'ê' : 'ô'; weight++; continue; }
    if (c === 'w') {
      if (prev === 'a') out[out.length - 1] = 'ă';
      else if (prev === 'o') { out[out.length - 1] = 'ơ'; if (out[out.length - 2] === 'u') out[out.length - 2] = 'ư'; }
      else if (prev === 'u') out[out.length - 1] = 'ư';
      else if (!prev || !VOWELS.has(prev)) out.push('ư');
      else return undefined;
      weight++;
      continue;
    }
    if ('sfrxj'.includes(c) && hasVowel()) {
      if (tone) return undefined;
      tone = ({ s: 1, f: 2, r: 3, x: 4, j: 5 } as Record<string, Tone>)[c];
      // f and j are not Vietnamese letters and rare after a vowel in English: one is evidence enough.
      weight += c === 'f' || c === 'j' ? 2 : 1;
      continue;
    }
    if (c === 'z' || c === 'f' || c === 'j' || c === 'w') return undefined;
    out.push(c);
  }
  // Modern IMEs turn "ưo" into "ươ" by themselves.
  const s = out.join('').replace(/ưo(?=.)/, 'ươ');
  if (weight < 2 && !(weight === 1 && oneKeyEvidence(lower, s, token === lower))) return undefined;
  return placeTone(token, s, tone, weight);
}

/**
 * One doubled vowel is enough when English has no such spelling: the doubled
 * vowel next to another vowel ("tieeu", "nghieem", "muoon": iê, uô, yê), or an
 * onset or final only Vietnamese writes ("nghee", "khoong", "beenh"), in a
 * lower-case word. English doubles (keen, moon, queen, Lee, Soon) have neither.
 */
function oneKeyEvidence(raw: string, decoded: string, lowerCase: boolean): boolean {
  // The u of qu and the i of gi belong to the onset (queen).
  if (/(?<!q)u(ee|aa|oo)|(?<!g)i(ee|aa|oo)|[aeoy](aa|ee|oo)|(aa|ee|oo)[aeiouy]/.test(raw)) return true;
  return lowerCase && (/^(ngh?|nh|kh)/.test(raw) || (/(nh|ng)$/.test(raw) && /[âêô]/.test(decoded)));
}

const VNI_TONES: Record<string, Tone> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
/** Decode a VNI leftover ("Vie65t" -> "Việt"); undefined if it is not one. */
export function vniDecode(token: string): Decoded | undefined {
  const lower = token.toLowerCase();
  if (!/^[a-z][a-z0-9]*$/.test(lower) || !/[0-9]/.test(lower)) return undefined;
  const letters = lower.replace(/[0-9]/g, '');
  if (letters.length < 3 || token === token.toUpperCase()) return undefined;
  const out: string[] = [];
  let tone: Tone = 0;
  let weight = 0;
  for (const c of lower) {
    if (c >= 'a' && c <= 'z') { out.push(c); continue; }
    const find = (set: string) => { for (let i = out.length - 1; i >= 0; i--) if (set.includes(out[i])) return i; return -1; };
    if (VNI_TONES[c]) {
      if (tone || find('aeiouyăâêôơư') < 0) return undefined;
      tone = VNI_TONES[c];
    } else if (c === '6') {
      const i = find('aeo'); if (i < 0) return undefined;
      out[i] = { a: 'â', e: 'ê', o: 'ô' }[out[i]]!;
    } else if (c === '7') {
      const i = find('ou'); if (i < 0) return undefined;
      if (out[i] === 'o' && out[i - 1] === 'u') { out[i] = 'ơ'; out[i - 1] = 'ư'; } else out[i] = out[i] === 'o' ? 'ơ' : 'ư';
    } else if (c === '8') {
      const i = find('a'); if (i < 0) return undefined;
      out[i] = 'ă';
    } else if (c === '9') {
      if (out[0] !== 'd') return undefined;
      out[0] = 'đ';
    } else return undefined;
    weight++;
  }
  return placeTone(token, out.join(''), tone, weight + 1, true);
}

/** Build the decoded syllable with its tone in the right place; undefined if it is not a syllable. */
function placeTone(token: string, letters: string, tone: Tone, weight: number, keepToneless = false): Decoded | undefined {
  const L = [...letters];
  const r = parseLetters(L, false);
  if (!r.ok) return undefined;
  // "Vie6t": a leftover all the same, but which tone was meant is unknown.
  if (STOP_FINALS.has(r.p.final) && tone !== 1 && tone !== 5) return keepToneless ? { word: '', weight } : undefined;
  const upper = [...token.replace(/[0-9]/g, '')].map((c) => c !== c.toLowerCase());
  const x: Letters = { L, upper: L.map((_, i) => upper[Math.min(i, upper.length - 1)] && (i === 0 || upper.every((u) => u))), tones: [], foreign: false };
  return { word: compose(x, tone, r.p.tonePos[0]), weight };
}

// ---------------------------------------------------------------------------
// Word classification.

export type WordStatus = 'valid' | 'invalid' | 'foreign';
export interface WordAnalysis {
  status: WordStatus;
  reason?: Reason | 'telex' | 'vni';
  message?: Msg;
  style?: ToneStyle | 'neutral';
  /** Candidate corrections, best first. */
  suggestions?: string[];
  /** True when the first suggestion is certainly right. */
  safe?: boolean;
}

export interface WordContext {
  /** Treat as a proper name (capitalised words always are): k before any vowel, final k, clusters. */
  properName?: boolean;
}

/** Letters that Vietnamese marks but French/Spanish/Portuguese do not share. */
const ONLY_VI = /[ăđơưảẻỉỏủỷạẹịọụỵẽĩũỹấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]/i;
const HAS_MARK = /[^\u0000-\u007f]/;

const wordCache = new Map<string, WordAnalysis>();
const wordCacheProper = new Map<string, WordAnalysis>();

/** Decide whether a word (letters and maybe digits, no spaces) is Vietnamese, and if so whether it is spelled right. */
export function analyzeWord(word: string, ctx: WordContext = {}): WordAnalysis {
  // Look up the word as given first: prose is already NFC, and normalize() is
  // the costliest step on this hot path (every word of every changed block).
  const map = ctx.properName ? wordCacheProper : wordCache;
  let r = map.get(word);
  if (r) return r;
  const w = word.normalize('NFC');
  r = classify(w, !!ctx.properName);
  if (map.size > 50_000) map.clear();
  map.set(word, r);
  return r;
}


function classify(w: string, properName: boolean): WordAnalysis {
  const FOREIGN: WordAnalysis = { status: 'foreign' };
  if (/[0-9]/.test(w)) {
    // Codes (H5N1, CD4, QH15) are foreign; VNI leftovers (Vie65t) are not.
    const d = vniDecode(w);
    if (!d) return FOREIGN;
    return { status: 'invalid', reason: 'vni', message: REASONS.vni, suggestions: d.word ? [d.word] : [], safe: false };
  }
  const lower = w.toLowerCase();
  if (LEXICON.has(lower)) return { status: 'valid', style: 'neutral' };
  const allCaps = w !== lower && w === w.toUpperCase();
  const inner = w.slice(1);
  // Mixed case inside the word (ThS, TTg, PrEP, iPhone): an abbreviation or a brand.
  if (!allCaps && (inner !== inner.toLowerCase() || (w[0] === w[0].toLowerCase() && w !== lower))) return FOREIGN;
  const ascii = !HAS_MARK.test(w);
  const relaxed = properName || w[0] !== w[0].toLowerCase();
  const s = analyzeSyllable(w, relaxed);
  if (s.ok) return { status: 'valid', style: s.style };
  if (ascii) {
    // Plain Latin letters: foreign (email, internet, Gavi, km, XVI) unless an obvious Telex leftover.
    if (allCaps) return FOREIGN;
    const t = telexDecode(w);
    if (t && analyzeSyllable(t.word).ok) return { status: 'invalid', reason: 'telex', message: REASONS.telex, suggestions: [t.word], safe: false };
    return FOREIGN;
  }
  // Abbreviations in capitals carry no tone mark (HĐND, BCHTƯ); capitals with one are words (NGHÀNH).
  if (allCaps && !lettersOf(w).tones.length) return FOREIGN;
  // Letters Vietnamese does not use (José, Zürich, Müller), unless a Vietnamese-only mark shows an IME slip.
  if (s.reason === 'foreign-letter' && !ONLY_VI.test(w)) return FOREIGN;
  // A loanword or name written as one token of valid syllables (ôxy, cácbon, Lênin).
  if (s.reason !== 'two-tones' && s.reason !== 'tone-position' && segmentsIntoSyllables(w)) return FOREIGN;
  return { status: 'invalid', reason: s.reason, message: REASONS[s.reason], suggestions: s.repairs, safe: s.safe && s.repairs.length === 1 };
}

/** Can the word be cut into ≥2 valid syllables, each after the first starting with a consonant? */
function segmentsIntoSyllables(w: string): boolean {
  const chars = [...w];
  const n = chars.length;
  if (n < 3 || n > 24) return false;
  // ok[i]: chars[0..i) splits into valid syllables. Quadratic in the word length (≤ 24), fine.
  const ok: number[] = Array(n + 1).fill(0);
  ok[0] = 1;
  for (let i = 0; i < n; i++) {
    if (!ok[i] || (i > 0 && VOWELS.has(charInfo(chars[i]).base))) continue;
    for (let j = i + 1; j <= Math.min(n, i + 8); j++) {
      if (ok[j]) continue;
      if (analyzeSyllable(chars.slice(i, j).join('')).ok) ok[j] = ok[i] + 1;
    }
  }
  return ok[n] > 2; // at least two syllables (ok counts syllables + 1)
}

export const REASONS: Record<Reason | 'telex' | 'vni', Msg> = {
  'foreign-letter': msg('có chữ cái không thuộc chữ Quốc ngữ', 'contains a letter that Vietnamese does not use'),
  cluster: msg('có cụm phụ âm đầu không có trong tiếng Việt', 'starts with a consonant cluster Vietnamese does not have'),
  'q-without-u': msg('chữ q chỉ đi với u (qu)', 'q is only written as qu'),
  onset: msg('sai quy tắc c/k, g/gh, ng/ngh (k, gh, ngh chỉ đứng trước e, ê, i, y)', 'breaks the c/k, g/gh, ng/ngh rule (k, gh, ngh only before e, ê, i, y)'),
  rhyme: msg('vần không có trong tiếng Việt', 'has a rhyme that does not exist in Vietnamese'),
  truncated: msg('âm tiết bị cụt (thiếu âm cuối, ví dụ "Thiê" thay cho "Thiên")', 'is cut short (missing final, e.g. "Thiê" for "Thiên")'),
  'two-tones': msg('có hai dấu thanh', 'has two tone marks'),
  'tone-position': msg('dấu thanh đặt sai chỗ', 'has its tone mark on the wrong letter'),
  'stop-tone': msg('âm tiết tận cùng bằng p, t, c, ch chỉ mang dấu sắc hoặc nặng', 'a syllable ending in p, t, c, ch takes only the sắc or nặng tone'),
  'no-vowel': msg('không có nguyên âm', 'has no vowel'),
  telex: msg('có vẻ là chữ gõ Telex chưa được chuyển thành dấu', 'looks like Telex keystrokes that were not converted'),
  vni: msg('có vẻ là chữ gõ VNI chưa được chuyển thành dấu', 'looks like VNI keystrokes that were not converted'),
};

// ---------------------------------------------------------------------------
// The model's space, for tests and measurements.

/** Every lower-case syllable the model accepts (in one tone style), as NFC strings. */
export function enumerateSyllables(style: ToneStyle = 'reformed'): string[] {
  const out = new Set<string>();
  const inits = ['', ...INITIALS];
  const rhymes = new Set([...PLAIN, ...Y_INITIAL, ...MEDIAL, ...AFTER_QU]);
  for (const ini of inits)
    for (const rh of rhymes) {
      for (const written of ini === 'gi' && rh.startsWith('i') ? [ini + rh.slice(1)] : [ini + rh]) {
        const L = [...written];
        const r = parseLetters(L, false);
        if (!r.ok) continue;
        for (let t = 0 as Tone; t <= 5; t = (t + 1) as Tone) {
          if (STOP_FINALS.has(r.p.final) && t !== 1 && t !== 5) continue;
          const x: Letters = { L, upper: L.map(() => false), tones: [], foreign: false };
          const s = compose(x, t, r.p.tonePos[style === 'reformed' ? 0 : 1]);
          if (analyzeSyllable(s).ok) out.add(s);
        }
      }
    }
  return [...out].sort();
}

export const _internal = { LABIALS, parseLetters };
