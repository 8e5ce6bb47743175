/**
 * What each rule kind of the IATI rulesets checks on one context element (IATI-Rulesets SPEC:
 * rulesets/schema.json describes each kind). A check returns its failures: the item to fix (when
 * one value is at fault) and a short hint with the values found.
 */
import { nodeSet, stringOfItem, toBoolean, toNumber, evaluate, type ElementItem, type Item } from './evaluate-expr.js';
import { fieldOf, type Expr } from './paths.js';
import type { IatiRule } from './types.js';

export interface RuleFailure {
  readonly item: Item | null;
  /** Which path of the rule the finding points at, when no single item is at fault. */
  readonly field: string;
  readonly hint: string;
}

export interface RuleEnv {
  /** The checking day (YYYY-MM-DD) and instant, for NOW and date_now. */
  readonly today: string;
  readonly now: string;
  readonly isOrgId: (value: string) => boolean;
}

type Check = (rule: IatiRule, ctx: ElementItem, variable: string, env: RuleEnv) => RuleFailure[];

const items = (paths: readonly Expr[] | undefined, ctx: ElementItem, variable: string): Item[] =>
  (paths ?? []).flatMap((p) => nodeSet(p, ctx, variable));
const firstField = (rule: IatiRule) => (rule.paths?.[0] ? fieldOf(rule.paths[0]) : '');
const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;

/** Values the rule looks at, without those that are registered organisation identifiers when an idCondition says so. */
function checkedValues(rule: IatiRule, ctx: ElementItem, variable: string, env: RuleEnv): Item[] {
  const all = items(rule.paths, ctx, variable);
  return rule.unlessOrgId ? all.filter((i) => !env.isOrgId(stringOfItem(i))) : all;
}

function eachValue(test: (value: string) => string | null): Check {
  return (rule, ctx, variable, env) =>
    checkedValues(rule, ctx, variable, env).flatMap((item) => {
      const hint = test(stringOfItem(item));
      return hint === null ? [] : [{ item, field: '', hint }];
    });
}

