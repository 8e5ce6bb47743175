/**
 * The small part of XPath 1.0 that the IATI rulesets (rulesets/standard.json) and the codelist
 * mapping (codelists/mapping.xml) use, parsed into plain data: scripts/build-iati-rulesets.ts
 * parses once and writes the result into src/domain/reference/data/iati-rulesets.ts, so the
 * evaluator (evaluate-expr.ts) never parses at run time.
 *
 * Supported: child steps (`budget`, `*` is not used), `//name`, `..`, `.`, `@attr`, `text()`,
 * predicates (`[@type='1' or @type='2']`, `[1]`), `count()`, `sum()`, `not()`, `number()`,
 * `and`, `or`, `= != < <= > >=`, `+`, `-`, `|`, string and number literals, and `'$1'` (the value
 * a `loop` rule binds).
 */

export type Step =
  | { readonly axis: 'child' | 'desc'; readonly name: string; readonly preds?: readonly Expr[] }
  | { readonly axis: 'attr'; readonly name: string }
  | { readonly axis: 'parent' | 'self' | 'text' };

export type Expr =
  | { readonly k: 'path'; readonly abs: boolean; readonly steps: readonly Step[] }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'var' }
  | { readonly k: 'fn'; readonly fn: 'count' | 'sum' | 'not' | 'number'; readonly args: readonly Expr[] }
  | { readonly k: 'op'; readonly op: BinaryOp; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'union'; readonly of: readonly Expr[] };

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-';

const FUNCTIONS = new Set(['count', 'sum', 'not', 'number']);
/** A `loop` rule's placeholder: written `'$1'` (or bare `$1`) in the rulesets. */
const VARIABLE = '$1';

type Token = { readonly t: 'name' | 'str' | 'num' | 'sym'; readonly v: string };

const SYMBOLS = ['//', '..', '!=', '<=', '>=', '/', '@', '[', ']', '(', ')', '=', '<', '>', '+', '-', '|', ',', '.'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new XPathError(text, `unterminated string at ${i}`);
      tokens.push({ t: 'str', v: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ t: 'num', v: number[0] });
      i += number[0].length;
      continue;
    }
    const name = /^(\$1|[A-Za-z_][\w.:-]*)/.exec(text.slice(i));
    if (name) {
      // A name may end in "-" only as part of the name, never before a digit operand ("a -1" is not used).
      tokens.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const sym = SYMBOLS.find((s) => text.startsWith(s, i));
    if (!sym) throw new XPathError(text, `unexpected "${c}" at ${i}`);
    tokens.push({ t: 'sym', v: sym });
    i += sym.length;
  }
  return tokens;
}

export class XPathError extends Error {
  constructor(
    readonly xpath: string,
    detail: string,
  ) {
    super(`cannot parse XPath "${xpath}": ${detail}`);
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Expr {
    const expr = this.or();
    if (this.pos < this.tokens.length) this.fail(`unexpected "${this.tokens[this.pos]?.v}"`);
    return expr;
  }

  private fail(detail: string): never {
    throw new XPathError(this.text, detail);
  }
  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  private isSym(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.t === 'sym' && t.v === v;
  }
  private isName(v: string): boolean {
    const t = this.peek();
    return t?.t === 'name' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isSym(v)) this.fail(`expected "${v}" at token ${this.pos}`);
    this.pos++;
  }

