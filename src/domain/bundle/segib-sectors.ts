/**
 * SEGIB's sector areas and activity sectors, and how Mitra's DAC purpose codes and flagship
 * areas map onto them (docs/segib.md).
 *
 * SEGIB's "Report on South-South and Triangular Cooperation in Ibero-America" classifies each
 * initiative in one activity sector, grouped in areas (Social; Economic: infrastructure and
 * services; Economic: productive sectors; Institutional strengthening; Environment; Other
 * areas). The classification was built from the OECD DAC/CRS sectors, so the DAC 3-digit
 * sector (or a 5-digit code where SEGIB separates it, e.g. 16020 employment) gives the SEGIB
 * sector. The table below is Mitra's reading of that correspondence, not a table SEGIB
 * publishes: the coordination team checks it against the SIDICSS form when it reports.
 */
import type { FlagshipArea } from '../codes.js';
import type { Program } from '../program/program.js';

export const SEGIB_AREAS = {
  social: 'Social',
  infrastructure: 'Economic: infrastructure and services',
  productive: 'Economic: productive sectors',
  institutional: 'Institutional strengthening',
  environment: 'Environment',
  other: 'Other areas',
} as const;
export type SegibArea = keyof typeof SEGIB_AREAS;

/** SEGIB's activity sectors with their area. */
export const SEGIB_SECTORS = {
  education: { area: 'social', name: 'Education' },
  health: { area: 'social', name: 'Health' },
  reproductive_health: { area: 'social', name: 'Population and reproductive health' },
  water: { area: 'social', name: 'Water supply and sanitation' },
  social_services: { area: 'social', name: 'Other services and social policies' },
  energy: { area: 'infrastructure', name: 'Energy' },
  transport: { area: 'infrastructure', name: 'Transport and storage' },
  communications: { area: 'infrastructure', name: 'Communications' },
  science: { area: 'infrastructure', name: 'Science and technology' },
  banking: { area: 'infrastructure', name: 'Banking and finance' },
  employment: { area: 'infrastructure', name: 'Employment' },
  enterprises: { area: 'infrastructure', name: 'Enterprises' },
  extractive: { area: 'productive', name: 'Extractive' },
  agriculture: { area: 'productive', name: 'Agriculture and livestock' },
  forestry: { area: 'productive', name: 'Forestry' },
  fisheries: { area: 'productive', name: 'Fisheries' },
  construction: { area: 'productive', name: 'Construction' },
  industry: { area: 'productive', name: 'Industry' },
  tourism: { area: 'productive', name: 'Tourism' },
  trade: { area: 'productive', name: 'Trade' },
  institutions: { area: 'institutional', name: 'Strengthening institutions and public policies' },
  justice: { area: 'institutional', name: 'Legal and judicial development and human rights' },
  participation: { area: 'institutional', name: 'Political participation and civil society' },
  peace: { area: 'institutional', name: 'Peace, public and national security and defence' },
  environment: { area: 'environment', name: 'Environment' },
  disasters: { area: 'environment', name: 'Disaster management' },
  culture: { area: 'other', name: 'Culture' },
  gender: { area: 'other', name: 'Gender' },
  other: { area: 'other', name: 'Other' },
} as const satisfies Record<string, { area: SegibArea; name: string }>;
export type SegibSector = keyof typeof SEGIB_SECTORS;

/** 5-digit DAC purpose codes SEGIB files apart from the rest of their 3-digit sector. */
const BY_PURPOSE: Readonly<Record<string, SegibSector>> = {
  '15130': 'justice',
  '15160': 'justice',
  '15150': 'participation',
  '15151': 'participation',
  '15152': 'participation',
  '15153': 'participation',
  '15170': 'gender',
  '15180': 'gender',
  '16020': 'employment',
  '16061': 'culture',
  '16062': 'institutions',
  '16063': 'peace',
  '43060': 'disasters',
  '43071': 'agriculture',
  '43072': 'agriculture',
  '43073': 'agriculture',
  '43082': 'science',
};

/** DAC 3-digit sectors (CRS "sector" level). */
const BY_SECTOR: Readonly<Record<string, SegibSector>> = {
  '111': 'education',
  '112': 'education',
  '113': 'education',
  '114': 'education',
  '121': 'health',
  '122': 'health',
  '123': 'health',
  '130': 'reproductive_health',
  '140': 'water',
  '151': 'institutions',
  '152': 'peace',
  '160': 'social_services',
  '210': 'transport',
  '220': 'communications',
  '230': 'energy',
  '231': 'energy',
  '232': 'energy',
  '233': 'energy',
  '234': 'energy',
  '235': 'energy',
  '236': 'energy',
  '240': 'banking',
  '250': 'enterprises',
  '311': 'agriculture',
  '312': 'forestry',
  '313': 'fisheries',
  '321': 'industry',
  '322': 'extractive',
  '323': 'construction',
  '331': 'trade',
  '332': 'tourism',
  '410': 'environment',
  '430': 'other',
  '720': 'disasters',
  '730': 'disasters',
  '740': 'disasters',
};

/**
 * Flagship areas that name one SEGIB sector, for programs with no DAC code. Infrastructure
 * (transport, energy or communications?), microfinance and SMEs (banking or enterprises?) and
 * "other" name none: those programs go to the checklist.
 */
const BY_FLAGSHIP: Readonly<Partial<Record<FlagshipArea, SegibSector>>> = {
  'DEV-POV': 'social_services',
  'DEV-AGR': 'agriculture',
  'DEV-DRM': 'disasters',
  'DEV-EDU': 'education',
  'GOV-DEM': 'participation',
  'GOV-PEACE': 'peace',
  'GOV-CONF': 'peace',
  'GOV-LAW': 'justice',
  'GOV-LOCAL': 'institutions',
  'ECO-MACRO': 'institutions',
  'ECO-PUBFIN': 'institutions',
};

export interface SegibSectorChoice {
  readonly sector: SegibSector;
  readonly areaName: string;
  readonly sectorName: string;
  /** The DAC code it was read from, or null when it came from the flagship area. */
  readonly dacCode: string | null;
  readonly source: 'DAC purpose code' | 'Flagship area';
}

/** The DAC code with the largest share: 5-digit purpose codes (vocabulary 1) first, else 3-digit sectors (vocabulary 2). */
function mainDacCode(sectors: Program['sectors']): string | null {
  for (const vocabulary of ['1', '2']) {
    let best: { code: string; share: number } | null = null;
    for (const s of sectors) {
      if (s.vocabulary !== vocabulary) continue;
      const share = s.percentage ?? 0;
      if (!best || share > best.share) best = { code: s.code, share };
    }
    if (best) return best.code;
  }
  return null;
}

function choice(sector: SegibSector, dacCode: string | null): SegibSectorChoice {
  const s = SEGIB_SECTORS[sector];
  return {
    sector,
    areaName: SEGIB_AREAS[s.area],
    sectorName: s.name,
    dacCode,
    source: dacCode === null ? 'Flagship area' : 'DAC purpose code',
  };
}

/** The program's SEGIB activity sector, from its main DAC code, else its flagship area; null when neither names one. */
export function segibSectorOf(p: Pick<Program, 'sectors' | 'flagshipArea'>): SegibSectorChoice | null {
  const code = mainDacCode(p.sectors);
  const fromCode = code === null ? undefined : (BY_PURPOSE[code] ?? BY_SECTOR[code.slice(0, 3)]);
  if (code !== null && fromCode) return choice(fromCode, code);
  const fromArea = p.flagshipArea ? BY_FLAGSHIP[p.flagshipArea] : undefined;
  return fromArea ? choice(fromArea, null) : null;
}
