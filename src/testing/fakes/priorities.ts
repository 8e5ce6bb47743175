/** Priority targets and country lists in memory, with the semantics of db/priority.repo.ts. */
import type { CountryList, CountryListInput, PriorityTarget, PriorityTargetInput } from '../../domain/analytics/priority.js';
import type { PriorityRepository } from '../../services/priorities.ports.js';
import { Ids } from './store.js';

export class FakePriorities implements PriorityRepository {
  readonly targets: PriorityTarget[] = [];
  readonly lists: CountryList[] = [];
  private readonly targetIds = new Ids();
  private readonly listIds = new Ids();

  async listTargets(filter: { from?: number; to?: number } = {}): Promise<PriorityTarget[]> {
    return this.targets.filter(
      (t) => (filter.from === undefined || t.year >= filter.from) && (filter.to === undefined || t.year <= filter.to),
    );
  }

  async findTarget(id: number): Promise<PriorityTarget | undefined> {
    return this.targets.find((t) => t.id === id);
  }

  async saveTarget(t: PriorityTargetInput, now: string): Promise<{ target: PriorityTarget; created: boolean; before?: PriorityTarget }> {
    const i = this.targets.findIndex(
      (x) => x.year === t.year && x.subject.kind === t.subjectKind && x.subject.code === t.subjectCode && x.metric === t.metric,
    );
    const before = this.targets[i];
    const target: PriorityTarget = {
      id: before?.id ?? this.targetIds.next(),
      year: t.year,
      subject: { kind: t.subjectKind, code: t.subjectCode },
      metric: t.metric,
      comparator: t.comparator,
      // Stored in hundredths, as the table does.
      target: Math.round(t.target * 100) / 100,
      note: t.note ?? null,
      updatedAt: now,
    };
    if (before) this.targets[i] = target;
    else this.targets.push(target);
    return before ? { target, created: false, before } : { target, created: true };
  }

  async deleteTarget(id: number): Promise<boolean> {
    const i = this.targets.findIndex((t) => t.id === id);
    if (i >= 0) this.targets.splice(i, 1);
    return i >= 0;
  }

  async countTargetsOfList(code: string): Promise<number> {
    return this.targets.filter((t) => t.subject.kind === 'list' && t.subject.code === code).length;
  }

  async listLists(): Promise<CountryList[]> {
    return [...this.lists].sort((a, b) => a.code.localeCompare(b.code));
  }

  async findList(code: string): Promise<CountryList | undefined> {
    return this.lists.find((l) => l.code === code);
  }

  async saveList(input: CountryListInput, now: string): Promise<{ list: CountryList; created: boolean; before?: CountryList }> {
    const i = this.lists.findIndex((l) => l.code === input.code);
    const before = this.lists[i];
    const list: CountryList = {
      id: before?.id ?? this.listIds.next(),
      code: input.code,
      nameEn: input.nameEn,
      nameId: input.nameId,
      countries: [...input.countries],
      updatedAt: now,
    };
    if (before) this.lists[i] = list;
    else this.lists.push(list);
    return { list, created: !before, before };
  }

  async deleteList(code: string): Promise<boolean> {
    const i = this.lists.findIndex((l) => l.code === code);
    if (i >= 0) this.lists.splice(i, 1);
    return i >= 0;
  }
}
