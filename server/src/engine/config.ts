// Config: the .vnhrrc.json format (JSONC), its JSON schema (built from the rule
// registry, so adding a rule adds its entry), validation with located errors,
// and resolution against the rules' defaults. No file system here: callers
// read the file and pass its text.
import type { ErrorObject } from 'ajv';
// Compiled from buildConfigSchema(allRules) by scripts/build.mjs (ajv standalone): no schema compile at run time.
import { validate as validateRegistryConfig } from './config-validate.generated';
import { parse as parseJsonc, parseTree, findNodeAtLocation, printParseErrorCode, type ParseError, type Node } from 'jsonc-parser';
import type { RuleMeta, Severity } from './types';
import { docsUrl } from './docs';

/**
 * The schema ships in the VS Code extension (jsonValidation): its rule links use the
 * extension's link handler, which opens the page shipped with it (client/src/rulePages.ts).
 */
const SCHEMA_DOCS_BASE = 'vscode://vn-health-report.vn-health-report/rule/';

/** Config needs only the rules' metadata (not their checks): no import of rule.ts. */
type Rule = { readonly meta: RuleMeta };

export type RuleSetting = 'off' | Severity | [('off' | Severity), Record<string, unknown>?];

export interface RawConfig {
  $schema?: string;
  rules?: Record<string, RuleSetting>;
  terms?: Record<string, string[]>;
  indicators?: Record<string, unknown>[];
  taskNouns?: string[];
  abbreviations?: Record<string, string>;
  knownAbbreviations?: string[];
  ignore?: string[];
  include?: string[];
  failOn?: Severity | 'never';
  misspellings?: MisspellingEntry[];
  crossFile?: CrossFileSetting;
}

/**
 * Figures compared across reports (several files checked together). `groups`:
 * lists of globs (relative to the config's folder); when given, two reports are
 * compared only if one group has a glob matching each of them.
 */
export interface CrossFileSetting {
  enabled?: boolean;
  groups?: string[][];
}

/** One extra pair for common-misspelling (the shape of data/misspellings.json's pairs). */
export interface MisspellingEntry {
  wrong: string;
  right: string;
  unlessPrev?: string[];
  unlessNext?: string[];
  safe?: boolean;
  note?: string;
}

export interface ResolvedRuleSetting {
  enabled: boolean;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, ResolvedRuleSetting>;
  terms: Record<string, string[]>;
  indicators: Record<string, unknown>[];
  taskNouns: string[];
  abbreviations: Record<string, string>;
  knownAbbreviations: string[];
  ignore: string[];
  include: string[];
  failOn: Severity | 'never';
  misspellings: MisspellingEntry[];
  /** Cross-report comparison (not part of `key`: it changes no finding of one file). */
  crossFile: { enabled: boolean; groups: string[][] };
  /** Stable key of everything that affects findings: part of cache keys. */
  key: string;
}

