/** Ports of the policy priorities and country lists (services/priorities.ts); db/priority.repo.ts implements them. */
import type { CountryList, CountryListInput, PriorityTarget, PriorityTargetInput } from '../domain/analytics/priority.js';

export interface PriorityRepository {
  listTargets(filter?: { from?: number; to?: number }): Promise<PriorityTarget[]>;
  findTarget(id: number): Promise<PriorityTarget | undefined>;
  /** Sets the target of a year, subject and metric, replacing the one there (returned as `before`). */
  saveTarget(target: PriorityTargetInput, now: string): Promise<{ target: PriorityTarget; created: boolean; before?: PriorityTarget }>;
  deleteTarget(id: number): Promise<boolean>;
  countTargetsOfList(code: string): Promise<number>;
  listLists(): Promise<CountryList[]>;
  findList(code: string): Promise<CountryList | undefined>;
  saveList(list: CountryListInput, now: string): Promise<{ list: CountryList; created: boolean; before?: CountryList }>;
  deleteList(code: string): Promise<boolean>;
}
