// The indicator catalogue: the shipped catalogue.json, extended or overridden
// by the config's "indicators" entries, compiled into phrase tries for the
// mention extractor. One compiled catalogue per distinct config.
import shipped from './catalogue.json';
import generatedAdds from './catalogue-adds.generated.json';
import type { ResolvedConfig } from '../config';
import { lexString, PhraseTrie } from './lexer';
import { parsePer, type Den } from './lexicon';

export type IndicatorKind = 'rate' | 'percent' | 'permille' | 'ratio' | 'years' | 'count' | 'other';

export interface Indicator {
  id: string;
  name_vi: string;
  name_en?: string;
  aliases: string[];
  unit: string;
  kind: IndicatorKind;
  per?: number;
  denominator?: Den;
  numerators?: string[];
  plausible_min?: number;
  plausible_max?: number;
  over100?: boolean;
  compare?: boolean;
  /** The age group the indicator is defined on ("dưới 1", "dưới 5"): saying it again is not a sub-type. */
  age?: string;
  national_recent?: Record<string, number>;
  targets?: Record<string, number>;
  notes?: string;
}

/** A name of an indicator as found in text. */
export interface NameEntry {
  ind: string;
  /** The alias ends in a denominator: the head noun alone is a headcount, so text must give one too. */
  needsPer: boolean;
}

export interface Catalogue {
  list: Indicator[];
  byId: Map<string, Indicator>;
  names: PhraseTrie<NameEntry>;
  /** Head nouns of value units ("bác sĩ" in "12,5 bác sĩ/vạn dân") -> indicator ids. */
  numerators: PhraseTrie<string>;
}

/** The base the catalogue unit is written in: per 10.000, 100 for %, 1.000 for ‰. */
export function nativePer(ind: Indicator): number | undefined {
  if (ind.per) return ind.per;
  if (ind.kind === 'percent') return 100;
  if (ind.kind === 'permille') return 1000;
  return undefined;
}

export function shippedIndicators(): Indicator[] {
  return (shipped as { indicators: Indicator[] }).indicators;
}

const UNIT_SHORTHANDS: Record<string, Partial<Indicator>> = {
  '%': { kind: 'percent' },
  percent: { kind: 'percent' },
  '‰': { kind: 'permille', per: 1000 },
  permille: { kind: 'permille', per: 1000 },
  per1k: { kind: 'rate', per: 1000, denominator: 'population' },
  per1000: { kind: 'rate', per: 1000, denominator: 'population' },
  per10k: { kind: 'rate', per: 10000, denominator: 'population' },
  per10000: { kind: 'rate', per: 10000, denominator: 'population' },
  per100k: { kind: 'rate', per: 100000, denominator: 'population' },
  per100000: { kind: 'rate', per: 100000, denominator: 'population' },
};

/** Merge config entries over the shipped list: same id overrides (aliases are added), new ids are added. */
export function mergeIndicators(base: readonly Indicator[], extra: readonly Record<string, unknown>[]): Indicator[] {
  const out = new Map<string, Indicator>(base.map((i) => [i.id, { ...i }]));
  for (const raw of extra) {
    if (!raw || typeof raw.id !== 'string') continue;
    const cur = out.get(raw.id);
    const e = raw as Partial<Indicator>;
    const short = typeof e.unit === 'string' ? UNIT_SHORTHANDS[e.unit.trim()] : undefined;
    const strs = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : []);
    const merged: Indicator = {
      ...(cur ?? { id: raw.id, name_vi: raw.id, aliases: [], unit: '', kind: 'other' as IndicatorKind }),
      ...short,
      ...Object.fromEntries(Object.entries(e).filter(([k, v]) => v !== undefined && k !== 'aliases' && k !== 'numerators' && !(k === 'unit' && short))),
    } as Indicator;
    if (short && typeof e.unit === 'string') merged.unit = cur?.unit || e.unit;
    // A rate given only its base ("per": 10000) counts people unless told otherwise.
    if (merged.per && merged.kind === 'other') merged.kind = 'rate';
    if ((merged.kind === 'rate' || merged.kind === 'permille') && merged.per && !merged.denominator) merged.denominator = 'population';
    merged.aliases = [...new Set([...(cur?.aliases ?? []), ...strs(e.aliases)])];
    if (e.numerators !== undefined || cur?.numerators) merged.numerators = [...new Set([...(cur?.numerators ?? []), ...strs(e.numerators)])];
    out.set(raw.id, merged);
  }
  return [...out.values()];
}

