// Glob matching for the config's `ignore` / `include` (a relative path with "/"
// separators against patterns such as "drafts/**", "**/*.tmp.md",
// "bao-cao-{quy,nam}-*.md"). A regex built from a glob backtracks: "*a*a*a…b"
// against a long name took minutes (issue 15). This matcher is the classic
// greedy wildcard walk, which restarts only from the last star: O(pattern ×
// path) whatever the pattern, for "*" inside a segment and "**" across them.
// Supported: * ? [abc] [!a-z] ** {a,b} (expanded, at most MAX_ALTERNATIVES),
// a leading "./"; dotfiles match like other files (picomatch's `dot: true`).

/** Brace expansions of one pattern beyond this are a config error, not a slow match. */
export const MAX_ALTERNATIVES = 64;
/** Longer patterns are a config error. */
export const MAX_PATTERN_LENGTH = 1000;

type Tok = { k: 'lit'; c: string } | { k: 'any' } | { k: 'star' } | { k: 'class'; neg: boolean; set: [string, string][] };
type Seg = Tok[] | 'globstar';

export interface Glob {
  source: string;
  alternatives: Seg[][];
}

/** Compile a pattern; throws an Error whose message is meant for the user. */
export function compileGlob(pattern: string): Glob {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`glob pattern longer than ${MAX_PATTERN_LENGTH} characters`);
  const alts = expandBraces(pattern.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
  return { source: pattern, alternatives: alts.map((a) => a.split('/').map(compileSegment)) };
}

/** Does the relative path match any of the globs? */
export function globMatch(path: string, globs: readonly Glob[]): boolean {
  const parts = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').split('/');
  return globs.some((g) => g.alternatives.some((segs) => matchPath(segs, parts)));
}

function expandBraces(p: string): string[] {
  let out = [p];
  for (let round = 0; round < 16; round++) {
    let changed = false;
    const next: string[] = [];
    for (const s of out) {
      const m = innermostBrace(s);
      if (!m) {
        next.push(s);
        continue;
      }
      changed = true;
      for (const alt of s.slice(m[0] + 1, m[1]).split(',')) next.push(s.slice(0, m[0]) + alt + s.slice(m[1] + 1));
      if (next.length > MAX_ALTERNATIVES) throw new Error(`glob pattern expands to more than ${MAX_ALTERNATIVES} alternatives ({a,b} groups)`);
    }
    out = next;
    if (!changed) return out;
  }
  throw new Error('glob pattern has too deeply nested {a,b} groups');
}

/** [open, close] of the first "{...}" holding a comma and no other brace. */
function innermostBrace(s: string): [number, number] | undefined {
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') open = i;
    else if (s[i] === '}' && open >= 0) {
      if (s.slice(open, i).includes(',')) return [open, i];
      open = -1;
    }
  }
  return undefined;
}

function compileSegment(seg: string): Seg {
  if (seg === '**') return 'globstar';
  const toks: Tok[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') {
      if (toks[toks.length - 1]?.k !== 'star') toks.push({ k: 'star' }); // "**" inside a segment is one star
    } else if (c === '?') toks.push({ k: 'any' });
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) {
        toks.push({ k: 'lit', c });
        continue;
      }
      let body = seg.slice(i + 1, close);
      const neg = body[0] === '!' || body[0] === '^';
      if (neg) body = body.slice(1);
      const set: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          set.push([body[k], body[k + 2]]);
          k += 2;
        } else set.push([body[k], body[k]]);
      }
      toks.push({ k: 'class', neg, set });
      i = close;
    } else toks.push({ k: 'lit', c });
  }
  return toks;
}

function tokMatches(t: Tok, c: string): boolean {
  switch (t.k) {
    case 'lit':
      return t.c === c;
    case 'any':
      return true;
    case 'class':
      return t.set.some(([a, b]) => c >= a && c <= b) !== t.neg;
    default:
      return false;
  }
}

/**
 * Greedy wildcard match: on a mismatch, retry from the last star one item
 * further. One star is remembered, so the work is at most pattern × subject,
 * never exponential. Used for the characters of a segment ("*") and for the segments of a path ("**").
 */
function wildMatch<P, S>(p: readonly P[], s: ArrayLike<S>, isStar: (x: P) => boolean, one: (x: P, y: S) => boolean): boolean {
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    const t = pi < p.length ? p[pi] : undefined;
    if (t !== undefined && !isStar(t) && one(t, s[si])) {
      pi++;
      si++;
    } else if (t !== undefined && isStar(t)) {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (pi < p.length && isStar(p[pi])) pi++;
  return pi === p.length;
}

const isStarTok = (t: Tok) => t.k === 'star';
const isGlobstar = (g: Seg) => g === 'globstar';
const segMatches = (g: Seg, part: string) => g !== 'globstar' && wildMatch(g, part, isStarTok, tokMatches);

function matchPath(segs: Seg[], parts: string[]): boolean {
  return wildMatch(segs, parts, isGlobstar, segMatches);
}
