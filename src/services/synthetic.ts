/**
 * Synthetic but realistic data in the import formats, for benchmarks and demos
 * (`mitra generate`). Deterministic: the same seed gives the same files. Each program is built
 * from its own seeded generator, so program i can be rebuilt without keeping the others in
 * memory (participants are generated after the programs, in a second pass).
 */
import { flagshipAreas, modalities, type FlagshipArea, type Modality } from '../domain/codes.js';
import type { ProgramColumn, ParticipantColumn } from '../domain/import/csv-columns.js';
import { listCountries } from '../domain/reference/countries.js';
import type { ReportRegion } from '../domain/reference/types.js';
import { listSdgTargets } from '../domain/reference/sdgs.js';

export interface SyntheticOptions {
  readonly activities: number;
  readonly participants: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly seed: number;
  /** The current year: earlier programs are closed, this year's are under way, later ones planned. */
  readonly currentYear: number;
}

/** mulberry32: a small, fast, seedable generator (public domain). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The item at `i`, counting round the list again past its end. */
export function cycle<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('no item to take from an empty list');
  return item;
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => cycle(items, Math.floor(rand() * items.length));
const between = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

function weighted<T extends string>(rand: Rand, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][]; // Object.entries types the keys as strings; a Record<T, number> has T keys only
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return cycle(entries, entries.length - 1)[0];
}

const REGION_WEIGHTS: Record<ReportRegion, number> = { asia: 35, oceania: 20, africa: 25, americas: 12, europe: 8 };
const MODALITY_WEIGHTS: Record<Modality, number> = {
  training: 35,
  seminar: 20,
  workshop: 15,
  expert_dispatch: 10,
  internship: 5,
  study_visit: 5,
  equipment_grant: 3,
  scholarship: 3,
  knowledge_sharing: 4,
};

const TOPICS: Record<FlagshipArea, readonly [string, string][]> = {
  'DEV-POV': [
    ['community-based poverty reduction', 'pengentasan kemiskinan berbasis masyarakat'],
    ['village funds management', 'pengelolaan dana desa'],
  ],
  'DEV-AGR': [
    ['rice cultivation', 'budi daya padi'],
    ['aquaculture', 'budi daya perikanan'],
    ['livestock product processing', 'pengolahan hasil peternakan'],
  ],
  'DEV-DRM': [
    ['disaster risk management', 'manajemen risiko bencana'],
    ['tsunami early warning', 'peringatan dini tsunami'],
  ],
  'DEV-INF': [
    ['rural infrastructure', 'infrastruktur perdesaan'],
    ['road maintenance', 'pemeliharaan jalan'],
  ],
  'DEV-EDU': [
    ['vocational education', 'pendidikan vokasi'],
    ['teacher training', 'pelatihan guru'],
  ],
  'GOV-DEM': [
    ['election management', 'manajemen pemilu'],
    ['women and leadership', 'perempuan dan kepemimpinan'],
  ],
  'GOV-PEACE': [
    ['peacekeeping', 'pemeliharaan perdamaian'],
    ['public-order management', 'manajemen ketertiban umum'],
  ],
  'GOV-CONF': [
    ['conflict resolution', 'resolusi konflik'],
    ['interfaith dialogue', 'dialog antaragama'],
  ],
  'GOV-LAW': [
    ['cybercrime investigation', 'penyidikan kejahatan siber'],
    ['counter-terrorism', 'penanggulangan terorisme'],
  ],
  'GOV-LOCAL': [
    ['local government planning', 'perencanaan pemerintah daerah'],
    ['border community development', 'pembangunan masyarakat perbatasan'],
  ],
  'ECO-MACRO': [
    ['macro-economic policy', 'kebijakan ekonomi makro'],
    ['trade policy', 'kebijakan perdagangan'],
  ],
  'ECO-PUBFIN': [
    ['public financial management', 'pengelolaan keuangan negara'],
    ['tax administration', 'administrasi perpajakan'],
  ],
  'ECO-MICRO': [
    ['microfinance', 'keuangan mikro'],
    ['SME empowerment', 'pemberdayaan UKM'],
  ],
  OTHER: [
    ['vaccine management', 'manajemen vaksin'],
    ['maternal health', 'kesehatan ibu'],
  ],
};

