/**
 * XPath 1.0 semantics (node-set comparisons, string and number conversions) for the parsed
 * expressions of paths.ts, over an XmlNode tree. An element item keeps its parent item, so that
 * `..` works and a finding can say where it is (`budget 2 / period-end`).
 */
import type { XmlNode } from '../xml-node.js';
import type { Expr, Step } from './paths.js';

export interface ElementItem {
  readonly node: XmlNode;
  readonly parent: ElementItem | null;
  /** The children's items by name, built on first use: the rules of one check walk the same elements again and again. */
  kids?: Map<string, ElementItem[]>;
  all?: ElementItem[];
}

const NONE: ElementItem[] = [];

function childItems(item: ElementItem, name: string): ElementItem[] {
  if (!item.kids) {
    const kids = new Map<string, ElementItem[]>();
    const all: ElementItem[] = [];
    for (const c of item.node.children ?? []) {
      if (!c) continue;
      const childItem: ElementItem = { node: c, parent: item };
      all.push(childItem);
      const list = kids.get(c.name);
      if (list) list.push(childItem);
      else kids.set(c.name, [childItem]);
    }
    item.kids = kids;
    item.all = all;
  }
  return name === '*' ? (item.all ?? NONE) : (item.kids.get(name) ?? NONE);
}
/** An attribute's or a text's value, with the element it belongs to. */
export interface ValueItem {
  readonly value: string;
  readonly owner: ElementItem;
  readonly attr: string | null;
}
export type Item = ElementItem | ValueItem;
export type Value = Item[] | string | number | boolean;

const isValueItem = (item: Item): item is ValueItem => 'value' in item;

export function elementChildren(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of node.children ?? []) if (c) out.push(c);
  return out;
}

export function textOf(node: XmlNode): string {
  if (node.text !== undefined && node.text !== null) return String(node.text);
  let s = '';
  for (const c of elementChildren(node)) s += textOf(c);
  return s;
}

export function stringOfItem(item: Item): string {
  return isValueItem(item) ? item.value : textOf(item.node);
}

/** XPath number(): a decimal with optional sign, else NaN (JavaScript's Number('') is 0, XPath's is NaN). */
export function toNumber(s: string): number {
  return /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(s) ? Number(s) : NaN;
}

function attrValue(node: XmlNode, name: string): string | null {
  const v = node.attrs?.[name];
  return v === undefined || v === null ? null : String(v);
}

function stepFrom(item: ElementItem, step: Step, variable: string, out: Item[]): void {
  switch (step.axis) {
    case 'attr': {
      const v = attrValue(item.node, step.name);
      if (v !== null) out.push({ value: v, owner: item, attr: step.name });
      return;
    }
    case 'text':
      if (item.node.text !== undefined && item.node.text !== null) out.push({ value: String(item.node.text), owner: item, attr: null });
      return;
    case 'parent':
      if (item.parent) out.push(item.parent);
      return;
    case 'self':
      out.push(item);
      return;
    case 'child':
    case 'desc': {
      let found: ElementItem[];
      if (step.axis === 'child') found = childItems(item, step.name);
      else {
        found = [];
        collect(item, step.name, true, found);
      }
      if (!step.preds) {
        for (const f of found) out.push(f);
        return;
      }
      let kept: ElementItem[] = found;
      for (const pred of step.preds) kept = filter(kept, pred, variable);
      out.push(...kept);
    }
  }
}

function collect(item: ElementItem, name: string, deep: boolean, out: ElementItem[]): void {
  if (!deep) {
    out.push(...childItems(item, name));
    return;
  }
  for (const child of childItems(item, '*')) {
    if (name === '*' || child.node.name === name) out.push(child);
    collect(child, name, true, out);
  }
}

function filter(items: ElementItem[], pred: Expr, variable: string): ElementItem[] {
  if (pred.k === 'num') return items.slice(pred.v - 1, pred.v);
  return items.filter((item) => toBoolean(evaluate(pred, item, variable)));
}

function evaluatePath(expr: Extract<Expr, { k: 'path' }>, context: ElementItem, variable: string): Item[] {
  let current: Item[] = [expr.abs ? documentOf(context) : context];
  for (const step of expr.steps) {
    const next: Item[] = [];
    for (const item of current) if (!isValueItem(item)) stepFrom(item, step, variable, next);
    current = next;
  }
  return current;
}