  private or(): Expr {
    let l = this.and();
    while (this.isName('or')) {
      this.pos++;
      l = { k: 'op', op: 'or', l, r: this.and() };
    }
    return l;
  }
  private and(): Expr {
    let l = this.compare();
    while (this.isName('and')) {
      this.pos++;
      l = { k: 'op', op: 'and', l, r: this.compare() };
    }
    return l;
  }
  private compare(): Expr {
    let l = this.additive();
    for (;;) {
      const t = this.peek();
      const op = t?.t === 'sym' && ['=', '!=', '<', '<=', '>', '>='].includes(t.v) ? (t.v as BinaryOp) : null;
      if (!op) return l;
      this.pos++;
      l = { k: 'op', op, l, r: this.additive() };
    }
  }
  private additive(): Expr {
    let l = this.union();
    while (this.isSym('+') || this.isSym('-')) {
      const op = this.peek()?.v as '+' | '-'; // checked by isSym just above
      this.pos++;
      l = { k: 'op', op, l, r: this.union() };
    }
    return l;
  }
  private union(): Expr {
    const first = this.primary();
    if (!this.isSym('|')) return first;
    const of = [first];
    while (this.isSym('|')) {
      this.pos++;
      of.push(this.primary());
    }
    return { k: 'union', of };
  }
  private primary(): Expr {
    const t = this.peek();
    if (!t) return this.fail('unexpected end');
    if (t.t === 'str') {
      this.pos++;
      return t.v === VARIABLE ? { k: 'var' } : { k: 'str', v: t.v };
    }
    if (t.t === 'num') {
      this.pos++;
      return { k: 'num', v: Number(t.v) };
    }
    if (t.t === 'name' && t.v === VARIABLE) {
      this.pos++;
      return { k: 'var' };
    }
    if (this.isSym('(')) {
      this.pos++;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (t.t === 'name' && FUNCTIONS.has(t.v) && this.isSym('(', 1)) {
      this.pos += 2;
      const args: Expr[] = this.isSym(')') ? [] : [this.or()];
      while (this.isSym(',')) {
        this.pos++;
        args.push(this.or());
      }
      this.expect(')');
      return { k: 'fn', fn: t.v as 'count' | 'sum' | 'not' | 'number', args }; // FUNCTIONS holds exactly these
    }
    return this.path();
  }
  private path(): Expr {
    let abs = false;
    const steps: Step[] = [];
    let axis: 'child' | 'desc' = 'child';
    if (this.isSym('/')) {
      abs = true;
      this.pos++;
    } else if (this.isSym('//')) {
      abs = true;
      axis = 'desc';
      this.pos++;
    }
    for (;;) {
      // `//@attr` and `//text()`: the attributes (texts) of every descendant element.
      if (axis === 'desc' && (this.isSym('@') || this.isName('text'))) {
        steps.push({ axis: 'desc', name: '*' });
        axis = 'child';
      }
      steps.push(this.step(axis));
      if (this.isSym('/')) axis = 'child';
      else if (this.isSym('//')) axis = 'desc';
      else break;
      this.pos++;
    }
    return { k: 'path', abs, steps };
  }
  private step(axis: 'child' | 'desc'): Step {
    const t = this.peek();
    if (this.isSym('..')) {
      this.pos++;
      return { axis: 'parent' };
    }
    if (this.isSym('.')) {
      this.pos++;
      return { axis: 'self' };
    }
    if (this.isSym('@')) {
      this.pos++;
      const name = this.peek();
      if (name?.t !== 'name') return this.fail('expected an attribute name after @');
      this.pos++;
      return { axis: 'attr', name: name.v };
    }
    if (t?.t !== 'name') return this.fail(`expected a step at token ${this.pos}`);
    this.pos++;
    if (t.v === 'text' && this.isSym('(')) {
      this.expect('(');
      this.expect(')');
      return { axis: 'text' };
    }
    const preds: Expr[] = [];
    while (this.isSym('[')) {
      this.pos++;
      preds.push(this.or());
      this.expect(']');
    }
    return preds.length ? { axis, name: t.v, preds } : { axis, name: t.v };
  }
}

export function parseXPath(text: string): Expr {
  return new Parser(text, tokenize(text)).parse();
}

/** A path's element names and attribute, without predicates: `budget/period-end/@iso-date` → "period-end @iso-date" (for messages). */
export function fieldOf(expr: Expr): string {
  if (expr.k === 'union') return expr.of.map(fieldOf).join(' | ');
  if (expr.k === 'fn') return expr.args.map(fieldOf).join(', ');
  if (expr.k !== 'path') return '';
  return expr.steps
    .map((s) => (s.axis === 'attr' ? `@${s.name}` : s.axis === 'child' || s.axis === 'desc' ? s.name : s.axis === 'parent' ? '..' : ''))
    .filter(Boolean)
    .join(' / ')
    .replace(/ \/ @/g, ' @');
}
