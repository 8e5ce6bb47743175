/**
 * Builds src/domain/reference/data/iati-rulesets.ts — the IATI Standard's ruleset
 * (rulesets/standard.json) and codelist mapping (codelists/mapping.xml), with every XPath parsed
 * (src/domain/iati/rulesets/paths.ts), so that Mitra checks programs without reading ../shared.
 *
 *   npm run iati-rulesets                 # reads ../shared/reference, writes the table
 *   npm run iati-rulesets -- --check      # fails when the committed table is stale (run by the tests)
 *   npm run iati-rulesets -- --from DIR   # reads another copy of the same files
 *   npm run iati-rulesets -- --out DIR    # writes elsewhere (the reference freshness test compares)
 *
 * A case this script cannot translate is written to IATI_UNTRANSLATED_RULES with the reason.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parseXPath, XPathError, type Expr } from '../src/domain/iati/rulesets/paths.js';
import type {
  IatiCodelistCheck,
  IatiCodelistCodes,
  IatiRule,
  IatiRuleInfo,
  IatiRuleKind,
  IatiUntranslatedRule,
} from '../src/domain/iati/rulesets/types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fromIndex = process.argv.indexOf('--from');
const sourceDir = resolve(fromIndex > 0 ? (process.argv[fromIndex + 1] ?? '') : join(here, '../../shared/reference'));
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1] ?? '.') : join(here, '../src/domain/reference/data');
const outFile = join(outDir, 'iati-rulesets.ts');
const iatiDir = join(sourceDir, 'iati');

/** Source commits, from shared/reference/iati/PROVENANCE.md. */
const RULESETS_COMMIT = 'IATI/IATI-Rulesets@a88f835ba9a85eefb1384484eb20df10a007a31a (version-2.03)';
const CODELISTS_COMMIT = 'IATI/IATI-Codelists@75e827bacd29f77356cb43defbc0b655705432f3 (version-2.03)';

const KINDS: readonly IatiRuleKind[] = [
  'unique',
  'startswith',
  'atleast_one',
  'one_or_all',
  'date_order',
  'if_then',
  'regex_matches',
  'no_spaces',
  'time_limit',
  'no_more_than_one',
  'date_now',
  'strict_sum',
  'range',
  'between_dates',
];

/**
 * one_or_all names, in `all`, what must be on every element when `one` is absent from the
 * context (IATI-Rulesets SPEC.rst: "one must be present or all of the others must be"): the
 * language on every narrative, the currency on every value, a sector on every transaction — the
 * last only once some transaction has one (rule 6.7.2: "If sector is declared at transaction
 * level, ..."; an activity with no sector anywhere breaks 6.2.2 instead).
 */
const ONE_OR_ALL: Record<string, { each: string; need: string; onlyWhenSome?: boolean }> = {
  lang: { each: './/narrative', need: '@xml:lang' },
  currency: { each: './/value', need: '@currency' },
  sector: { each: 'transaction', need: 'sector', onlyWhenSome: true },
};

/**
 * A case as standard.json writes it. The casts below read shapes fixed by rulesets/schema.json and
 * codelist.xsd; a field of the wrong type fails in xp()/paths() as an untranslated case.
 */
type Case = Record<string, unknown> & { ruleInfo?: Record<string, unknown> };

class Untranslatable extends Error {}

function infoOf(raw: Case['ruleInfo']): IatiRuleInfo {
  if (!raw) throw new Untranslatable('the case has no ruleInfo');
  const link = raw.link as { url?: string; path?: string } | undefined;
  const severity = String(raw.severity);
  return {
    id: String(raw.id),
    // The ruleset schema allows "critical": Mitra has errors, warnings and notes only.
    severity: severity === 'warning' ? 'warning' : severity === 'info' ? 'info' : 'error',
    category: String(raw.category),
    message: String(raw.message),
    link: link?.url ?? (link?.path ? `https://iatistandard.org/en/iati-standard/203/${link.path}` : null),
  };
}

function xp(value: unknown, field: string): Expr {
  if (typeof value !== 'string') throw new Untranslatable(`"${field}" is not a string`);
  return parseXPath(value);
}

function paths(value: unknown): Expr[] {
  if (!Array.isArray(value)) throw new Untranslatable('"paths" is not a list');
  return value.map((p) => xp(p, 'paths'));
}