export interface ConfigProblem {
  message: string;
  /** Offsets in the config text, when known. */
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

/** JSON schema of .vnhrrc.json, with one property per rule of the registry. */
export function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const r of rules) {
    const level = { enum: ['off', ...SEVERITIES], description: `${r.meta.description.en} / ${r.meta.description.vi}` };
    const optionsSchema = r.meta.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} };
    ruleProps[r.meta.id] = {
      description: `${r.meta.description.en}\n\n${r.meta.description.vi}\n\nDefault: ${r.meta.enabledByDefault ? r.meta.severity : 'off'}.`,
      markdownDescription: `${r.meta.description.en}\n\n${r.meta.description.vi}\n\nDefault: \`${r.meta.enabledByDefault ? r.meta.severity : 'off'}\`. [Docs](${docsUrl(r.meta.id, SCHEMA_DOCS_BASE)})`,
      oneOf: [
        level,
        { type: 'array', minItems: 1, maxItems: 2, items: [level, optionsSchema], additionalItems: false },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/vn-health-report/vn-health-report/schemas/vnhrrc.schema.json',
    title: 'vn-health-report configuration (.vnhrrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Rule levels and options: "off", a severity, or [severity, options].',
        properties: ruleProps,
        additionalProperties: false,
      },
      terms: {
        type: 'object',
        description: 'Canonical spelling of a term -> variants to replace (term-spelling).',
        additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      indicators: {
        type: 'array',
        description: 'Extra indicators (or overrides by id) for the indicator rules.',
        items: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9_]+$' },
            name_vi: { type: 'string' },
            name_en: { type: 'string' },
            aliases: { type: 'array', items: { type: 'string' } },
            numerators: { type: 'array', items: { type: 'string' }, description: 'Head nouns that, followed by a denominator, make a value unit ("bác sĩ" in "12,5 bác sĩ/vạn dân").' },
            unit: { type: 'string', description: 'Unit as displayed, or a shorthand: "%", "‰", "per1k", "per10k", "per100k".' },
            per: { type: 'number' },
            denominator: { enum: ['population', 'live-births', 'girls', 'women'] },
            kind: { enum: ['rate', 'percent', 'permille', 'count', 'ratio', 'years', 'other'] },
            plausible_min: { type: 'number' },
            plausible_max: { type: 'number' },
            over100: { type: 'boolean' },
            compare: { type: 'boolean' },
            age: { type: 'string' },
          },
        },
      },
      taskNouns: { type: 'array', description: 'Extra counted nouns for x/y counts (task rules).', items: { type: 'string', minLength: 1 } },
      abbreviations: { type: 'object', description: 'Extra abbreviations: abbreviation -> expansion.', additionalProperties: { type: 'string' } },
      knownAbbreviations: { type: 'array', description: 'Abbreviations that need no definition.', items: { type: 'string' } },
      ignore: { type: 'array', description: 'Globs of files not to check.', items: { type: 'string' } },
      include: { type: 'array', description: 'Globs of files always checked as Vietnamese reports.', items: { type: 'string' } },
      failOn: { enum: [...SEVERITIES, 'never'], description: 'Lowest severity that makes `vnhr check` exit 1 (default: warning).' },
      crossFile: {
        type: 'object',
        description:
          'Figures compared across reports when several files are checked together (vnhr check on a folder, the workspace in the editor): the same indicator, period, place and kind with different values in two reports is an indicator-conflict in both. enabled (default true) turns it on or off; groups: lists of globs (relative to this file\'s folder) — when given, two reports are compared only if one group matches both, e.g. [["huyen-a/**", "tinh/**"], ["huyen-b/**", "tinh/**"]].',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean', description: 'Compare figures across reports (default true).' },
          groups: { type: 'array', description: 'Groups of globs: reports are compared only inside a group.', items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
        },
      },
      misspellings: {
        type: 'array',
        description: 'Extra misspelling pairs for common-misspelling: {wrong, right, unlessPrev?, unlessNext?, safe?}; the pair is not flagged after a word of unlessPrev or before one of unlessNext.',
        items: {
          type: 'object',
          required: ['wrong', 'right'],
          additionalProperties: false,
          properties: {
            wrong: { type: 'string', minLength: 1 },
            right: { type: 'string', minLength: 1 },
            unlessPrev: { type: 'array', items: { type: 'string', minLength: 1 } },
            unlessNext: { type: 'array', items: { type: 'string', minLength: 1 } },
            safe: { type: 'boolean', description: 'Whether the fix is applied by fix-all (default true).' },
            note: { type: 'string' },
          },
        },
      },
    },
  };
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
/**
 * The validator of the registry's schema, generated at build time. Config is only ever
 * parsed against the registry (index.ts loadConfig); `rules` must be that registry,
 * which config.test.ts checks by comparing the generated schema with buildConfigSchema.
 */
function validatorFor(_rules: readonly Rule[]): Validator {
  return validateRegistryConfig as Validator;
}

/** The config used when there is no file, or when the file is broken. */
export function defaultConfig(rules: readonly Rule[]): ResolvedConfig {
  return resolveConfig({}, rules);
}

