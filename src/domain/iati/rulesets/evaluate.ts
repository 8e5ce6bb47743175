/**
 * Runs the IATI Standard's rules (src/domain/reference/data/iati-rulesets.ts) and codelist checks
 * over one `iati-activity` (or `iati-organisation`) XmlNode: the checks the IATI Validator makes
 * of a file, before Mitra publishes it. Pure: the checking time comes in.
 */
import type { XmlNode } from '../xml-node.js';
import { IATI_CODELIST_CHECKS, IATI_CODELIST_CODES, IATI_ORG_ID_PREFIXES, IATI_RULES } from '../../reference/data/iati-rulesets.js';
import { elementChildren, evaluate, nodeSet, stringOfItem, toBoolean, type ElementItem, type Item } from './evaluate-expr.js';
import type { Expr, Step } from './paths.js';
import { RULE_CHECKS, type RuleEnv } from './rule-kinds.js';
import type { IatiCodelistCheck, IatiRule, IatiSeverity } from './types.js';

export interface IatiFinding {
  readonly ruleId: string;
  readonly severity: IatiSeverity;
  readonly category: string;
  /** The IATI Standard's text (English). */
  readonly message: string;
  /** The element (and attribute) to fix, e.g. "budget 2 / period-end @iso-date". */
  readonly field: string;
  readonly hint: string;
  readonly link: string | null;
  /** Codelist findings: the codelist the value must come from. */
  readonly codelist?: string;
}

/** Where a path starts: at the checked element itself (most), or at the document (`//title`). */
interface Anchored<T> {
  readonly rootName: string | null;
  readonly rest: Expr;
  readonly item: T;
}

const WRAPPER: Record<string, string> = { 'iati-activity': 'iati-activities', 'iati-organisation': 'iati-organisations' };
const SELF: Expr = { k: 'path', abs: false, steps: [{ axis: 'self' }] };

/** The element name of a plain step (no predicate) on the given axis, else null. */
function plainName(step: Step | undefined, axis: 'child' | 'desc'): string | null {
  return step && step.axis === axis && !step.preds ? step.name : null;
}

/**
 * `/iati-activities/iati-activity/x` and `//iati-activity/x` both mean "x of the checked
 * activity": evaluated from the activity, they need no walk over the whole tree.
 */
function anchor<T>(path: Expr, item: T): Anchored<T> {
  if (path.k !== 'path' || !path.abs) return { rootName: null, rest: path, item };
  const [first, second] = path.steps;
  const wrapper = plainName(first, 'child');
  const child = plainName(second, 'child');
  const descendant = plainName(first, 'desc');
  let rootName: string | null = null;
  let skip = 0;
  if (wrapper && child && WRAPPER[child] === wrapper) {
    rootName = child;
    skip = 2;
  } else if (descendant && WRAPPER[descendant]) {
    rootName = descendant;
    skip = 1;
  }
  if (rootName === null) return { rootName: null, rest: path, item };
  const steps = path.steps.slice(skip);
  return { rootName, rest: steps.length ? { k: 'path', abs: false, steps } : SELF, item };
}

/** Rules grouped by context, so that each context path is walked once per check. */
interface RuleGroup {
  readonly context: Anchored<null>;
  readonly rules: readonly IatiRule[];
}

/** Rules and codelist checks ready to run: compiled once (compileIatiChecks), reused for every activity. */
export interface CompiledIatiChecks {
  readonly groups: readonly RuleGroup[];
  readonly codelists: readonly Anchored<IatiCodelistCheck>[];
  readonly codes: ReadonlyMap<string, { readonly active: ReadonlySet<string>; readonly withdrawn: ReadonlySet<string> }>;
}

export function compileIatiChecks(
  rules: readonly IatiRule[] = IATI_RULES,
  codelistChecks: readonly IatiCodelistCheck[] = IATI_CODELIST_CHECKS,
): CompiledIatiChecks {
  const byContext = new Map<string, IatiRule[]>();
  for (const rule of rules) {
    const key = JSON.stringify(rule.context);
    byContext.set(key, [...(byContext.get(key) ?? []), rule]);
  }
  const groups = [...byContext.values()].map((list) => ({ context: anchor(list[0]?.context ?? SELF, null), rules: list }));
  const codes = new Map(
    Object.entries(IATI_CODELIST_CODES).map(([name, c]) => [
      name,
      { active: new Set(c.codes.split(' ')), withdrawn: new Set(c.withdrawn.split(' ')) },
    ]),
  );
  return { groups, codelists: codelistChecks.map((c) => anchor(c.path, c)), codes };
}

let standard: CompiledIatiChecks | null = null;
/** The IATI Standard's rules and codelists (the generated table), compiled on first use. */
const standardChecks = () => (standard ??= compileIatiChecks());

