/** One TanStack Query hook per endpoint, keyed [resource, params]. Components never fetch. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, csrfHeaders, toApiError, type ImportReport } from './client.js';
import type { paths } from './schema.js';

export type ActivityListParams = NonNullable<paths['/api/v1/activities']['get']['parameters']['query']>;
export type ActivityBody = paths['/api/v1/activities']['post']['requestBody'] extends { content: { 'application/json': infer B } } ? B : never;

/** Query definitions, shared by the hooks and by the routes' loaders (which start fetching while a page's code loads). */
export const summaryQuery = (year: number) =>
  queryOptions({ queryKey: ['summary', year], queryFn: () => call(api.GET('/api/v1/reports/summary', { params: { query: { year } } })) });
export const yearsQuery = () => queryOptions({ queryKey: ['years'], queryFn: () => call(api.GET('/api/v1/reports/years')) });
export const activitiesQuery = (params: ActivityListParams) =>
  queryOptions({ queryKey: ['activities', params], queryFn: () => call(api.GET('/api/v1/activities', { params: { query: params } })) });

export const useSummary = (year: number | undefined) =>
  useQuery({ ...summaryQuery(year ?? 0), enabled: year !== undefined, placeholderData: keepPreviousData });

export const useYears = () => useQuery(yearsQuery());

export const useActivities = (params: ActivityListParams) => useQuery({ ...activitiesQuery(params), placeholderData: keepPreviousData });

export const useActivity = (id: number) =>
  useQuery({ queryKey: ['activity', id], queryFn: () => call(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })) });

export const useParticipants = (id: number) =>
  useQuery({ queryKey: ['participants', id], queryFn: () => call(api.GET('/api/v1/activities/{id}/participants', { params: { path: { id } } })) });

export const useOrganisations = () =>
  useQuery({ queryKey: ['organisations'], queryFn: () => call(api.GET('/api/v1/organisations')), staleTime: 60_000 });

export function useSaveActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id?: number; version?: number; body: ActivityBody }) =>
      id === undefined
        ? call(api.POST('/api/v1/activities', { body }))
        : call(api.PUT('/api/v1/activities/{id}', { params: { path: { id } }, body, headers: version ? { 'if-match': `"${version}"` } : {} })),
    onSuccess: (activity) => {
      client.setQueryData(['activity', activity.id], activity);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'activity' });
    },
  });
}

export function useDeleteActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      call(api.DELETE('/api/v1/activities/{id}', { params: { path: { id } }, headers: { 'if-match': `"${version}"` } })),
    onSuccess: () => void client.invalidateQueries(),
  });
}

export type ImportKind = 'activities' | 'participants' | 'rates';

/** Uploads a CSV file (as text/csv) for a dry run or for real; a rejected file is a report too. */
export function useImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, file, dryRun }: { kind: ImportKind; file: File; dryRun: boolean }): Promise<ImportReport> => {
      let response: Response;
      try {
        response = await fetch(`/api/v1/imports/${kind}${dryRun ? '?dryRun=true' : ''}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(file.name), ...csrfHeaders() },
          body: file,
        });
      } catch {
        throw toApiError(0, undefined);
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok) return body as ImportReport; // 200 carries an ImportReport (OpenAPI)
      if (response.status === 422 && body && typeof body === 'object' && 'report' in body) return (body as { report: ImportReport }).report;
      throw toApiError(response.status, body);
    },
    onSuccess: (report) => {
      if (report.status === 'committed') void client.invalidateQueries();
    },
  });
}
