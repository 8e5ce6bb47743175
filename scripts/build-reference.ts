/**
 * Builds the project's own reference tables (src/domain/reference/data/*.ts) from the shared
 * reference files, so that Mitra never reads ../shared at run time.
 *
 *   npm run reference                 # reads ../shared/reference
 *   npm run reference -- --from DIR   # reads another copy of the same files
 *   npm run reference -- --out DIR    # writes elsewhere (the freshness test compares)
 *
 * Sources and licences are listed in docs/reference-data.md. The output is committed; rerun
 * this script when a source file changes and review the diff like code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parseCsvText } from '../src/io/csv-parse.js';
import { DISPLAY_EN, DISPLAY_ID, EXTRA_ALIASES, REMOVED_ALIASES } from './reference-overrides.js';
import type {
  CodelistItem,
  CountryRecord,
  GroupRecord,
  MembershipRecord,
  ReportRegion,
  SdgGoalRecord,
  SdgTargetRecord,
} from '../src/domain/reference/types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fromIndex = process.argv.indexOf('--from');
const sourceDir = resolve(fromIndex > 0 ? (process.argv[fromIndex + 1] ?? '') : join(here, '../../shared/reference'));
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1] ?? '.') : join(here, '../src/domain/reference/data');

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  const [header, ...records] = parseCsvText(readFileSync(join(sourceDir, file), 'utf8'));
  if (!header) throw new Error(`${file} is empty`);
  return records.map((r) => Object.fromEntries(header.fields.map((h, i) => [h, r.fields[i] ?? ''])));
}

function blank(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

const REGION_BY_KSST: Record<string, ReportRegion> = {
  ASIA: 'asia',
  OCEANIA: 'oceania',
  AFRICA: 'africa',
  AMERICAS: 'americas',
  EUROPE: 'europe',
};

function unStatus(value: string): CountryRecord['unStatus'] {
  if (value === 'UN member state') return 'member';
  if (value === 'UN non-member observer state') return 'observer';
  if (value === 'not a UN member') return 'non_member';
  if (value.startsWith('dependent')) return 'territory';
  return 'special';
}

function buildCountries(): CountryRecord[] {
  return readCsv('countries.csv').map((r) => {
    const iso2 = r.iso2 as string;
    const nameEn = DISPLAY_EN[iso2] ?? (r.name_en as string);
    const nameId = DISPLAY_ID[iso2] ?? (r.name_id as string);
    const candidates = [r.name_en, ...(r.name_en_alt ?? '').split('|'), r.name_id, r.name_un_m49, ...(EXTRA_ALIASES[iso2] ?? [])];
    const removed = new Set(REMOVED_ALIASES[iso2] ?? []);
    const aliases = [...new Set(candidates.filter((n): n is string => !!n && n !== nameEn && n !== nameId && !removed.has(n)))];
    const ksst = r.ksst_region ?? '';
    return {
      iso2,
      iso3: r.iso3 as string,
      numeric: r.iso_numeric as string,
      nameEn,
      nameId,
      aliases,
      m49RegionCode: blank(r.m49_region_code),
      m49SubregionCode: blank(r.m49_subregion_code),
      m49SubregionName: blank(r.m49_subregion),
      m49IntermediateCode: blank(r.m49_intermediate_code),
      region: REGION_BY_KSST[ksst] ?? null,
      unStatus: unStatus(r.un_status ?? ''),
      developing: r.m49_2021_development === '' ? null : r.m49_2021_development === 'Developing',
    };
  });
}

function buildGroups(): { groups: GroupRecord[]; memberships: MembershipRecord[] } {
  const groups = readCsv('groups.csv').map((r) => ({
    code: r.group,
    nameEn: r.name_en,
    nameId: r.name_id,
    kind: r.kind,
  })) as GroupRecord[];
  const memberships = readCsv('groupings.csv').map((r) => ({
    group: r.group,
    iso2: r.iso2,
    status: r.status,
    since: blank(r.since),
    until: blank(r.until),
  })) as MembershipRecord[];
  return { groups, memberships };
}

function buildSdgs(): { goals: SdgGoalRecord[]; targets: SdgTargetRecord[] } {
  const goals = readCsv('sdg-goals.csv').map((r) => ({
    goal: Number(r.goal),
    shortEn: r.short_en as string,
    titleEn: r.title_en as string,
    shortId: r.short_id as string,
    titleId: r.title_id as string,
    colorHex: r.color_hex as string,
  }));
  const targets = readCsv('sdg-targets.csv').map((r) => ({
    target: r.target as string,
    goal: Number(r.goal),
    titleEn: r.title_en as string,
  }));
  return { goals, targets };
}

/** The IATI codelists the data model and the IATI mapping use. */
const CODELISTS: Record<string, string> = {
  ActivityStatus: 'embedded/ActivityStatus.xml',
  ActivityDateType: 'embedded/ActivityDateType.xml',
  BudgetType: 'embedded/BudgetType.xml',
  BudgetStatus: 'embedded/BudgetStatus.xml',
  OrganisationRole: 'embedded/OrganisationRole.xml',
  TransactionType: 'embedded/TransactionType.xml',
  AidType: 'non-embedded/AidType.xml',
  CollaborationType: 'non-embedded/CollaborationType.xml',
  Currency: 'non-embedded/Currency.xml',
  FinanceType: 'non-embedded/FinanceType.xml',
  FlowType: 'non-embedded/FlowType.xml',
  IndicatorMeasure: 'non-embedded/IndicatorMeasure.xml',
  OrganisationType: 'non-embedded/OrganisationType.xml',
  Sector: 'non-embedded/Sector.xml',
  SectorCategory: 'non-embedded/SectorCategory.xml',
  SectorVocabulary: 'non-embedded/SectorVocabulary.xml',
  TagVocabulary: 'non-embedded/TagVocabulary.xml',
};