const ORG_ID_PREFIXES = new Set(IATI_ORG_ID_PREFIXES);

/** An organisation identifier begins with a registered agency code: "XM-DAC-41114", "ID-KLN-01". */
export function isRegisteredOrgId(value: string): boolean {
  let dash = value.indexOf('-');
  while (dash > 0) {
    if (ORG_ID_PREFIXES.has(value.slice(0, dash))) return true;
    dash = value.indexOf('-', dash + 1);
  }
  return false;
}

function startItems(path: Anchored<unknown>, doc: ElementItem, root: ElementItem): Item[] {
  if (path.rootName === null) return nodeSet(path.rest, doc);
  return path.rootName === root.node.name ? nodeSet(path.rest, root) : [];
}

/** "budget 2 / period-end @iso-date": the element's place below the checked root, numbered when it repeats. */
export function locationOf(item: Item, root: ElementItem): string {
  const parts: string[] = [];
  let el: ElementItem | null = 'value' in item ? item.owner : item;
  while (el && el.node !== root.node && el.parent) {
    const parent: ElementItem = el.parent;
    const name = el.node.name;
    const siblings = elementChildren(parent.node).filter((c) => c.name === name);
    parts.unshift(siblings.length > 1 ? `${name} ${siblings.indexOf(el.node) + 1}` : name);
    el = parent;
  }
  const where = parts.join(' / ');
  if ('value' in item && item.attr) return where ? `${where} @${item.attr}` : `@${item.attr}`;
  return where;
}

const join = (a: string, b: string) => (a && b ? `${a} / ${b}` : a || b).replace(/ \/ @/g, ' @');

function runRule(rule: IatiRule, ctx: ElementItem, root: ElementItem, env: RuleEnv, out: IatiFinding[]): void {
  const variables = rule.foreach ? [...new Set(nodeSet(rule.foreach, ctx).map(stringOfItem))] : [''];
  for (const variable of variables) {
    if (rule.condition && !toBoolean(evaluate(rule.condition, ctx, variable))) continue;
    for (const failure of RULE_CHECKS[rule.kind](rule, ctx, variable, env)) {
      const field = failure.item ? locationOf(failure.item, root) : join(locationOf(ctx, root), failure.field);
      const { id, severity, category, message, link } = rule.info;
      out.push({ ruleId: id, severity, category, message, field: field || root.node.name, hint: failure.hint, link });
    }
  }
}

function runCodelist(compiled: CompiledIatiChecks, check: IatiCodelistCheck, items: Item[], root: ElementItem, out: IatiFinding[]): void {
  const codes = compiled.codes.get(check.codelist);
  if (!codes) return;
  for (const item of items) {
    if (!('value' in item)) continue;
    if (check.condition && !toBoolean(evaluate(check.condition, item.owner))) continue;
    const value = item.value;
    if (codes.active.has(value)) continue;
    const withdrawn = codes.withdrawn.has(value);
    out.push({
      ruleId: `codelist:${check.codelist}`,
      severity: withdrawn ? 'warning' : 'error',
      category: 'codelist',
      message: withdrawn
        ? `The code is withdrawn from the IATI ${check.codelist} codelist.`
        : `The value must be a code of the IATI ${check.codelist} codelist.`,
      field: locationOf(item, root) || root.node.name,
      hint: `"${value}" ${withdrawn ? 'is withdrawn' : 'is not a code'} (${check.xpath})`,
      link: `https://iatistandard.org/en/iati-standard/203/codelists/${check.codelist.toLowerCase()}/`,
      codelist: check.codelist,
    });
  }
}

const SEVERITY_ORDER: Record<IatiSeverity, number> = { error: 0, warning: 1, info: 2 };

/** The findings on one `iati-activity` or `iati-organisation`, errors first. `now` is an ISO instant. */
export function checkIatiNode(node: XmlNode, now: string, compiled: CompiledIatiChecks = standardChecks()): IatiFinding[] {
  const { groups, codelists } = compiled;
  const wrapper: XmlNode = { name: WRAPPER[node.name] ?? `${node.name}s`, children: [node] };
  const doc: ElementItem = { node: { name: '#document', children: [wrapper] }, parent: null };
  const root: ElementItem = { node, parent: { node: wrapper, parent: doc } };
  const env: RuleEnv = { today: now.slice(0, 10), now, isOrgId: isRegisteredOrgId };
  const out: IatiFinding[] = [];
  for (const group of groups)
    for (const ctx of startItems(group.context, doc, root)) {
      if ('value' in ctx) continue;
      for (const rule of group.rules) runRule(rule, ctx, root, env, out);
    }
  for (const check of codelists) runCodelist(compiled, check.item, startItems(check, doc, root), root, out);
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
