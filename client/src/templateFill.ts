// Team templates: plain Markdown with ${...} placeholders, turned into a VS Code
// snippet (known variables filled in, the rest as tab stops). Pure: no vscode
// import, so it is unit-tested directly.
//
// Placeholder syntax in a template (documented in the README):
//   ${name}               a variable; if it has no value, a tab stop showing "name"
//   ${name:default text}  a tab stop with a default (also used when a variable is empty)
//   ${name|one,two|}      a tab stop with a choice of values
//   \${                   a literal "${"
// The same name used twice is one tab stop (editing one edits all).
// A name ending in "Upper" (e.g. ${unitNameUpper}) is the upper-case form of
// its base variable, and follows the base tab stop when that has no value.

/** Variables every template can use; see standardVariables(). */
export const STANDARD_VARIABLES = ['year', 'nextYear', 'previousYear', 'unitName', 'unitNameUpper', 'today', 'day', 'month', 'currentYear'] as const;

export interface TemplateInfo {
  /** From the header comment's "name:" line, else the first heading, else undefined. */
  name?: string;
  /** From the header comment's "description:" line. */
  description?: string;
  /** The template text without its header comment. */
  body: string;
}

// An optional first comment: <!-- vnhr-template\nname: ...\ndescription: ...\n-->
const HEADER = /^\uFEFF?[ \t]*<!--[ \t]*vnhr-template\b([\s\S]*?)-->[ \t]*(?:\r?\n)*/;

export function parseTemplate(text: string): TemplateInfo {
  const m = HEADER.exec(text);
  const body = m ? text.slice(m[0].length) : text.replace(/^\uFEFF/, '');
  const info: TemplateInfo = { body };
  if (m) {
    for (const line of m[1].split(/\r?\n/)) {
      const kv = /^\s*(name|description)\s*:\s*(.*?)\s*$/i.exec(line);
      if (kv && kv[2]) info[kv[1].toLowerCase() as 'name' | 'description'] = kv[2];
    }
  }
  if (!info.name) {
    const h = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
    if (h) info.name = h[1].replace(/\*\*|__/g, '').trim();
  }
  return info;
}

/** Day and month as the administrative decree writes them: day < 10 and months 1, 2 zero-padded. */
export function formatDateParts(d: Date): { day: string; month: string; year: string } {
  const day = d.getDate();
  const month = d.getMonth() + 1;
  return {
    day: day < 10 ? `0${day}` : String(day),
    month: month <= 2 ? `0${month}` : String(month),
    year: String(d.getFullYear()),
  };
}

export interface StandardVariableInput {
  /** Setting vnHealthReport.report.year; null/undefined: the current year. */
  year?: number | null;
  /** Setting vnHealthReport.report.unitName; empty: left as a tab stop. */
  unitName?: string;
  now: Date;
}

export function standardVariables(input: StandardVariableInput): Record<string, string> {
  const { day, month, year: currentYear } = formatDateParts(input.now);
  const year = typeof input.year === 'number' && Number.isFinite(input.year) ? Math.trunc(input.year) : input.now.getFullYear();
  const vars: Record<string, string> = {
    year: String(year),
    nextYear: String(year + 1),
    previousYear: String(year - 1),
    today: `ngày ${day} tháng ${month} năm ${currentYear}`,
    day,
    month,
    currentYear,
  };
  const unit = (input.unitName ?? '').trim();
  if (unit) {
    vars.unitName = unit;
    vars.unitNameUpper = unit.toLocaleUpperCase('vi');
  }
  return vars;
}

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; def?: string; choices?: string[] };

// Names: letters (any script), digits, "_", "-" and "."; must start with a letter or "_".
const NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

