/** The organisation register in memory, matching codes case-insensitively like db/organisation.repo.ts. */
import type { Organisation, OrganisationData } from '../../domain/organisation/organisation.js';
import type { OrganisationFilter, OrganisationRepository } from '../../services/organisations.ports.js';
import { Ids } from './store.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class FakeOrganisations implements OrganisationRepository {
  readonly rows: Organisation[] = [];
  /** How many programs name each organisation (by lower-case code); none unless a test says so. */
  readonly usage = new Map<string, number>();
  private readonly ids = new Ids();

  /** Registers organisations directly (a test's starting data). */
  seed(...data: readonly Partial<OrganisationData>[]): this {
    for (const d of data) {
      const code = d.code ?? `ORG-${this.rows.length + 1}`;
      this.rows.push({
        nameEn: code,
        nameId: null,
        acronym: null,
        type: '10',
        countryCode: null,
        kind: 'provider_agency',
        illustrative: false,
        ...d,
        code,
        id: this.ids.next(),
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    return this;
  }

  async findByCode(code: string): Promise<Organisation | undefined> {
    return this.rows.find((o) => same(o.code, code));
  }

  async findByName(text: string): Promise<Organisation | undefined> {
    const name = text.trim();
    return (
      this.rows.find((o) => same(o.code, name)) ??
      this.rows.find((o) => [o.acronym, o.nameEn, o.nameId].some((n) => n !== null && same(n, name)))
    );
  }

  async existingCodes(codes: readonly string[]): Promise<Map<string, string>> {
    return new Map(this.rows.filter((o) => codes.some((c) => same(c, o.code))).map((o) => [o.code.toLowerCase(), o.code]));
  }

  async list(filter: OrganisationFilter): Promise<Organisation[]> {
    const q = filter.q?.toLowerCase();
    return this.rows
      .filter(
        (o) =>
          (!filter.kind || o.kind === filter.kind) &&
          (!q || [o.code, o.nameEn, o.nameId ?? '', o.acronym ?? ''].some((t) => t.toLowerCase().includes(q))),
      )
      .sort((a, b) => a.nameEn.localeCompare(b.nameEn) || a.id - b.id);
  }

  async insert(data: OrganisationData, now: string): Promise<number> {
    const id = this.ids.next();
    this.rows.push({ ...data, id, createdAt: now, updatedAt: now });
    return id;
  }

  async update(code: string, data: OrganisationData, now: string): Promise<boolean> {
    const i = this.rows.findIndex((o) => same(o.code, code));
    const current = this.rows[i];
    if (!current) return false;
    this.rows[i] = { ...current, ...data, updatedAt: now };
    return true;
  }

  async delete(code: string): Promise<boolean> {
    const i = this.rows.findIndex((o) => same(o.code, code));
    if (i < 0) return false;
    this.rows.splice(i, 1);
    return true;
  }

  async usageCount(code: string): Promise<number> {
    return this.usage.get(code.toLowerCase()) ?? 0;
  }
}
