/**
 * Ports of the saved column mappings (services/import-mappings.ts); db/import-mapping.repo.ts
 * implements them.
 */
import type { ColumnMapping } from '../domain/import/column-mapping.js';
import type { MappableKind } from '../domain/import/column-suggestions.js';

/** A column mapping an agency saved for one kind of import and one set of header names. */
export interface SavedImportMapping {
  readonly id: number;
  readonly orgCode: string;
  readonly kind: MappableKind;
  /** The normalised header names, sorted (column-suggestions.ts headerKey). */
  readonly headerKey: string;
  /** The header names as the file wrote them. */
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: number | null;
}

export type ImportMappingWrite = Pick<SavedImportMapping, 'orgCode' | 'kind' | 'headerKey' | 'headers' | 'mapping' | 'updatedBy'>;

export interface ImportMappingRepository {
  list(orgCode: string, kind?: MappableKind): Promise<SavedImportMapping[]>;
  find(orgCode: string, kind: MappableKind, headerKey: string): Promise<SavedImportMapping | undefined>;
  findById(id: number): Promise<SavedImportMapping | undefined>;
  /** Inserts, or replaces the mapping of the same agency, kind and headers. */
  save(write: ImportMappingWrite, now: string): Promise<SavedImportMapping>;
  delete(id: number): Promise<boolean>;
}
