// term-spelling: one canonical spelling per term. Built in: the WHO/MOH names of
// a few diseases and codes, each matched loosely (any letter case, a hyphen,
// en dash, slash or spaces between its parts): "Covid-19", "COVID – 19",
// "COVID- 19", "covid 19" -> "COVID-19". The config key `terms`
// (canonical -> variants, matched literally) adds terms or replaces a built-in
// one whose canonical form it spells differently.
import { derivedFrom } from '../memo';
import type { Draft } from '../types';
import { msg, type Rule } from '../rule';
import type { ResolvedConfig } from '../config';
import { proseRuns } from '../vietnamese/text';

/** Built-in canonical spellings. */
export const BUILTIN_TERMS = ['COVID-19', 'SARS-CoV-2', 'HIV/AIDS', 'MERS-CoV', 'ICD-10'];

interface Matcher {
  canonical: string;
  re: RegExp;
  /** What a block must contain for `re` to match there: a literal, or a loose term's first part (any case). */
  pre: string | RegExp;
}

// Between two parts of a term: up to two spaces, an optional dash or slash, up to two spaces.
// Bounded repetitions keep the scan linear.
const SEP = '[ \\u00a0]{0,2}(?:[-‐‑–—/][ \\u00a0]{0,2})?';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "COVID-19" -> a regex for COVID-19 in any case with any separator between COVID and 19. */
export function looseTermRegex(canonical: string): RegExp {
  const parts = canonical.match(/\p{L}+|\p{N}+/gu) ?? [canonical];
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${parts.map(escape).join(SEP)}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

function firstPart(canonical: string): string {
  return canonical.match(/\p{L}+|\p{N}+/gu)?.[0] ?? canonical;
}

/**
 * The configured terms (canonical -> literal variants, maybe 100,000 of them)
 * as one index: a literal matches only where a token starts (the char before is
 * no letter, mark or digit) and its first token is the text's token there, so
 * a block is read once, token by token, with one map lookup per token and per
 * literal length: no regex per term (30,000 terms took 10 s).
 */
interface LiteralIndex {
  /** First token of a literal (a run of letters/marks/digits, or one other char) -> its literals. */
  byFirst: Map<string, { lens: number[]; map: Map<string, { canonical: string; keep: boolean }> }>;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const WORDISH = /[\p{L}\p{M}\p{N}]/u;

function firstToken(s: string): string {
  TOKEN.lastIndex = 0;
  const m = TOKEN.exec(s);
  return m && m.index === 0 ? m[0] : s[0];
}

function buildIndex(terms: Record<string, string[]>): LiteralIndex {
  const byFirst: LiteralIndex['byFirst'] = new Map();
  const add = (literal: string, canonical: string, keep: boolean) => {
    if (!literal) return;
    const key = firstToken(literal);
    let b = byFirst.get(key);
    if (!b) byFirst.set(key, (b = { lens: [], map: new Map() }));
    const had = b.map.get(literal);
    // A canonical spelling is kept even where it is also listed as another term's variant.
    if (had && (had.keep || !keep)) return;
    b.map.set(literal, { canonical, keep });
    if (!b.lens.includes(literal.length)) b.lens.push(literal.length);
  };
  for (const [canonical, variants] of Object.entries(terms)) {
    const c = canonical.normalize('NFC');
    add(c, c, true);
    for (const v of variants) if (v && v !== canonical) add(v.normalize('NFC'), c, false);
  }
  return { byFirst };
}

/** Occurrences of the indexed literals in a run (start/end in run coordinates). */
function findLiterals(index: LiteralIndex, text: string, push: (s: number, e: number, canonical: string, keep: boolean) => void): void {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    const p = m.index;
    const b = index.byFirst.get(m[0]);
    if (!b) continue;
    if (p > 0 && WORDISH.test(text[p - 1]) && !WORDISH.test(m[0][0])) continue; // "-19" right after a letter
    for (const len of b.lens) {
      if (p + len > text.length) continue;
      const hit = b.map.get(text.slice(p, p + len));
      if (!hit || (p + len < text.length && WORDISH.test(text[p + len]))) continue;
      push(p, p + len, hit.canonical, hit.keep);
    }
  }
}

const literalIndexOf = derivedFrom((terms: ResolvedConfig['terms']) => buildIndex(terms));

function literalIndex(config: ResolvedConfig): LiteralIndex {
  return literalIndexOf(config.terms);
}

const builtinMatchersOf = derivedFrom((terms: ResolvedConfig['terms']): Matcher[] => {
  const out: Matcher[] = [];
  const configured = Object.keys(terms);
  for (const term of BUILTIN_TERMS) {
    const loose = looseTermRegex(term);
    // A configured canonical that is a spelling of this term replaces it ("Covid-19" preferred);
    // the same canonical keeps the built-in matching and adds the configured variants.
    const overridden = configured.some((c) => {
      loose.lastIndex = 0;
      const m = loose.exec(c);
      return c !== term && m !== null && m[0] === c;
    });
    if (!overridden) out.push({ canonical: term, re: loose, pre: new RegExp(escape(firstPart(term)), 'iu') });
  }
  return out;
});
const NO_MATCHERS: Matcher[] = [];

/** The built-in (loose) term matchers not overridden by a configured canonical. */
export function termMatchers(config: ResolvedConfig, builtin: boolean): Matcher[] {
  return builtin ? builtinMatchersOf(config.terms) : NO_MATCHERS;
}

// One regex for the first parts of all loose terms: one scan tells a block names none of them.
const anyLoose = derivedFrom((all: Matcher[]): RegExp | null => {
  const pres = all.flatMap((x) => (typeof x.pre === 'string' ? [] : [x.pre.source]));
  return pres.length ? new RegExp(pres.join('|'), 'iu') : null;
});

export const rule: Rule = {
  meta: {
    id: 'term-spelling',
    family: 'format',
    severity: 'warning',
    enabledByDefault: true,
    description: msg('Thuật ngữ viết thống nhất một cách: “COVID-19” (không viết “Covid-19”, “COVID – 19”, “covid 19”); danh sách cấu hình được.', 'One spelling per term: “COVID-19” (not “Covid-19”, “COVID – 19”, “covid 19”); the list is configurable.'),
    fixable: 'safe',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        builtin: { type: 'boolean', default: true, description: 'Use the built-in terms (COVID-19, SARS-CoV-2, HIV/AIDS, MERS-CoV, ICD-10) besides the `terms` of the config.' },
      },
    },
  },
  checkBlock(block, ctx) {
    const all = termMatchers(ctx.config, ctx.options.builtin !== false);
    const index = literalIndex(ctx.config);
    // Most blocks name no built-in term at all: one test of the block, then only the matchers that can match.
    const prose = block.prose;
    const any = anyLoose(all);
    const matchers = any !== null && any.test(prose) ? all.filter((x) => typeof x.pre !== 'string' && x.pre.test(prose)) : [];
    if (!matchers.length && !index.byFirst.size) return [];
    // Candidates from all matchers, then the leftmost-longest non-overlapping ones (sort + sweep).
    // Occurrences of a canonical spelling are kept as they are (a variant "COVID" must not bite into "COVID-19").
    const found: { s: number; e: number; canonical: string; text: string; keep?: boolean }[] = [];
    for (const run of proseRuns(block)) {
      if (index.byFirst.size)
        findLiterals(index, run.text, (s, e, canonical, keep) => found.push({ s: run.start + s, e: run.start + e, canonical, text: run.text.slice(s, e), keep }));
      for (const { canonical, re } of matchers) {
        for (let k = run.text.indexOf(canonical); k >= 0; k = run.text.indexOf(canonical, k + canonical.length)) found.push({ s: run.start + k, e: run.start + k + canonical.length, canonical, text: canonical, keep: true });
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(run.text))) {
          if (m[0] === canonical) continue;
          found.push({ s: run.start + m.index, e: run.start + m.index + m[0].length, canonical, text: m[0] });
        }
      }
    }
    found.sort((a, b) => a.s - b.s || b.e - a.e);
    const out: Draft[] = [];
    let last = -1;
    for (const f of found) {
      if (f.s < last) continue;
      last = f.e;
      if (f.keep) continue;
      out.push({
        start: f.s,
        end: f.e,
        message: msg(`Viết thống nhất “${f.canonical}”, không viết “${f.text}”.`, `Write “${f.canonical}”, not “${f.text}”.`),
        fixes: [{ title: msg(`Sửa thành ${f.canonical}`, `Change to ${f.canonical}`), edits: [{ start: f.s, end: f.e, newText: f.canonical }], safe: true }],
      });
    }
    return out;
  },
};