/** A date (or datetime) as a comparable day; null when absent or not a date. */
function dayOf(value: string | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

function dates(expr: Expr | null | undefined, ctx: ElementItem, variable: string, env: RuleEnv): string[] {
  if (expr === null) return [env.today];
  if (!expr) return [];
  return nodeSet(expr, ctx, variable).flatMap((i) => dayOf(stringOfItem(i)) ?? []);
}

const daysBetween = (start: string, end: string) => (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;

/** Percentages and sums in hundredths, so that 33.33 + 33.33 + 33.34 is exactly 100. */
const hundredths = (n: number) => Math.round(n * 100);

const regexes = new WeakMap<IatiRule, RegExp>();
/** Compiled once per rule: a check runs it on every activity. */
function regexOf(rule: IatiRule): RegExp {
  let regex = regexes.get(rule);
  if (!regex) {
    regex = new RegExp(rule.regex ?? '');
    regexes.set(rule, regex);
  }
  return regex;
}

export const RULE_CHECKS: Record<IatiRule['kind'], Check> = {
  atleast_one: (rule, ctx, variable) =>
    items(rule.paths, ctx, variable).length > 0
      ? []
      : [{ item: null, field: firstField(rule), hint: `add ${(rule.paths ?? []).map(fieldOf).join(' or ')}` }],

  no_more_than_one: (rule, ctx, variable) => {
    const found = items(rule.paths, ctx, variable);
    return found.length <= 1
      ? []
      : [{ item: found[1] ?? null, field: firstField(rule), hint: `${found.length} found, at most one allowed` }];
  },

  no_spaces: (rule, ctx, variable, env) =>
    eachValue((v) => (/\s/.test(v) ? `${quote(v)} contains a space` : null))(rule, ctx, variable, env),

  regex_matches: (rule, ctx, variable, env) => {
    const regex = regexOf(rule);
    return eachValue((v) => (regex.test(v) ? null : `${quote(v)} does not match ${rule.regex}`))(rule, ctx, variable, env);
  },

  range: (rule, ctx, variable, env) =>
    eachValue((v) => {
      const n = toNumber(v);
      const min = rule.min ?? -Infinity;
      const max = rule.max ?? Infinity;
      return n >= min && n <= max ? null : `${quote(v)} is not between ${min} and ${max}`;
    })(rule, ctx, variable, env),

  strict_sum: (rule, ctx, variable) => {
    const values = items(rule.paths, ctx, variable).map((i) => toNumber(stringOfItem(i)));
    const total = values.reduce((sum, n) => sum + hundredths(n), 0);
    if (!values.some(Number.isNaN) && total === hundredths(rule.sum ?? 0)) return [];
    const shown = values.some(Number.isNaN) ? 'a value that is not a number' : String(total / 100);
    return [{ item: null, field: firstField(rule), hint: `the percentages sum to ${shown}, not ${rule.sum}` }];
  },

  unique: (rule, ctx, variable) => {
    const found = items(rule.paths, ctx, variable);
    const seen = new Set<string>();
    return found.flatMap((item) => {
      const v = stringOfItem(item);
      if (!seen.has(v)) {
        seen.add(v);
        return [];
      }
      return [{ item, field: '', hint: `${quote(v)} is used twice (${(rule.paths ?? []).map(fieldOf).join(', ')})` }];
    });
  },

  startswith: (rule, ctx, variable, env) => {
    if (rule.orgIdPrefix)
      return eachValue((v) => (env.isOrgId(v) ? null : `${quote(v)} does not begin with a registered agency code (e.g. "XM-DAC-")`))(
        rule,
        ctx,
        variable,
        env,
      );
    const prefixes = items(rule.prefix, ctx, variable).map(stringOfItem);
    if (prefixes.length === 0) return [];
    const sep = rule.separator ?? '';
    return eachValue((v) =>
      prefixes.some((p) => v.startsWith(`${p}${sep}`)) ? null : `${quote(v)} should begin with "${prefixes[0]}${sep}"`,
    )(rule, ctx, variable, env);
  },

  date_order: (rule, ctx, variable, env) => {
    const less = dates(rule.less, ctx, variable, env);
    const more = dates(rule.more, ctx, variable, env);
    for (const l of less)
      for (const m of more)
        if (l > m) {
          const after = rule.more === null ? 'today' : `${fieldOf(rule.more as Expr)} ${m}`; // more is an Expr unless null (NOW)
          return [{ item: null, field: rule.less ? fieldOf(rule.less) : '', hint: `${l} is after ${after}` }];
        }
    return [];
  },

  date_now: (rule, ctx, variable, env) =>
    nodeSet(rule.date as Expr, ctx, variable).flatMap((item) => {
      // `date` is set for date_now by the generator
      const v = stringOfItem(item);
      const day = dayOf(v);
      const at = Date.parse(v);
      const future = v.length > 10 && !Number.isNaN(at) ? at > Date.parse(env.now) : day !== null && day > env.today;
      return future ? [{ item, field: '', hint: `${v} is in the future` }] : [];
    }),

  time_limit: (rule, ctx, variable, env) => {
    const [start] = dates(rule.start, ctx, variable, env);
    const [end] = dates(rule.end, ctx, variable, env);
    if (!start || !end) return [];
    const days = daysBetween(start, end);
    // "Must not be longer than one year": 365 days from start to end (a leap year's 1 Jan – 31 Dec is 365).
    return days > 365
      ? [{ item: null, field: rule.end ? fieldOf(rule.end) : '', hint: `${start} to ${end} is ${days} days, more than a year` }]
      : [];
  },

  between_dates: (rule, ctx, variable, env) => {
    const [start] = dates(rule.start, ctx, variable, env);
    const [end] = dates(rule.end, ctx, variable, env);
    if (!start || !end) return [];
    return nodeSet(rule.date as Expr, ctx, variable).flatMap((item) => {
      // `date` is set for between_dates by the generator
      const day = dayOf(stringOfItem(item));
      return day && (day < start || day > end) ? [{ item, field: '', hint: `${day} is outside ${start} to ${end}` }] : [];
    });
  },

  if_then: (rule, ctx, variable) => {
    if (!rule.if || !toBoolean(evaluate(rule.if, ctx, variable))) return [];
    if (rule.then && toBoolean(evaluate(rule.then, ctx, variable))) return [];
    return [{ item: null, field: firstField(rule), hint: `check ${(rule.paths ?? []).map(fieldOf).join(', ')}` }];
  },

  one_or_all: (rule, ctx, variable) => {
    if (!rule.one || !rule.each || !rule.need) return [];
    if (toBoolean(evaluate(rule.one, ctx, variable))) return [];
    const need = rule.need;
    const each = nodeSet(rule.each, ctx, variable);
    const missing = each.filter((item) => !('node' in item) || !toBoolean(evaluate(need, item, variable)));
    if (missing.length === 0 || (rule.onlyWhenSome && missing.length === each.length)) return [];
    return [
      { item: missing[0] ?? null, field: '', hint: `set ${fieldOf(rule.one)} or ${fieldOf(rule.need)} on every ${fieldOf(rule.each)}` },
    ];
  },
};
