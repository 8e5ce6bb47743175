/** Unit costs in memory, one per kind, region and day like db/unit-cost.repo.ts. */
import type { UnitCost, UnitCostData } from '../../domain/finance/unit-costs.js';
import type { UnitCostRepository } from '../../services/money.ports.js';
import { Ids } from './store.js';

export class FakeUnitCosts implements UnitCostRepository {
  readonly rows: UnitCost[] = [];
  private readonly ids = new Ids();

  async list(): Promise<UnitCost[]> {
    return [...this.rows];
  }

  async findById(id: number): Promise<UnitCost | undefined> {
    return this.rows.find((u) => u.id === id);
  }

  async findByKey(key: Pick<UnitCostData, 'kind' | 'region' | 'validFrom'>): Promise<UnitCost | undefined> {
    return this.rows.find((u) => u.kind === key.kind && (u.region ?? null) === (key.region ?? null) && u.validFrom === key.validFrom);
  }

  async insert(data: UnitCostData, now: string): Promise<number> {
    const id = this.ids.next();
    this.rows.push({ ...data, id, updatedAt: now });
    return id;
  }

  async update(id: number, data: UnitCostData, now: string): Promise<boolean> {
    const i = this.rows.findIndex((u) => u.id === id);
    if (i < 0) return false;
    this.rows[i] = { ...data, id, updatedAt: now };
    return true;
  }

  async delete(id: number): Promise<boolean> {
    const i = this.rows.findIndex((u) => u.id === id);
    if (i >= 0) this.rows.splice(i, 1);
    return i >= 0;
  }
}