/** What compileCatalogue puts in its two tries, in order (keys, value). */
export interface CatalogueAdds {
  names: [string[], NameEntry][];
  numerators: [string[], string][];
}

/** Compile the phrase tries. Count and other kinds are not extracted. */
export function compileCatalogue(list: Indicator[], adds: CatalogueAdds = catalogueAdds(list)): Catalogue {
  const names = new PhraseTrie<NameEntry>();
  const numerators = new PhraseTrie<string>();
  for (const [keys, v] of adds.names) names.add(keys, v);
  for (const [keys, v] of adds.numerators) numerators.add(keys, v);
  return { list, byId: new Map(list.map((i) => [i.id, i])), names, numerators };
}

/**
 * The phrase keys of a list's names and numerators (the lexer's keys of every alias). For the
 * shipped list scripts/build.mjs writes them to catalogue-adds.generated.json (read by
 * catalogueFor when the config adds no indicator; indicators.test.ts checks they agree).
 */
export function catalogueAdds(list: Indicator[]): CatalogueAdds {
  const out: CatalogueAdds = { names: [], numerators: [] };
  const names = { add: (keys: string[], v: NameEntry) => void (keys.length && out.names.push([keys, v])) };
  const numerators = { add: (keys: string[], id: string) => void out.numerators.push([keys, id]) };
  const seenNum = new Set<string>();
  const addNum = (keys: string[], id: string) => {
    const k = id + '|' + keys.join(' ');
    if (!keys.length || seenNum.has(k)) return;
    seenNum.add(k);
    numerators.add(keys, id);
  };
  for (const ind of list) {
    if (ind.kind === 'count' || ind.kind === 'other') continue;
    const so = lexString('số')[0].k;
    for (const n of ind.numerators ?? []) {
      const keys = lexString(n).map((t) => t.k);
      addNum(keys, ind.id);
      // "Số bác sĩ/vạn dân", "bác sĩ trên 10.000 dân": the head noun followed by a denominator names the indicator.
      if (ind.denominator) {
        names.add(keys, { ind: ind.id, needsPer: true });
        names.add([so, ...keys], { ind: ind.id, needsPer: true });
      }
    }
    for (const alias of [ind.name_vi, ...ind.aliases]) {
      const toks = lexString(alias);
      // An alias with a denominator: the part before it is a head noun that needs one.
      let cut = -1;
      for (let j = 1; j < toks.length && cut < 0; j++) if (parsePer(toks, j, true)) cut = j;
      if (cut > 0) {
        const head = toks.slice(0, cut).map((t) => t.k);
        names.add(head, { ind: ind.id, needsPer: true });
        // "số bác sĩ" -> numerator "bác sĩ" for value units.
        const noun = head[0] === lexString('số')[0].k && head.length > 1 ? head.slice(1) : head;
        if (ind.denominator) addNum(noun, ind.id);
      } else {
        names.add(
          toks.map((t) => t.k),
          { ind: ind.id, needsPer: false },
        );
      }
    }
  }
  return out;
}

const compiled = new Map<string, Catalogue>();

/** The catalogue for a config (cached by the config's indicator entries). */
export function catalogueFor(config: ResolvedConfig | undefined): Catalogue {
  const extra = config?.indicators ?? [];
  const key = extra.length ? JSON.stringify(extra) : '';
  let c = compiled.get(key);
  if (!c) {
    if (compiled.size > 16) compiled.clear();
    const list = mergeIndicators(shippedIndicators(), extra);
    c = key ? compileCatalogue(list) : compileCatalogue(list, generatedAdds as unknown as CatalogueAdds);
    compiled.set(key, c);
  }
  return c;
}
