// term-spelling: one canonical spelling per term. Built in: the WHO/MOH names of
// a few diseases and codes, each matched loosely (any letter case, a hyphen,
// en dash, slash or spaces between its parts): "Covid-19", "COVID – 19",
// "COVID- 19", "covid 19" -> "COVID-19". The config key `terms`
// (canonical -> variants, matched literally) adds terms or replaces a built-in
// one whose canonical form it spells differently.
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

function literalRegex(variant: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(variant.normalize('NFC'))}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

const cache = new Map<string, Matcher[]>();

/** The term matchers for a config: configured terms first, then built-ins not overridden. */
export function termMatchers(config: ResolvedConfig, builtin: boolean): Matcher[] {
  const key = JSON.stringify([config.terms, builtin]);
  const hit = cache.get(key);
  if (hit) return hit;
  const out: Matcher[] = [];
  const configured = Object.entries(config.terms);
  for (const [canonical, variants] of configured) {
    for (const v of variants) if (v && v !== canonical) out.push({ canonical: canonical.normalize('NFC'), re: literalRegex(v), pre: v.normalize('NFC') });
  }
  if (builtin) {
    for (const term of BUILTIN_TERMS) {
      const loose = looseTermRegex(term);
      // A configured canonical that is a spelling of this term replaces it ("Covid-19" preferred);
      // the same canonical keeps the built-in matching and adds the configured variants.
      const overridden = configured.some(([c]) => {
        loose.lastIndex = 0;
        const m = loose.exec(c);
        return c !== term && m !== null && m[0] === c;
      });
      if (!overridden) out.push({ canonical: term, re: loose, pre: new RegExp(escape(firstPart(term)), 'iu') });
    }
  }
  if (cache.size > 32) cache.clear();
  cache.set(key, out);
  return out;
}

// One regex for the first parts of all loose terms: one scan tells a block names none of them.
const anyCache = new WeakMap<Matcher[], RegExp | null>();
function anyLoose(all: Matcher[]): RegExp | null {
  let r = anyCache.get(all);
  if (r === undefined) {
    const pres = all.flatMap((x) => (typeof x.pre === 'string' ? [] : [x.pre.source]));
    r = pres.length ? new RegExp(pres.join('|'), 'iu') : null;
    anyCache.set(all, r);
  }
  return r;
}

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
    // Most blocks name no term at all: one test of the block per matcher, then only those that can match.
    const prose = block.prose;
    const any = anyLoose(all);
    const loose = any !== null && any.test(prose);
    const matchers = all.filter((x) => (typeof x.pre === 'string' ? prose.includes(x.pre) : loose && x.pre.test(prose)));
    if (!matchers.length) return [];
    // Candidates from all matchers, then the leftmost-longest non-overlapping ones (sort + sweep).
    // Occurrences of a canonical spelling are kept as they are (a variant "COVID" must not bite into "COVID-19").
    const found: { s: number; e: number; canonical: string; text: string; keep?: boolean }[] = [];
    const canonicals = [...new Set(all.map((x) => x.canonical))];
    for (const run of proseRuns(block)) {
      for (const c of canonicals) {
        for (let k = run.text.indexOf(c); k >= 0; k = run.text.indexOf(c, k + c.length)) found.push({ s: run.start + k, e: run.start + k + c.length, canonical: c, text: c, keep: true });
      }
      for (const { canonical, re } of matchers) {
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
