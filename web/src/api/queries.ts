/** One TanStack Query hook per endpoint, keyed [resource, params]. Components never fetch. */
import i18next from 'i18next';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isPlainObject } from '../../../src/domain/guards.js';
import { api, call, checkResponse, csrfHeaders, toApiError, type ImportReport } from './client.js';
import { defaultYear, defaultYearRange, MAX_YEARS } from '../../../src/domain/report/default-years.js';
import type { paths } from './schema.js';
import { uploadType } from './import-queries.js';

export type ProgramListParams = NonNullable<paths['/api/v1/activities']['get']['parameters']['query']>;
export type ProgramBody = paths['/api/v1/activities']['post']['requestBody'] extends { content: { 'application/json': infer B } }
  ? B
  : never;

/** Query definitions, shared by the hooks and by the routes' loaders (which start fetching while a page's code loads). */
export const summaryQuery = (year: number) =>
  queryOptions({ queryKey: ['summary', year], queryFn: () => call(api.GET('/api/v1/reports/summary', { params: { query: { year } } })) });
export const yearsQuery = () => queryOptions({ queryKey: ['years'], queryFn: () => call(api.GET('/api/v1/reports/years')) });
export const programYearsQuery = () =>
  queryOptions({ queryKey: ['program-years'], queryFn: () => call(api.GET('/api/v1/reports/program-years')) });
export const programsQuery = (params: ProgramListParams) =>
  queryOptions({ queryKey: ['activities', params], queryFn: () => call(api.GET('/api/v1/activities', { params: { query: params } })) });

export const useSummary = (year: number | undefined) =>
  useQuery({ ...summaryQuery(year ?? 0), enabled: year !== undefined, placeholderData: keepPreviousData });

export const useYears = () => useQuery(yearsQuery());

/**
 * The years with programs (latest first) and what a year-based page opens on without a year in its URL: the
 * latest year with programs that has begun, and the range from the first to it
 * (domain/report/default-years.ts).
 */
export function useRecordYears() {
  const query = useQuery(programYearsQuery());
  const thisYear = new Date().getFullYear();
  const years = query.data?.items.map((y) => y.year) ?? [];
  return { query, year: defaultYear(years, thisYear), range: defaultYearRange(years, thisYear, MAX_YEARS) };
}

export const usePrograms = (params: ProgramListParams) => useQuery({ ...programsQuery(params), placeholderData: keepPreviousData });

export const useProgram = (id: number) =>
  useQuery({ queryKey: ['activity', id], queryFn: () => call(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })) });

export const useParticipants = (id: number) =>
  useQuery({
    queryKey: ['participants', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/participants', { params: { path: { id } } })),
  });

export const timelineQuery = (id: number) =>
  queryOptions({
    queryKey: ['timeline', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/timeline', { params: { path: { id } } })),
  });
export const useTimeline = (id: number) => useQuery(timelineQuery(id));

export const HISTORY_PAGE_SIZE = 20;
/** A program's audit entries (signed-in users only: pass enabled = false for the public). */
export const useHistory = (id: number, page: number, enabled: boolean) =>
  useQuery({
    queryKey: ['history', id, page],
    queryFn: () =>
      call(api.GET('/api/v1/activities/{id}/history', { params: { path: { id }, query: { page, pageSize: HISTORY_PAGE_SIZE } } })),
    enabled,
    placeholderData: keepPreviousData,
  });

export type TransitionAction = paths['/api/v1/activities/{id}/transitions']['post']['requestBody']['content']['application/json']['action'];

/** Moves a program through the process, sending the version the user saw (If-Match). */
export function useTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, action, comment }: { id: number; version: number; action: TransitionAction; comment?: string }) =>
      call(
        api.POST('/api/v1/activities/{id}/transitions', {
          params: { path: { id } },
          body: { action, ...(comment ? { comment } : {}) },
          headers: { 'if-match': `"${version}"` },
        }),
      ),
    onSuccess: (activity) => {
      client.setQueryData(['activity', activity.id], activity);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'activity' });
    },
    // A refused move (stale, wrong stage) means the page shows an old state: fetch the current one.
    onError: (_error, { id }) => {
      void client.invalidateQueries({ queryKey: ['activity', id] });
      void client.invalidateQueries({ queryKey: ['timeline', id] });
    },
  });
}

export const annualPlanQuery = (year: number) =>
  queryOptions({
    queryKey: ['annual-plan', year],
    queryFn: () => call(api.GET('/api/v1/reports/annual-plan', { params: { query: { year } } })),
  });
export const useAnnualPlan = (year: number, enabled: boolean) =>
  useQuery({ ...annualPlanQuery(year), enabled, placeholderData: keepPreviousData });

