// Expand a VS Code snippet the way the editor inserts it before the user types:
// each tab stop shows its default (a choice shows the chosen option), mirrors
// copy the value of their tab stop, variables are resolved from a table.
// Used to check what a snippet or a filled template puts into the document.
// Grammar: https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar

type Node =
  | { t: 'text'; s: string }
  | { t: 'tab'; n: number; children?: Node[]; choices?: string[]; transform?: Transform }
  | { t: 'var'; name: string; children?: Node[]; transform?: Transform };

interface Transform {
  regex: RegExp;
  format: string;
}

export interface ExpandOptions {
  /** Values of $CURRENT_YEAR, $TM_FILENAME... Unknown variables throw (a typo in a snippet). */
  variables?: Record<string, string>;
  /** Which option a choice tab stop shows: index into its options (default 0). */
  choice?: (tabStop: number, options: readonly string[]) => number;
}

export interface Expanded {
  text: string;
  /** Tab stop number -> its options, for tests that try every choice. */
  choices: Map<number, string[]>;
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  parse(stop: (c: string) => boolean = () => false): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ t: 'text', s: text });
      text = '';
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (stop(c)) break;
      if (c === '\\' && this.i + 1 < this.s.length && '$}\\'.includes(this.s[this.i + 1])) {
        text += this.s[this.i + 1];
        this.i += 2;
        continue;
      }
      if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
          continue;
        }
      }
      text += c;
      this.i++;
    }
    flush();
    return out;
  }

  private dollar(): Node | undefined {
    const start = this.i;
    const s = this.s;
    let m = /^\$(\d+)/.exec(s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return { t: 'tab', n: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return { t: 'var', name: m[1] };
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    const isTab = /^\d/.test(m[1]);
    const node: Node = isTab ? { t: 'tab', n: Number(m[1]) } : { t: 'var', name: m[1] };
    const c = s[this.i];
    if (c === '}') {
      this.i++;
      return node;
    }
    if (c === ':') {
      this.i++;
      node.children = this.parse((ch) => ch === '}');
      if (s[this.i] !== '}') throw new Error(`unclosed placeholder at ${start}: ${s.slice(start, start + 40)}`);
      this.i++;
      return node;
    }
    if (c === '|' && node.t === 'tab') {
      this.i++;
      const options: string[] = [];
      let cur = '';
      while (this.i < s.length) {
        const ch = s[this.i];
        if (ch === '\\' && this.i + 1 < s.length && ',|\\$}'.includes(s[this.i + 1])) {
          cur += s[this.i + 1];
          this.i += 2;
          continue;
        }
        if (ch === ',') {
          options.push(cur);
          cur = '';
          this.i++;
          continue;
        }
        if (ch === '|' && s[this.i + 1] === '}') {
          options.push(cur);
          this.i += 2;
          node.choices = options;
          return node;
        }
        cur += ch;
        this.i++;
      }
      throw new Error(`unclosed choice at ${start}`);
    }
    if (c === '/') {
      this.i++;
      const regex = this.until('/');
      const format = this.until('/');
      const flags = this.until('}');
      node.transform = { regex: new RegExp(regex, flags.replace(/[^gimsuy]/g, '')), format };
      return node;
    }
    throw new Error(`bad snippet syntax at ${start}: ${s.slice(start, start + 40)}`);
  }

  private until(end: string): string {
    let out = '';
    let depth = 0; // a format's ${1:/upcase} holds a "/" that does not end it
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (ch === '$' && this.s[this.i + 1] === '{') depth++;
      else if (ch === '}' && depth > 0) {
        depth--;
        out += ch;
        this.i++;
        continue;
      }
      if (depth > 0) {
        out += ch;
        this.i++;
        continue;
      }
      if (ch === '\\' && this.i + 1 < this.s.length) {
        out += this.s[this.i + 1] === end ? end : ch + this.s[this.i + 1];
        this.i += 2;
        continue;
      }
      this.i++;
      if (ch === end) return out;
      out += ch;
    }
    throw new Error('unclosed transform');
  }
}

function applyTransform(value: string, tr: Transform): string {
  return value.replace(tr.regex, (...args: unknown[]) => {
    // (match, p1..pn, offset, input): the groups are all but the last two.
    const groups = args.slice(0, -2) as (string | undefined)[];
    return tr.format.replace(/\$\{(\d+):\/(upcase|downcase|capitalize)\}|\$\{(\d+)\}|\$(\d+)/g, (_m, g1, op, g2, g3) => {
      const v = groups[Number(g1 ?? g2 ?? g3)] ?? '';
      if (op === 'upcase') return v.toLocaleUpperCase('vi');
      if (op === 'downcase') return v.toLocaleLowerCase('vi');
      if (op === 'capitalize') return v.charAt(0).toLocaleUpperCase('vi') + v.slice(1);
      return v;
    });
  });
}

export function expandSnippet(body: string | readonly string[], opts: ExpandOptions = {}): Expanded {
  const src = typeof body === 'string' ? body : body.join('\n');
  const nodes = new Parser(src).parse();
  const choices = new Map<number, string[]>();
  // The first tab stop of a number that has content (default or choice) gives its value.
  const owners = new Map<number, Node & { t: 'tab' }>();
  const walk = (ns: Node[]) => {
    for (const n of ns) {
      if (n.t === 'tab' && !n.transform && (n.children || n.choices) && !owners.has(n.n)) owners.set(n.n, n);
      if (n.t === 'tab' && n.choices) choices.set(n.n, n.choices);
      if (n.t !== 'text' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  const values = new Map<number, string>();
  const valueOf = (n: number, stack: number[]): string => {
    if (values.has(n)) return values.get(n)!;
    if (stack.includes(n)) throw new Error(`tab stop ${n} contains itself`);
    const owner = owners.get(n);
    let v = '';
    if (owner?.choices) v = owner.choices[opts.choice?.(n, owner.choices) ?? 0] ?? owner.choices[0];
    else if (owner?.children) v = render(owner.children, [...stack, n]);
    values.set(n, v);
    return v;
  };
  const render = (ns: Node[], stack: number[]): string => {
    let out = '';
    for (const n of ns) {
      if (n.t === 'text') out += n.s;
      else if (n.t === 'tab') {
        const v = n.n === 0 && !owners.has(0) ? '' : valueOf(n.n, stack);
        out += n.transform ? applyTransform(v, n.transform) : v;
      } else {
        const known = opts.variables?.[n.name];
        let v: string;
        if (known !== undefined) v = known;
        else if (n.children) v = render(n.children, stack);
        else throw new Error(`unknown snippet variable $${n.name}`);
        out += n.transform ? applyTransform(v, n.transform) : v;
      }
    }
    return out;
  };
  return { text: render(nodes, []), choices };
}
