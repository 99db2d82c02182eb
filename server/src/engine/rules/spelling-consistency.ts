// spelling-consistency: one spelling per document for words with two accepted
// spellings: i/y after an initial consonant (tỷ/tỉ, sỹ/sĩ, kỹ/kĩ, lý/lí, quy/qui),
// the capitals of "Bộ Y tế"/"Sở Y tế", and loanwords whose syllables are joined by
// a space, a hyphen or a hyphen with spaces ("vắc xin", "vắc-xin", "vắc - xin";
// "vi rút"/"vi-rút"; data: vietnamese/hyphen-terms.json): every joining is a
// spelling of one term. The form the
// document uses most wins (ties: the first one), unless configured. Proper names
// (capitalised inside a sentence: Nguyễn Vỹ, Lý Thường Kiệt) are never counted.
import type { Block } from '../types';
import { analysis, groupSpec, msg, type DocDraft, type Group, type Rule, type RuleContext } from '../rule';
import { swapIY, wordFacts, type IyWord, type PhraseVariant } from '../vietnamese/vnwords';
import { proseRuns } from '../vietnamese/text';
import hyphenData from '../vietnamese/hyphen-terms.json';

/** A loanword as written: its joints (space, hyphen, spaced hyphen) make its form. */
interface TermVariant {
  kind: 'vaccine' | 'term';
  key: string;
  form: string;
  start: number;
  end: number;
  text: string;
}
/** i/y words and agency phrases from the shared word scan (vnwords.ts); loanword spellings read here. */
type Variant = IyWord | PhraseVariant | TermVariant;

const JOINT = '(?:[ \\u00a0]{0,2}[-‐–][ \\u00a0]{0,2}|[ \\u00a0]{1,2})';
const TERM_BODY = hyphenData.terms.map((t) => t.split(' ').join(JOINT)).join('|');
const TERM_END = '(?![\\p{L}\\p{M}]|[ \\u00a0]{0,2}[-‐–][ \\u00a0]{0,2}[\\p{L}\\p{M}])';
// Where a term can start: a first syllable then a joint, found by one case-sensitive scan of the
// lower-cased run (a Unicode-insensitive scan with a look-behind costs 5x more), then checked.
const FIRST = new RegExp(`(?:${[...new Set(hyphenData.terms.map((t) => t.slice(0, t.indexOf(' '))))].join('|')})(?=[ \\u00a0\\-‐–])`, 'g');
const LETTER = /[\p{L}\p{M}\-‐–]/u;
const TERMS = new RegExp(`(?:${TERM_BODY})${TERM_END}`, 'iuy');
const JOINTS = /[ \u00a0]*[-‐–][ \u00a0]*|[ \u00a0]+/gu;
const FIRST_SYLLABLES = new Set(hyphenData.terms.map((t) => t.slice(0, t.indexOf(' '))));
/** Some first syllable followed by a space, a hyphen or a no-break space (one scan, not one per syllable and joint). */
const FIRST_JOINED = new RegExp(`(?:${[...FIRST_SYLLABLES].map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[ \u00a0-]`, 'u');

/** The loanword spellings of a block: key = syllables joined by spaces, form = the joints as written (normalized). */
function termsOf(block: Block): TermVariant[] {
  const out: TermVariant[] = [];
  const lower = block.prose.toLowerCase();
  // Cheap prefilter: a first syllable of some term, followed by a joint.
  if (!FIRST_JOINED.test(lower)) return out;
  for (const run of proseRuns(block)) {
    const low = run.text.toLowerCase();
    // Lower-casing keeps the length of Vietnamese text; anything else is read as it is.
    const scan = low.length === run.text.length ? low : run.text;
    FIRST.lastIndex = 0;
    let f0: RegExpExecArray | null;
    while ((f0 = FIRST.exec(scan))) {
      if (f0.index > 0 && LETTER.test(run.text[f0.index - 1])) continue;
      TERMS.lastIndex = f0.index;
      const m = TERMS.exec(run.text);
      if (!m) continue;
      FIRST.lastIndex = f0.index + m[0].length;
      const text = m[0];
      const key = text.toLowerCase().replace(JOINTS, ' ');
      // The joints as written, each normalized to " ", "-" or " - ".
      const joints = text.match(JOINTS)!.map((j) => (/[-‐–]/.test(j) ? (/[ \u00a0]/.test(j) ? ' - ' : '-') : ' '));
      const syl = key.split(' ');
      let f = syl[0];
      for (let i = 1; i < syl.length; i++) f += joints[i - 1] + syl[i];
      const start = run.start + m.index;
      out.push({ kind: key === 'vắc xin' ? 'vaccine' : 'term', key, form: f, start, end: start + text.length, text });
    }
  }
  return out;
}

const variants = analysis('spelling-consistency:variants', (block: Block, config): readonly Variant[] => {
  const f = wordFacts(block, config);
  const terms = termsOf(block);
  // Vaccine spellings are read with the other loanwords (termsOf), which tell "vắc - xin" apart.
  return f.phrases.length || terms.length ? [...f.iy, ...f.phrases, ...terms] : f.iy;
});

function rewrite(v: Variant, target: string): string {
  if (v.kind === 'iy') return swapIY(v.text, target as 'i' | 'y');
  if (v.kind === 'vaccine' || v.kind === 'term') return v.text[0] + target.slice(1);
  return target;
}

const show = (v: Variant, form: string) => (v.kind === 'iy' ? swapIY(v.key, form as 'i' | 'y') : form);