export const useOrganisations = () =>
  useQuery({ queryKey: ['organisations'], queryFn: () => call(api.GET('/api/v1/organisations')), staleTime: 60_000 });

/** One organisation (e.g. the one a signed-in agency or embassy acts for); none for null. */
export const useOrganisation = (code: string | null) =>
  useQuery({
    queryKey: ['organisation', code],
    queryFn: () => call(api.GET('/api/v1/organisations/{code}', { params: { path: { code: code ?? '' } } })),
    enabled: code !== null,
    staleTime: 300_000,
  });

export function useSaveProgram() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id?: number; version?: number; body: ProgramBody }) =>
      id === undefined
        ? call(api.POST('/api/v1/activities', { body }))
        : call(
            // No version: the user chose to overwrite a change made meanwhile (If-Match: *).
            api.PUT('/api/v1/activities/{id}', { params: { path: { id } }, body, headers: { 'if-match': version ? `"${version}"` : '*' } }),
          ),
    onSuccess: (activity) => {
      client.setQueryData(['activity', activity.id], activity);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'activity' });
    },
  });
}

export function useDeleteProgram() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      call(api.DELETE('/api/v1/activities/{id}', { params: { path: { id } }, headers: { 'if-match': `"${version}"` } })),
    onSuccess: () => void client.invalidateQueries(),
  });
}

export type ImportKind = 'activities' | 'participants' | 'rates' | 'iati';

/** Uploads a CSV (text/csv) or IATI (application/xml) file for a dry run or for real; a rejected file is a report too. */
export function useImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      kind,
      file,
      dryRun,
      mapping,
      sheet,
      allOrNothing,
    }: {
      kind: ImportKind;
      file: File;
      dryRun: boolean;
      /** File header → Mitra column (ColumnMapping.tsx). */
      mapping?: Readonly<Record<string, string | null>>;
      /** An XLSX workbook's sheet (its first by default). */
      sheet?: string;
      /** IATI: write nothing when an activity is refused (by default the others are imported). */
      allOrNothing?: boolean;
    }): Promise<ImportReport> => {
      let response: Response;
      // The reasons of the problems come in the language shown.
      const query = new URLSearchParams({
        lang: i18next.language === 'id' ? 'id' : 'en',
        ...(dryRun ? { dryRun: 'true' } : {}),
        ...(mapping ? { mapping: JSON.stringify(mapping) } : {}),
        ...(sheet ? { sheet } : {}),
        ...(allOrNothing ? { allOrNothing: 'true' } : {}),
      });
      try {
        response = await fetch(`/api/v1/imports/${kind}?${query}`, {
          method: 'POST',
          headers: {
            'content-type': kind === 'iati' ? 'application/xml' : uploadType(file),
            'x-file-name': encodeURIComponent(file.name),
            ...csrfHeaders(),
          },
          body: file,
        });
      } catch {
        throw toApiError(0, undefined);
      }
      checkResponse(response, `/api/v1/imports/${kind}`);
      const body: unknown = await response.json().catch(() => undefined);
      // 200 carries an ImportReport, a 422 a problem with the rejected file's report (OpenAPI).
      const report = response.ok ? body : response.status === 422 && isPlainObject(body) ? body.report : undefined;
      if (response.ok || report !== undefined) return report as ImportReport; // the document's declared answer, not parsed again here
      throw toApiError(response.status, body);
    },
    onSuccess: (report) => {
      if (report.status === 'committed') void client.invalidateQueries();
    },
  });
}

export type UserListParams = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type UserBody = paths['/api/v1/users']['post']['requestBody'] extends { content: { 'application/json': infer B } } ? B : never;
export type UserPatchBody = paths['/api/v1/users/{id}']['patch']['requestBody'] extends { content: { 'application/json': infer B } }
  ? B
  : never;
export type AuditParams = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;

export const useUsers = (params: UserListParams) =>
  useQuery({
    queryKey: ['users', params],
    queryFn: () => call(api.GET('/api/v1/users', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export function useSaveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { id?: undefined; body: UserBody } | { id: number; version: number; body: UserPatchBody }) =>
      change.id === undefined
        ? call(api.POST('/api/v1/users', { body: change.body }))
        : call(
            api.PATCH('/api/v1/users/{id}', {
              params: { path: { id: change.id } },
              body: change.body,
              headers: { 'if-match': `"${change.version}"` },
            }),
          ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      // The administrator may have changed their own name, shown in the header.
      void client.invalidateQueries({ queryKey: ['session'] });
    },
    // A stale version (409) means the list shows an old account: fetch the current ones.
    onError: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export const useAudit = (params: AuditParams) =>
  useQuery({
    queryKey: ['audit', params],
    queryFn: () => call(api.GET('/api/v1/audit', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
