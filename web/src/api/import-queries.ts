/** The column mapping of an import (issue 21): a file's columns with suggestions, and the agency's saved mappings. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isPlainObject } from '../../../src/domain/guards.js';
import { api, call, checkResponse, csrfHeaders, toApiError, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type FileColumns = Schemas['ImportFileColumns'];
export type MappableKind = FileColumns['kind'];
export type ImportMappingBody = paths['/api/v1/import-mappings']['put']['requestBody']['content']['application/json'];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type an import upload is sent with: an XLSX workbook's own, else CSV. */
export const uploadType = (file: File): string => (/\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv');

function isFileColumns(body: unknown): body is FileColumns {
  return isPlainObject(body) && Array.isArray(body.columns) && Array.isArray(body.fields);
}

/** The columns of a chosen file (only its header and a few rows are read by the server). */
export function useFileColumns(kind: MappableKind, file: File) {
  return useQuery({
    queryKey: ['import-columns', kind, file.name, file.size, file.lastModified],
    queryFn: async (): Promise<FileColumns> => {
      const path = `/api/v1/imports/${kind}/columns`;
      let response: Response;
      try {
        response = await fetch(path, {
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
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Saves the mapping for the user's agency (replacing the one saved for the same headers). */
export function useSaveImportMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportMappingBody) => call(api.PUT('/api/v1/import-mappings', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['import-columns'] }),
  });
}