const AGENCIES = [
  'Ministry of Foreign Affairs',
  'Ministry of State Secretariat',
  'Ministry of National Development Planning',
  'Ministry of Finance',
  'Ministry of Agriculture',
  'Ministry of Marine Affairs and Fisheries',
  'Ministry of Health',
  'Ministry of Education',
  'Ministry of Public Works and Housing',
  'Ministry of Cooperatives and SMEs',
  'National Disaster Management Authority',
  'Indonesian National Police',
  'General Elections Commission',
  'Ministry of Home Affairs',
  'Ministry of Villages',
];
const PARTNERS = ['JICA', 'ABC', 'AMEXCID', 'AFD', 'USAID', 'IsDB', 'UNDP', 'KOICA'];
const CITIES = [
  'Jakarta',
  'Bandung',
  'Yogyakarta',
  'Surabaya',
  'Banyuwangi',
  'Malang',
  'Denpasar',
  'Makassar',
  'Jayapura',
  'Banda Aceh',
  'Bogor',
  'Tangerang',
];
const GIVEN = [
  'Ahmad',
  'Maria',
  'John',
  'Fatima',
  'Joseph',
  'Grace',
  'Mohamed',
  'Aisha',
  'Peter',
  'Mary',
  'Samuel',
  'Ana',
  'David',
  'Esther',
  'Ali',
  'Ruth',
  'Jose',
  'Amina',
  'Paul',
  'Leila',
];
const FAMILY = [
  'Silva',
  'Mensah',
  'Tuilagi',
  'Rahman',
  'Okafor',
  'Nguyen',
  'Fernandes',
  'Kamara',
  'Soares',
  'Haidari',
  'Banda',
  'Ramos',
  'Tanoa',
  'Ochieng',
  'Diallo',
  'Santos',
  'Kaur',
  'Mwale',
  'Pereira',
  'Sesay',
];
const POSITIONS = [
  'Director',
  'Deputy Director',
  'Head of Division',
  'Senior Officer',
  'Officer',
  'Engineer',
  'Lecturer',
  'Extension Worker',
];
const ORGS = [
  'Ministry of Agriculture',
  'Ministry of Finance',
  'Ministry of Health',
  'Ministry of Planning',
  'National Police',
  'Ministry of Fisheries',
  'Chamber of Commerce',
  'National University',
];

/** UN M49 (2021) calls every European country developed; these are the ODA-eligible ones. */
const EUROPE_RECIPIENTS = ['AL', 'BA', 'BY', 'MD', 'ME', 'MK', 'RS', 'UA', 'XK'];

interface Pools {
  readonly byRegion: Record<ReportRegion, string[]>;
  readonly sdgTargets: string[];
}

let pools: Pools | undefined;
function poolsOf(): Pools {
  if (pools) return pools;
  const byRegion: Record<ReportRegion, string[]> = { asia: [], oceania: [], africa: [], americas: [], europe: [] };
  for (const c of listCountries()) {
    if (c.region && c.developing && (c.unStatus === 'member' || c.unStatus === 'observer') && c.iso2 !== 'ID')
      byRegion[c.region].push(c.iso2);
  }
  byRegion.europe.push(...EUROPE_RECIPIENTS);
  pools = { byRegion, sdgTargets: listSdgTargets().map((t) => t.target) };
  return pools;
}

export interface SyntheticProgram {
  readonly row: Record<ProgramColumn, string>;
  readonly recipients: readonly string[];
  readonly region: ReportRegion;
}

/** How many participant records program i gets (they add up to `participants` exactly). */
export function participantsOf(i: number, o: SyntheticOptions): number {
  return Math.floor(((i + 1) * o.participants) / o.activities) - Math.floor((i * o.participants) / o.activities);
}