function translateCase(kind: IatiRuleKind, context: Expr, c: Case, foreach?: Expr): IatiRule {
  const base = {
    kind,
    info: infoOf(c.ruleInfo),
    context,
    ...(c.condition ? { condition: xp(c.condition, 'condition') } : {}),
    ...(foreach ? { foreach } : {}),
    ...(c.idCondition ? { unlessOrgId: true } : {}),
  };
  switch (kind) {
    case 'atleast_one':
    case 'no_more_than_one':
    case 'no_spaces':
    case 'unique':
      return { ...base, paths: paths(c.paths) };
    case 'regex_matches':
      return { ...base, paths: paths(c.paths), regex: String(c.regex) };
    case 'range':
      return { ...base, paths: paths(c.paths), min: Number(c.min), max: Number(c.max) };
    case 'strict_sum':
      return { ...base, paths: paths(c.paths), sum: Number(c.sum) };
    case 'startswith': {
      const prefixes = (c.prefix as unknown[]) ?? [];
      if (prefixes.includes('ORG-ID-PREFIX'))
        return { ...base, paths: paths(c.paths), orgIdPrefix: true, separator: String(c.separator ?? '') };
      return { ...base, paths: paths(c.paths), prefix: prefixes.map((p) => xp(p, 'prefix')), separator: String(c.separator ?? '') };
    }
    case 'date_order':
      return {
        ...base,
        less: c.less === 'NOW' ? null : xp(c.less, 'less'),
        more: c.more === 'NOW' ? null : xp(c.more, 'more'),
      };
    case 'date_now':
      return { ...base, date: xp(c.date, 'date') };
    case 'time_limit':
      return { ...base, start: xp(c.start, 'start'), end: xp(c.end, 'end') };
    case 'between_dates':
      return { ...base, date: xp(c.date, 'date'), start: xp(c.start, 'start'), end: xp(c.end, 'end') };
    case 'if_then':
      return { ...base, if: xp(c.if, 'if'), then: xp(c.then, 'then'), ...(c.paths ? { paths: paths(c.paths) } : {}) };
    case 'one_or_all': {
      const all = ONE_OR_ALL[String(c.all)];
      if (!all) throw new Untranslatable(`one_or_all "all": "${String(c.all)}" has no known meaning`);
      return {
        ...base,
        one: xp(c.one, 'one'),
        each: parseXPath(all.each),
        need: parseXPath(all.need),
        ...(all.onlyWhenSome ? { onlyWhenSome: true } : {}),
      };
    }
  }
}

function buildRules(): { rules: IatiRule[]; untranslated: IatiUntranslatedRule[] } {
  const standard = JSON.parse(readFileSync(join(iatiDir, 'rulesets/standard.json'), 'utf8')) as Record<
    string,
    Record<string, { cases: Case[] }>
  >;
  const rules: IatiRule[] = [];
  const untranslated: IatiUntranslatedRule[] = [];
  const attempt = (kind: string, contextText: string, c: Case, foreach?: Expr) => {
    try {
      if (!KINDS.includes(kind as IatiRuleKind)) throw new Untranslatable(`rule kind "${kind}" is not implemented`);
      rules.push(translateCase(kind as IatiRuleKind, parseXPath(contextText), c, foreach));
    } catch (error) {
      if (!(error instanceof Untranslatable) && !(error instanceof XPathError)) throw error;
      untranslated.push({ id: String(c.ruleInfo?.id ?? '?'), kind, context: contextText, reason: (error as Error).message });
    }
  };
  for (const [contextText, kinds] of Object.entries(standard)) {
    for (const [kind, { cases }] of Object.entries(kinds)) {
      for (const c of cases) {
        if (kind !== 'loop') {
          attempt(kind, contextText, c);
          continue;
        }
        const foreach = parseXPath(String(c.foreach));
        for (const [innerKind, inner] of Object.entries(c.do as Record<string, { cases: Case[] }>))
          for (const innerCase of inner.cases) attempt(innerKind, contextText, innerCase, foreach);
      }
    }
  }
  return { rules, untranslated };
}

// parseTagValue off: the code 8.10 (an SDG target) is a string, not the number 8.1.
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === 'mapping' || name === 'codelist-item',
});

function codelistFile(name: string): string | null {
  for (const folder of ['embedded', 'non-embedded']) {
    const file = join(iatiDir, 'codelists', folder, `${name}.xml`);
    if (existsSync(file)) return file;
  }
  return null;
}

function readCodelist(name: string): { complete: boolean; codes: IatiCodelistCodes } | null {
  const file = codelistFile(name);
  if (!file) return null;
  const xml = parser.parse(readFileSync(file, 'utf8')) as { codelist: Record<string, unknown> };
  const items = ((xml.codelist['codelist-items'] as Record<string, unknown>)['codelist-item'] ?? []) as Record<string, unknown>[];
  const active: string[] = [];
  const withdrawn: string[] = [];
  for (const item of items) {
    const code = String(item.code).trim();
    if (/\s/.test(code)) throw new Error(`${file}: code "${code}" has a space`);
    (item['@_status'] === 'withdrawn' ? withdrawn : active).push(code);
  }
  return { complete: xml.codelist['@_complete'] === '1', codes: { codes: active.join(' '), withdrawn: withdrawn.join(' ') } };
}