function narrativeText(node: unknown): string {
  const list = Array.isArray(node) ? node : [node];
  for (const n of list) {
    if (typeof n === 'string') return n.trim();
    if (n && typeof n === 'object' && !('@_xml:lang' in n)) return String((n as Record<string, unknown>)['#text'] ?? '').trim();
  }
  return '';
}

function buildCodelists(): Record<string, CodelistItem[]> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    processEntities: true,
    isArray: (name) => name === 'codelist-item' || name === 'narrative',
  });
  const result: Record<string, CodelistItem[]> = {};
  for (const [name, path] of Object.entries(CODELISTS)) {
    const xml = parser.parse(readFileSync(join(sourceDir, 'iati/codelists', path), 'utf8'));
    const items = xml.codelist['codelist-items']['codelist-item'] as Array<Record<string, unknown>>;
    result[name] = items.map((item) => ({
      code: String(item.code),
      name: narrativeText((item.name as Record<string, unknown>).narrative),
      active: item['@_status'] !== 'withdrawn',
    }));
  }
  return result;
}

function writeModule(file: string, header: string, body: string): void {
  const text = `// Generated by scripts/build-reference.ts from shared/reference: do not edit by hand.\n// ${header}\n${body}`;
  writeFileSync(join(outDir, file), text);
  console.log(`wrote ${join(outDir, file)} (${text.length} bytes)`);
}

/** One array element per line, so that a changed source row is a one-line diff. */
function json(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${indent}  ${JSON.stringify(v)},\n`).join('')}${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${indent}  ${k}: ${json(v, `${indent}  `)},\n`);
    return `{\n${entries.join('')}${indent}}`;
  }
  return JSON.stringify(value);
}

const countries = buildCountries();
writeModule(
  'countries.ts',
  'Sources: UN M49 (UNSD), i18n-iso-countries 7.14.0 (MIT), datahub country-codes (PDDL); see docs/reference-data.md.',
  `import type { CountryRecord } from '../types.js';\n\nexport const COUNTRY_RECORDS: readonly CountryRecord[] = ${json(countries)};\n`,
);

const { groups, memberships } = buildGroups();
writeModule(
  'groupings.ts',
  'Sources: UN M49 flags, CIA World Factbook and the pages listed in docs/reference-data.md.',
  `import type { GroupRecord, MembershipRecord } from '../types.js';\n\n` +
    `export const GROUP_RECORDS: readonly GroupRecord[] = ${json(groups)};\n\n` +
    `export const MEMBERSHIP_RECORDS: readonly MembershipRecord[] = ${json(memberships)};\n`,
);

const { goals, targets } = buildSdgs();
writeModule(
  'sdgs.ts',
  'Sources: IATI UNSDG codelists (CC BY 4.0), open-sdg translations (MIT), Bappenas goal names (Perpres 59/2017).',
  `import type { SdgGoalRecord, SdgTargetRecord } from '../types.js';\n\n` +
    `export const SDG_GOAL_RECORDS: readonly SdgGoalRecord[] = ${json(goals)};\n\n` +
    `export const SDG_TARGET_RECORDS: readonly SdgTargetRecord[] = ${json(targets)};\n`,
);

const codelists = buildCodelists();
writeModule(
  'iati-codelists.ts',
  'Source: IATI Standard codelists 2.03 (http://iatistandard.org/), CC BY 4.0.',
  `import type { CodelistItem } from '../types.js';\n\n` +
    `export type IatiCodelistName =\n${Object.keys(codelists)
      .map((n) => `  | '${n}'`)
      .join('\n')};\n\n` +
    `export const IATI_CODELISTS: Record<IatiCodelistName, readonly CodelistItem[]> = ${json(codelists)};\n`,
);

/**
 * Dots for the world map: countries absent at 1:110m or 1:50m get a point, so that
 * every recipient — Samoa, Tonga, Kiribati, Tuvalu — is visible and clickable. From
 * world-atlas/country-points.csv (largest land mass of each 1:10m feature); Tokelau has no
 * feature at any scale, so its point (Fakaofo atoll) is added by hand.
 */
function buildMapPoints(): [string, number, number][] {
  const byNumeric = new Map(countries.map((c) => [c.numeric, c.iso2]));
  const points: [string, number, number][] = [];
  for (const r of readCsv('world-atlas/country-points.csv')) {
    const iso2 = byNumeric.get(r.iso_numeric ?? '');
    if (!iso2 || (r.in_110m === '1' && r.in_50m === '1')) continue;
    points.push([iso2, Number(r.lon), Number(r.lat)]);
  }
  points.push(['TK', -171.25, -9.2]);
  return points.sort((a, b) => a[0].localeCompare(b[0]));
}

// In the domain (not web/), so the web map and the server's PDF map draw the same dots.
const mapPoints = buildMapPoints();
const pointsText = `// Generated by scripts/build-reference.ts from shared/reference/world-atlas: do not edit by hand.
// Source: world-atlas 2.0.2 (ISC, Natural Earth), country-points.csv; Tokelau added by hand.
/** [ISO alpha-2, longitude, latitude] of countries drawn as dots on the world map. */
export const MAP_POINTS: readonly (readonly [string, number, number])[] = ${json(mapPoints)};
`;
writeFileSync(join(outDir, 'map-points.ts'), pointsText);
console.log(`wrote ${join(outDir, 'map-points.ts')} (${mapPoints.length} points)`);