export function syntheticProgram(i: number, o: SyntheticOptions): SyntheticProgram {
  const rand = prng(o.seed * 1_000_003 + i);
  const p = poolsOf();
  const years = o.toYear - o.fromYear + 1;
  const year = o.fromYear + (i % years);
  const region = weighted(rand, REGION_WEIGHTS);
  const size = rand() < 0.6 ? 1 : rand() < 0.6 ? between(rand, 2, 5) : between(rand, 6, 15);
  const recipients = new Set<string>();
  const pool = p.byRegion[region];
  while (recipients.size < Math.min(size, pool.length)) recipients.add(pick(rand, pool));
  const modality = weighted(rand, MODALITY_WEIGHTS);
  const area = pick(rand, flagshipAreas.codes);
  const [topicEn, topicId] = pick(rand, TOPICS[area]);
  const triangular = rand() < 0.1;
  const start = new Date(Date.UTC(year, between(rand, 0, 11), between(rand, 1, 28)));
  const end = new Date(start.getTime() + between(rand, 0, 20) * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const recorded = participantsOf(i, o);
  const planned = recorded > 0 ? recorded : between(rand, 10, 40);
  const status = year < o.currentYear ? 'closed' : year === o.currentYear ? 'implementation' : 'pipeline';
  const list = [...recipients];
  const abroad = modality === 'expert_dispatch' || modality === 'equipment_grant';
  const row: Record<ProgramColumn, string> = {
    identifier: `GEN-${year}-${String(i + 1).padStart(7, '0')}`,
    title_en: `${modalities.label(modality, 'en')} on ${topicEn}${list.length > 1 ? ` for ${list.length} countries` : ''}`,
    title_id: `${modalities.label(modality, 'id')} ${topicId}`,
    modality,
    flagship_area: area,
    cooperation_type: triangular ? 'triangular' : list.length > 1 ? 'regional' : 'bilateral',
    status,
    start_date: day(start),
    end_date: day(end),
    location: abroad ? `Capital, ${list[0]}` : pick(rand, CITIES),
    recipient_countries: list.join(';'),
    implementing_agency: pick(rand, AGENCIES),
    funding_source: triangular ? 'mixed' : 'apbn',
    partners: triangular ? pick(rand, PARTNERS) : '',
    budget_amount: String(planned * between(rand, 10_000, 25_000) * 1000),
    budget_currency: 'IDR',
    participants_planned: String(planned),
    sdgs: [pick(rand, p.sdgTargets), ...(rand() < 0.4 ? [pick(rand, p.sdgTargets)] : [])].filter((v, k, a) => a.indexOf(v) === k).join(';'),
    // Left to the import, which reads it from the status (a closed program is completed).
    stage: '',
  };
  return { row, recipients: list, region };
}

/** The participant records of program i. */
export function syntheticParticipants(i: number, o: SyntheticOptions, activity: SyntheticProgram): Record<ParticipantColumn, string>[] {
  const rand = prng(o.seed * 7_919 + i);
  const n = participantsOf(i, o);
  return Array.from({ length: n }, (_, k) => {
    const given = pick(rand, GIVEN);
    const family = pick(rand, FAMILY);
    const female = ['Maria', 'Fatima', 'Grace', 'Aisha', 'Mary', 'Ana', 'Esther', 'Ruth', 'Amina', 'Leila'].includes(given);
    return {
      activity_identifier: activity.row.identifier,
      full_name: `${given} ${family}`,
      sex: female ? 'F' : 'M',
      country: cycle(activity.recipients, k),
      organisation: pick(rand, ORGS),
      position: pick(rand, POSITIONS),
      // Unique per program and person, so that every record is a distinct person key.
      email: `${given}.${family}.${i + 1}.${k + 1}@example.org`.toLowerCase(),
      status: 'completed',
    };
  });
}