/** Split a template into text and ${...} placeholders. Linear; malformed "${" stays text. */
export function parsePlaceholders(body: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i];
    if (c === '\\' && body[i + 1] === '$' && body[i + 2] === '{') {
      text += '${';
      i += 3;
      continue;
    }
    if (c === '$' && body[i + 1] === '{') {
      const parsed = parseOne(body, i + 2);
      if (parsed) {
        if (text) parts.push({ kind: 'text', text });
        text = '';
        parts.push(parsed.part);
        i = parsed.end;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

// A default or a choice list longer than this is not a placeholder: it also
// keeps parsing linear on text full of unclosed "${a:".
const MAX_PLACEHOLDER = 1000;

function parseOne(s: string, start: number): { part: Part; end: number } | undefined {
  let j = start;
  while (j < s.length && j - start < 100 && /[\p{L}\p{N}_.-]/u.test(s[j])) j++;
  const name = s.slice(start, j);
  if (!NAME.test(name)) return undefined;
  if (s[j] === '}') return { part: { kind: 'var', name }, end: j + 1 };
  if (s[j] === ':') {
    // Default text up to the first unescaped "}" on the same line.
    let def = '';
    const limit = Math.min(s.length, j + 1 + MAX_PLACEHOLDER);
    for (let k = j + 1; k < limit; k++) {
      const ch = s[k];
      if (ch === '\n') return undefined;
      if (ch === '\\' && (s[k + 1] === '}' || s[k + 1] === '\\')) {
        def += s[k + 1];
        k++;
        continue;
      }
      if (ch === '}') return { part: { kind: 'var', name, def }, end: k + 1 };
      def += ch;
    }
    return undefined;
  }
  if (s[j] === '|') {
    const window = s.slice(j + 1, j + 1 + MAX_PLACEHOLDER);
    const rel = window.indexOf('|}');
    if (rel < 0 || window.slice(0, rel).includes('\n')) return undefined;
    const close = j + 1 + rel;
    const choices = s
      .slice(j + 1, close)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    if (!choices.length) return undefined;
    return { part: { kind: 'var', name, choices }, end: close + 2 };
  }
  return undefined;
}

/** Escape literal text for VS Code's snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => '\\' + c);
}

export interface SnippetResult {
  /** VS Code snippet text for editor.insertSnippet(new SnippetString(...)). */
  snippet: string;
  /** Plain text: every tab stop replaced by its default (first choice). */
  text: string;
  /** Names left as tab stops, in tab order. */
  tabStops: string[];
}

/** Fill a template body: known, non-empty variables become text, the rest tab stops. */
export function templateToSnippet(body: string, vars: Readonly<Record<string, string | undefined>>): SnippetResult {
  const parts = parsePlaceholders(body);
  const known = (name: string): string | undefined => {
    const v = vars[name];
    return v !== undefined && v !== '' ? v : undefined;
  };
  // The first default or choice given anywhere for a name is its default everywhere.
  const defaults = new Map<string, Part & { kind: 'var' }>();
  for (const p of parts) if (p.kind === 'var' && (p.def !== undefined || p.choices) && !defaults.has(p.name)) defaults.set(p.name, p);

  const numbers = new Map<string, number>();
  const tabStops: string[] = [];
  const seen = new Set<string>();
  let snippet = '';
  let text = '';
  const fallback = (name: string): string => {
    const d = defaults.get(name);
    return d?.choices?.[0] ?? d?.def ?? name;
  };
  for (const p of parts) {
    if (p.kind === 'text') {
      snippet += escapeSnippetText(p.text);
      text += p.text;
      continue;
    }
    const value = known(p.name);
    if (value !== undefined) {
      snippet += escapeSnippetText(value);
      text += value;
      continue;
    }
    // "xUpper" follows the tab stop of "x" when x has no value and no default of its own.
    const base = p.name.endsWith('Upper') ? p.name.slice(0, -'Upper'.length) : '';
    if (base && !defaults.has(p.name) && known(base) === undefined && (numbers.has(base) || parts.some((q) => q.kind === 'var' && q.name === base))) {
      let num = numbers.get(base);
      if (num === undefined) {
        num = numbers.size + 1;
        numbers.set(base, num);
        tabStops.push(base);
      }
      snippet += `\${${num}/(.*)/\${1:/upcase}/}`;
      text += fallback(base).toLocaleUpperCase('vi');
      continue;
    }
    let num = numbers.get(p.name);
    if (num === undefined) {
      num = numbers.size + 1;
      numbers.set(p.name, num);
      tabStops.push(p.name);
    }
    text += fallback(p.name);
    if (seen.has(p.name)) {
      snippet += `\${${num}}`; // a mirror of the first occurrence
      continue;
    }
    seen.add(p.name);
    const d = defaults.get(p.name);
    if (d?.choices) snippet += `\${${num}|${d.choices.map(escapeChoice).join(',')}|}`;
    else snippet += `\${${num}:${escapeSnippetText(fallback(p.name))}}`;
  }
  return { snippet, text, tabStops };
}

/** The variable names a template uses (to know whether to ask for the year). */
export function variablesUsed(body: string): Set<string> {
  const out = new Set<string>();
  for (const p of parsePlaceholders(body)) if (p.kind === 'var') out.add(p.name);
  return out;
}

/**
 * The template command's string argument names a bundled template: a plain
 * file name only (no folder part, no "..", no hidden file), so it cannot reach
 * outside templates/. Undefined when it is not one.
 */
export function safeTemplateName(arg: string): string | undefined {
  if (!arg || arg.length > 255 || /[\\/\u0000]/.test(arg) || arg.startsWith('.') || /^[a-zA-Z]:/.test(arg)) return undefined;
  return arg;
}

/** A Uri path ("/a/b/../c") with "." and ".." resolved, no trailing "/"; a Windows drive letter in lower case. */
export function normalizeUriPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  if (out.length && /^[A-Za-z]:$/.test(out[0])) out[0] = out[0].toLowerCase();
  return '/' + out.join('/');
}

/** Is the Uri path `target` one of `roots` or inside one (after resolving ".." in both)? */
export function isInsideAny(target: string, roots: readonly string[]): boolean {
  const t = normalizeUriPath(target);
  return roots.some((r) => {
    const root = normalizeUriPath(r);
    return t === root || t.startsWith(root === '/' ? '/' : root + '/');
  });
}