function documentOf(item: ElementItem): ElementItem {
  let top = item;
  while (top.parent) top = top.parent;
  return top;
}

export function toBoolean(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v;
}

export function toNumberValue(v: Value): number {
  if (Array.isArray(v)) return v[0] ? toNumber(stringOfItem(v[0])) : NaN;
  if (typeof v === 'string') return toNumber(v);
  if (typeof v === 'number') return v;
  return v ? 1 : 0;
}

function toStringValue(v: Value): string {
  if (Array.isArray(v)) return v[0] ? stringOfItem(v[0]) : '';
  return String(v);
}

function compareAtoms(op: string, a: string | number | boolean, b: string | number | boolean): boolean {
  if (op === '=' || op === '!=') {
    let equal: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') equal = toBoolean(a) === toBoolean(b);
    else if (typeof a === 'number' || typeof b === 'number') equal = toNumberValue(a) === toNumberValue(b);
    else equal = a === b;
    return op === '=' ? equal : !equal;
  }
  const x = toNumberValue(a);
  const y = toNumberValue(b);
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

/** XPath 1.0 §3.4: a node-set compares true when some member's string (or number) does. */
function compare(op: string, l: Value, r: Value): boolean {
  if (Array.isArray(l) && Array.isArray(r)) {
    const rs = r.map(stringOfItem);
    return l.some((li) => rs.some((rv) => compareAtoms(op, stringOfItem(li), rv)));
  }
  if (Array.isArray(l) && !Array.isArray(r)) {
    if (typeof r === 'boolean') return compareAtoms(op, toBoolean(l), r);
    const atom = r;
    return l.some((li) => compareAtoms(op, typeof atom === 'number' ? toNumber(stringOfItem(li)) : stringOfItem(li), atom));
  }
  if (Array.isArray(r) && !Array.isArray(l)) {
    if (typeof l === 'boolean') return compareAtoms(op, l, toBoolean(r));
    return r.some((ri) => compareAtoms(op, l, typeof l === 'number' ? toNumber(stringOfItem(ri)) : stringOfItem(ri)));
  }
  return !Array.isArray(l) && !Array.isArray(r) && compareAtoms(op, l, r);
}

export function evaluate(expr: Expr, context: ElementItem, variable = ''): Value {
  switch (expr.k) {
    case 'path':
      return evaluatePath(expr, context, variable);
    case 'str':
      return expr.v;
    case 'num':
      return expr.v;
    case 'var':
      return variable;
    case 'union':
      return expr.of.flatMap((e) => nodeSet(e, context, variable));
    case 'fn':
      return callFunction(expr, context, variable);
    case 'op': {
      if (expr.op === 'or') return toBoolean(evaluate(expr.l, context, variable)) || toBoolean(evaluate(expr.r, context, variable));
      if (expr.op === 'and') return toBoolean(evaluate(expr.l, context, variable)) && toBoolean(evaluate(expr.r, context, variable));
      const l = evaluate(expr.l, context, variable);
      const r = evaluate(expr.r, context, variable);
      if (expr.op === '+') return toNumberValue(l) + toNumberValue(r);
      if (expr.op === '-') return toNumberValue(l) - toNumberValue(r);
      return compare(expr.op, l, r);
    }
  }
}

function callFunction(expr: Extract<Expr, { k: 'fn' }>, context: ElementItem, variable: string): Value {
  const arg = expr.args[0];
  if (!arg) return expr.fn === 'number' ? toNumber(textOf(context.node)) : NaN;
  switch (expr.fn) {
    case 'count':
      return nodeSet(arg, context, variable).length;
    case 'sum':
      return nodeSet(arg, context, variable).reduce((total, item) => total + toNumber(stringOfItem(item)), 0);
    case 'not':
      return !toBoolean(evaluate(arg, context, variable));
    case 'number':
      return toNumberValue(evaluate(arg, context, variable));
  }
}

/** An expression that must give nodes (a path or a union of paths). */
export function nodeSet(expr: Expr, context: ElementItem, variable = ''): Item[] {
  const v = evaluate(expr, context, variable);
  return Array.isArray(v) ? v : [];
}

export function stringsOf(expr: Expr, context: ElementItem, variable = ''): string[] {
  return nodeSet(expr, context, variable).map(stringOfItem);
}

export { toStringValue, isValueItem };