/** Merge a raw (already valid or partially valid) config over the rule defaults. */
export function resolveConfig(raw: RawConfig, rules: readonly Rule[]): ResolvedConfig {
  const out: Record<string, ResolvedRuleSetting> = {};
  for (const r of rules) {
    out[r.meta.id] = { enabled: r.meta.enabledByDefault, severity: r.meta.severity, options: {} };
    const s = raw.rules?.[r.meta.id];
    if (s === undefined) continue;
    const level = Array.isArray(s) ? s[0] : s;
    const options = Array.isArray(s) && s[1] && typeof s[1] === 'object' ? s[1] : {};
    if (level === 'off') out[r.meta.id].enabled = false;
    else if (SEVERITIES.includes(level as string)) {
      out[r.meta.id].enabled = true;
      out[r.meta.id].severity = level as Severity;
    }
    out[r.meta.id].options = { ...options };
  }
  const strList = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const terms: Record<string, string[]> = {};
  if (raw.terms && typeof raw.terms === 'object') for (const [k, v] of Object.entries(raw.terms)) terms[k] = strList(v);
  const abbreviations: Record<string, string> = {};
  if (raw.abbreviations && typeof raw.abbreviations === 'object')
    for (const [k, v] of Object.entries(raw.abbreviations)) if (typeof v === 'string') abbreviations[k] = v;
  const resolved: Omit<ResolvedConfig, 'key' | 'crossFile'> = {
    rules: out,
    terms,
    indicators: Array.isArray(raw.indicators) ? raw.indicators.filter((x) => x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string') : [],
    taskNouns: strList(raw.taskNouns),
    abbreviations,
    knownAbbreviations: strList(raw.knownAbbreviations),
    ignore: strList(raw.ignore),
    include: strList(raw.include),
    failOn: raw.failOn && [...SEVERITIES, 'never'].includes(raw.failOn) ? raw.failOn : 'warning',
    misspellings: Array.isArray(raw.misspellings) ? raw.misspellings.filter((m) => m && typeof m.wrong === 'string' && typeof m.right === 'string') : [],
  };
  const cf = raw.crossFile && typeof raw.crossFile === 'object' ? raw.crossFile : {};
  const crossFile = {
    enabled: cf.enabled !== false,
    groups: Array.isArray(cf.groups) ? cf.groups.map(strList).filter((g) => g.length > 0) : [],
  };
  return { ...resolved, crossFile, key: JSON.stringify(resolved) };
}

/**
 * Parse and validate config text (JSONC). Never throws: problems come back with
 * their offsets, and whatever parts are valid are used (a wrong rule entry is
 * dropped, the rest kept). A file that is not JSON at all gives the defaults.
 */
export function parseConfig(text: string, rules: readonly Rule[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (text.length > 5_000_000) {
    problems.push({ message: `Config file is too large (${text.length} characters); defaults are used.`, start: 0, end: 0, severity: 'error' });
    return { config: defaultConfig(rules), problems };
  }
  const errors: ParseError[] = [];
  let raw: unknown;
  try {
    raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (e) {
    problems.push({ message: `Cannot parse config: ${String(e)}`, start: 0, end: 0, severity: 'error' });
    return { config: defaultConfig(rules), problems };
  }
  for (const e of errors) {
    problems.push({ message: `Invalid JSON: ${printParseErrorCode(e.error)}; defaults are used.`, start: e.offset, end: e.offset + e.length, severity: 'error' });
  }
  if (errors.length) return { config: defaultConfig(rules), problems };
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ message: 'The config must be a JSON object; defaults are used.', start: 0, end: text.length, severity: 'error' });
    return { config: defaultConfig(rules), problems };
  }
  const validate = validatorFor(rules);
  const cfg = structuredClone(raw) as Record<string, unknown>;
  if (!validate(cfg)) {
    const tree = parseTree(text);
    for (const err of dedupeErrors(validate.errors ?? [])) {
      const path = pointerToPath(err.instancePath);
      let node: Node | undefined = tree ? findNodeAtLocation(tree, path) : undefined;
      let message = describeError(err, path);
      if (err.keyword === 'additionalProperties') {
        const extra = (err.params as { additionalProperty: string }).additionalProperty;
        const n = tree ? findNodeAtLocation(tree, [...path, extra]) : undefined;
        if (n?.parent) node = n.parent.children?.[0] ?? n;
        message =
          path[0] === 'rules' && path.length === 1
            ? `Unknown rule id "${extra}"; it is ignored.`
            : path[0] === 'rules' && path.length === 3
              ? `Unknown option "${extra}" for rule "${String(path[1])}"; it is ignored.`
              : `Unknown setting "${[...path, extra].join('.')}"; it is ignored.`;
      }
      problems.push({ message, start: node?.offset ?? 0, end: (node?.offset ?? 0) + (node?.length ?? 0), severity: 'warning' });
      dropPath(cfg, path, err);
    }
  }
  return { config: resolveConfig(cfg as RawConfig, rules), problems };
}

function dedupeErrors(errors: ErrorObject[]): ErrorObject[] {
  // oneOf produces one error per branch plus the oneOf itself: keep the most specific per path.
  // An unknown option inside [level, {options}] is reported as such; the rule entry's
  // own oneOf errors (which would drop the whole entry) are then left out.
  const optionOf = (e: ErrorObject) => /^\/rules\/[^/]+\/1$/.test(e.instancePath) && e.keyword === 'additionalProperties';
  const rulesWithUnknownOption = new Set(errors.filter(optionOf).map((e) => e.instancePath.slice(0, -2)));
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (rulesWithUnknownOption.has(e.instancePath)) continue;
    const key = e.instancePath + (e.keyword === 'additionalProperties' ? '/' + (e.params as { additionalProperty: string }).additionalProperty : '');
    if (!byPath.has(key) || e.keyword === 'oneOf' || e.keyword === 'additionalProperties') byPath.set(key, e);
  }
  return [...byPath.values()];
}

function describeError(err: ErrorObject, path: (string | number)[]): string {
  const where = path.length ? `"${path.join('.')}"` : 'the config';
  if (err.keyword === 'oneOf' && path[0] === 'rules') return `Invalid setting for rule "${String(path[1])}": use "off", "error", "warning", "information", "hint" or [level, {options}]; the rule keeps its default.`;
  if (err.keyword === 'enum') return `Invalid value for ${where}: expected one of ${JSON.stringify((err.params as { allowedValues: unknown[] }).allowedValues)}.`;
  return `Invalid value for ${where}: ${err.message ?? 'does not match the schema'}.`;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Remove an invalid part so the rest of the config still applies. */
function dropPath(obj: Record<string, unknown>, path: (string | number)[], err: ErrorObject): void {
  if (err.keyword === 'additionalProperties') {
    const extra = (err.params as { additionalProperty: string }).additionalProperty;
    const parent = getAt(obj, path);
    if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[extra];
    return;
  }
  if (path.length === 0) return;
  // For a bad rule entry drop the whole entry; elsewhere the top-level key.
  const cut = path[0] === 'rules' ? path.slice(0, 2) : path.slice(0, 1);
  const parent = getAt(obj, cut.slice(0, -1));
  if (parent && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[cut[cut.length - 1]];
}

function getAt(obj: unknown, path: (string | number)[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}