function buildCodelistChecks() {
  const xml = parser.parse(readFileSync(join(iatiDir, 'codelists/mapping.xml'), 'utf8')) as {
    mappings: { mapping: { path: string; codelist: { '@_ref': string }; condition?: string }[] };
  };
  const checks: IatiCodelistCheck[] = [];
  const codes: Record<string, IatiCodelistCodes> = {};
  const open: string[] = [];
  const missing: string[] = [];
  for (const m of xml.mappings.mapping) {
    const name = m.codelist['@_ref'];
    const list = codes[name] ? { complete: true, codes: codes[name] } : readCodelist(name);
    if (!list) {
      if (!missing.includes(name)) missing.push(name);
      continue;
    }
    // An open codelist (complete="0") allows codes outside it: nothing to check.
    if (!list.complete) {
      if (!open.includes(name)) open.push(name);
      continue;
    }
    codes[name] = list.codes;
    checks.push({
      codelist: name,
      path: parseXPath(m.path),
      ...(m.condition ? { condition: parseXPath(m.condition) } : {}),
      xpath: m.path,
    });
  }
  return { checks, codes, open, missing };
}

/** Registered organisation-identifier prefixes (OrganisationRegistrationAgency), for idCondition and ORG-ID-PREFIX. */
function orgIdPrefixes(): string[] {
  const list = readCodelist('OrganisationRegistrationAgency');
  if (!list) throw new Error('codelists/non-embedded/OrganisationRegistrationAgency.xml is missing');
  return [...list.codes.codes.split(' '), ...list.codes.withdrawn.split(' ')].filter(Boolean).sort();
}

/** One rule per line, so that a changed source case is a one-line diff. */
const lines = (items: readonly unknown[]) => `[\n${items.map((i) => `  ${JSON.stringify(i)},\n`).join('')}]`;

function render(): { text: string; translated: number; untranslated: IatiUntranslatedRule[]; codelistChecks: number } {
  const { rules, untranslated } = buildRules();
  const { checks, codes, open, missing } = buildCodelistChecks();
  const text =
    `// Generated by scripts/build-iati-rulesets.ts from shared/reference/iati: do not edit by hand.\n` +
    `// Source: IATI Standard (http://iatistandard.org/), CC BY 4.0 — rulesets/standard.json from ${RULESETS_COMMIT},\n` +
    `// codelists/mapping.xml and codelists from ${CODELISTS_COMMIT}.\n` +
    `import type { IatiCodelistCheck, IatiCodelistCodes, IatiRule, IatiUntranslatedRule } from '../../iati/rulesets/types.js';\n\n` +
    `/** The ruleset's cases (a loop's inner cases carry \`foreach\`), XPaths parsed. */\n` +
    `export const IATI_RULES: readonly IatiRule[] = ${lines(rules)};\n\n` +
    `/** Cases the script could not translate, with the reason. */\n` +
    `export const IATI_UNTRANSLATED_RULES: readonly IatiUntranslatedRule[] = ${lines(untranslated)};\n\n` +
    `/** Codelist checks of mapping.xml whose codelist is complete (closed). */\n` +
    `export const IATI_CODELIST_CHECKS: readonly IatiCodelistCheck[] = ${lines(checks)};\n\n` +
    `/** Open codelists (complete="0": other codes allowed), not checked: ${open.join(', ') || 'none'}. Missing from shared/reference: ${missing.join(', ') || 'none'}. */\n` +
    `export const IATI_CODELIST_CODES: Readonly<Record<string, IatiCodelistCodes>> = {\n${Object.entries(codes)
      .map(([name, c]) => `  ${JSON.stringify(name)}: ${JSON.stringify(c)},\n`)
      .join('')}};\n\n` +
    `/** OrganisationRegistrationAgency codes: an organisation identifier begins with one of these and "-". */\n` +
    `export const IATI_ORG_ID_PREFIXES: readonly string[] = ${JSON.stringify(orgIdPrefixes())};\n`;
  return { text, translated: rules.length, untranslated, codelistChecks: checks.length };
}

const { text, translated, untranslated, codelistChecks } = render();
if (process.argv.includes('--check')) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error(`${outFile} is stale: run npm run iati-rulesets`);
    process.exit(1);
  }
  console.log(`${outFile} is up to date`);
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${outFile} (${text.length} bytes)`);
}
console.log(`rules translated: ${translated}, untranslated: ${untranslated.length}; codelist checks: ${codelistChecks}`);
for (const u of untranslated) console.log(`  untranslated ${u.id} (${u.kind}, ${u.context}): ${u.reason}`);
