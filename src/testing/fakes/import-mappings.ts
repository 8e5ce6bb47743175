/** Saved column mappings in memory, one per agency, kind and header key like db/import-mapping.repo.ts. */
import type { MappableKind } from '../../domain/import/column-suggestions.js';
import type { ImportMappingRepository, ImportMappingWrite, SavedImportMapping } from '../../services/import-mappings.ports.js';
import { Ids } from './store.js';

export class FakeImportMappings implements ImportMappingRepository {
  readonly rows: SavedImportMapping[] = [];
  private readonly ids = new Ids();

  async list(orgCode: string, kind?: MappableKind): Promise<SavedImportMapping[]> {
    return this.rows.filter((m) => m.orgCode === orgCode && (kind === undefined || m.kind === kind)).reverse();
  }

  async find(orgCode: string, kind: MappableKind, headerKey: string): Promise<SavedImportMapping | undefined> {
    return this.rows.find((m) => m.orgCode === orgCode && m.kind === kind && m.headerKey === headerKey);
  }

  async findById(id: number): Promise<SavedImportMapping | undefined> {
    return this.rows.find((m) => m.id === id);
  }

  async save(write: ImportMappingWrite, now: string): Promise<SavedImportMapping> {
    const i = this.rows.findIndex((m) => m.orgCode === write.orgCode && m.kind === write.kind && m.headerKey === write.headerKey);
    const old = this.rows[i];
    const saved: SavedImportMapping = { ...write, id: old?.id ?? this.ids.next(), createdAt: old?.createdAt ?? now, updatedAt: now };
    if (old) this.rows[i] = saved;
    else this.rows.push(saved);
    return saved;
  }

  async delete(id: number): Promise<boolean> {
    const i = this.rows.findIndex((m) => m.id === id);
    if (i >= 0) this.rows.splice(i, 1);
    return i >= 0;
  }
}
