/**
 * The IATI Standard's rules in the form scripts/build-iati-rulesets.ts writes them
 * (src/domain/reference/data/iati-rulesets.ts): every XPath already parsed (paths.ts).
 */
import type { Expr } from './paths.js';

export type IatiSeverity = 'error' | 'warning' | 'info';

export type IatiRuleKind =
  | 'unique'
  | 'startswith'
  | 'atleast_one'
  | 'one_or_all'
  | 'date_order'
  | 'if_then'
  | 'regex_matches'
  | 'no_spaces'
  | 'time_limit'
  | 'no_more_than_one'
  | 'date_now'
  | 'strict_sum'
  | 'range'
  | 'between_dates';

export interface IatiRuleInfo {
  readonly id: string;
  readonly severity: IatiSeverity;
  readonly category: string;
  readonly message: string;
  readonly link: string | null;
}

/** One case of standard.json; the fields a kind uses are set, the others absent. */
export interface IatiRule {
  readonly kind: IatiRuleKind;
  readonly info: IatiRuleInfo;
  /** Absolute path of the elements the rule is checked on (e.g. /iati-activities/iati-activity/budget). */
  readonly context: Expr;
  readonly condition?: Expr;
  /** A `loop` case: the rule runs once per distinct value of this path, bound to '$1'. */
  readonly foreach?: Expr;
  /** Which idCondition applies: the rule only checks values that do not begin with a known org-id prefix. */
  readonly unlessOrgId?: boolean;
  readonly paths?: readonly Expr[];
  readonly regex?: string;
  readonly min?: number;
  readonly max?: number;
  readonly sum?: number;
  /** startswith: the values the paths must begin with; `orgIdPrefix`: any registered org-id prefix. */
  readonly prefix?: readonly Expr[];
  readonly orgIdPrefix?: boolean;
  readonly separator?: string;
  /** date_order: `null` stands for NOW (the checking time). */
  readonly less?: Expr | null;
  readonly more?: Expr | null;
  readonly date?: Expr;
  readonly start?: Expr;
  readonly end?: Expr;
  readonly if?: Expr;
  readonly then?: Expr;
  /** one_or_all: `one` on the context, or every `each` has `need`. */
  readonly one?: Expr;
  readonly each?: Expr;
  readonly need?: Expr;
  /** one_or_all: checked only when some `each` has `need`. */
  readonly onlyWhenSome?: boolean;
}

export interface IatiUntranslatedRule {
  readonly id: string;
  readonly kind: string;
  readonly context: string;
  readonly reason: string;
}

/** A codelist check from codelists/mapping.xml: the values at `path` (when `condition` holds on their element) are codes of `codelist`. */
export interface IatiCodelistCheck {
  readonly codelist: string;
  readonly path: Expr;
  readonly condition?: Expr;
  /** The mapping's XPath, for messages. */
  readonly xpath: string;
}

export interface IatiCodelistCodes {
  /** Space-separated active codes. */
  readonly codes: string;
  /** Space-separated withdrawn codes (a warning when used). */
  readonly withdrawn: string;
}
