/** The column mapping of an import (issue 21): a file's columns with suggestions, and the agency's saved mappings. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isPlainObject } from '../../../src/domain/guards.js';
import { api, call, checkResponse, csrfHeaders, toApiError, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type FileColumns = Schemas['ImportFileColumns'];
export type SavedImportMapping = Schemas['ImportMapping'];
export type MappableKind = FileColumns['kind'];
export type ImportMappingBody = paths['/api/v1/import-mappings']['put']['requestBody']['content']['application/json'];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type an import upload is sent with: an XLSX workbook's own, else CSV. */
export const uploadType = (file: File): string => (/\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv');

function isFileColumns(body: unknown): body is FileColumns {
  return isPlainObject(body) && Array.isArray(body.columns) && Array.isArray(body.fields);
}

/**
 * The columns of a chosen file (only its header and a few rows are read by the server): of a
 * workbook's chosen sheet (else its first), with the mapping the agency `org` saved for them.
 */
export function useFileColumns(kind: MappableKind, file: File, options: { readonly sheet?: string; readonly org?: string } = {}) {
  const { sheet = '', org = '' } = options;
  return useQuery({
    queryKey: ['import-columns', kind, file.name, file.size, file.lastModified, sheet, org],
    queryFn: async (): Promise<FileColumns> => {
      const query = new URLSearchParams({ ...(sheet ? { sheet } : {}), ...(org ? { org } : {}) }).toString();
      const path = `/api/v1/imports/${kind}/columns`;
      let response: Response;
      try {
        response = await fetch(query ? `${path}?${query}` : path, {
          method: 'POST',
          headers: { 'content-type': uploadType(file), 'x-file-name': encodeURIComponent(file.name), ...csrfHeaders() },
          body: file,
        });
      } catch {
        throw toApiError(0, undefined);
      }
      checkResponse(response, path);
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok && isFileColumns(body)) return body;
      throw toApiError(response.status, body);
    },
    retry: false,
    // Another sheet or agency keeps the table shown until its columns come.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Saves the mapping for the user's agency (replacing the one saved for the same headers). */
export function useSaveImportMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportMappingBody) => call(api.PUT('/api/v1/import-mappings', { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['import-columns'] });
      void client.invalidateQueries({ queryKey: ['import-mappings'] });
    },
  });
}

/** An agency's saved mappings (its officers and the coordination team). */
export function useImportMappings(org: string) {
  return useQuery({
    queryKey: ['import-mappings', org],
    queryFn: () => call(api.GET('/api/v1/import-mappings', { params: { query: { org } } })),
    enabled: org !== '',
  });
}

export function useDeleteImportMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/v1/import-mappings/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['import-mappings'] });
      void client.invalidateQueries({ queryKey: ['import-columns'] });
    },
  });
}