export const rule: Rule = {
  meta: {
    id: 'spelling-consistency',
    family: 'orthography',
    severity: 'warning',
    enabledByDefault: true,
    description: msg(
      'Một từ viết hai cách trong cùng văn bản: tỷ/tỉ, sỹ/sĩ, kỹ/kĩ, lý/lí, quy/qui, "vắc xin"/"vắc-xin"/"vắc - xin" (và các từ vay mượn khác), "Bộ Y tế"/"Bộ y tế".',
      'One word spelled two ways in one document: tỷ/tỉ, sỹ/sĩ, kỹ/kĩ, lý/lí, quy/qui, "vắc xin"/"vắc-xin"/"vắc - xin" (and other loanwords), "Bộ Y tế"/"Bộ y tế".',
    ),
    fixable: 'safe',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        iy: { enum: ['majority', 'i', 'y'], default: 'majority', description: 'i/y after an initial consonant: the majority in the document (default), always i (tỉ, kĩ, lí) or always y (tỷ, kỹ, lý). quy/qui always follows the majority.' },
        vaccine: { enum: ['majority', 'vắc xin', 'vắc-xin'], default: 'majority', description: 'Spelling of vaccine.' },
        agencyCapitals: { type: 'boolean', default: false, description: 'Always write "Bộ Y tế", "Sở Y tế" (otherwise the majority form wins).' },
      },
    },
  },
  // One group per word with several spellings. Its summary is the form to
  // write and the counts the messages quote; while both stay the same, the
  // engine redoes only the edited blocks' findings.
  groups: groupSpec<Variant, Summary, Tally>({
    facts: (block, ctx) => variants(block, ctx.config),
    key: (v) => v.kind + '\u0001' + v.key,
    tally: {
      zero: () => ({ counts: new Map(), first: undefined }),
      add(t, m, sign) {
        t.first ??= m.facts[0];
        for (const v of m.facts) {
          const c = (t.counts.get(v.form) ?? 0) + sign;
          if (c) t.counts.set(v.form, c);
          else t.counts.delete(v.form);
        }
      },
    },
    summary,
    same: (a, b) => a.target === b.target && a.countsKey === b.countsKey,
    drafts: (m, s) => draftsOf(m.block, m.facts, s),
  }),
};

/** How many times each form is written; `first`: any variant of the group (they share kind and key). */
interface Tally {
  counts: Map<string, number>;
  first: Variant | undefined;
}

interface Summary {
  target: string;
  configured: boolean;
  counts: Map<string, number>;
  countsKey: string;
}

/** The form a group's words should take and the counts of each form; undefined: nothing to report. */
function summary(g: Group<Variant, Tally>, ctx: RuleContext): Summary | undefined {
  const first = g.tally.first!;
  const counts = new Map(g.tally.counts);
  let target: string | undefined;
  const o = ctx.options;
  // The i-style of QĐ 1989 keeps "quy" (uy is a rhyme there), so quy/qui only follows the majority.
  if (first.kind === 'iy' && (o.iy === 'i' || o.iy === 'y') && !first.key.startsWith('qu')) target = o.iy;
  else if (first.kind === 'vaccine' && (o.vaccine === 'vắc xin' || o.vaccine === 'vắc-xin')) target = o.vaccine;
  else if (first.kind === 'agency' && o.agencyCapitals === true) target = first.key.replace(' y tế', ' Y tế');
  const configured = target !== undefined;
  if (!configured && counts.size >= 2) {
    // The most used form; on a tie, the one that comes first in the document.
    let best = -1;
    let n = 0;
    for (const [f, c] of counts) {
      if (c > best) {
        best = c;
        n = 1;
        target = f;
      } else if (c === best) n++;
    }
    // A tie: members in document order (sorted only when asked).
    if (n > 1) target = firstWith(g, counts, best);
  }
  if (target === undefined) return undefined;
  let countsKey = '';
  for (const [f, c] of counts) countsKey += `${f}\u0001${c}\u0002`;
  return { target, configured, counts, countsKey };
}

/** The first form in document order written `best` times. */
function firstWith(g: Group<Variant, Tally>, counts: Map<string, number>, best: number): string | undefined {
  for (const m of g.members) for (const v of m.facts) if (counts.get(v.form) === best) return v.form;
  return undefined;
}

function draftsOf(block: Block, vs: readonly Variant[], s: Summary): DocDraft[] {
  const { counts, target, configured } = s;
  const out: DocDraft[] = [];
  for (const v of vs) {
    if (v.form === target) continue;
    const fixed = rewrite(v, target);
    const why = configured
      ? msg('theo cấu hình', 'as configured')
      : msg(`văn bản viết "${show(v, target)}" ${counts.get(target)} lần, "${show(v, v.form)}" ${counts.get(v.form)} lần`, `the document writes "${show(v, target)}" ${counts.get(target)} times, "${show(v, v.form)}" ${counts.get(v.form)} times`);
    out.push({
      block,
      start: v.start,
      end: v.end,
      message: msg(`Viết thống nhất "${fixed}" thay cho "${v.text}" (${why.vi}).`, `Spell it "${fixed}" consistently instead of "${v.text}" (${why.en}).`),
      fixes: [{ title: msg(`Đổi thành "${fixed}"`, `Change to "${fixed}"`), edits: [{ start: v.start, end: v.end, newText: fixed }], safe: true }],
      data: { kind: v.kind, key: v.key, form: v.form, target },
    });
  }
  return out;
}
