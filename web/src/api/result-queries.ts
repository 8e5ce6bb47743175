/**
 * A program's results framework (docs/results.md): reading it, and its changes. Every change
 * sends the framework version it was made on (If-Match) and answers the whole framework.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type ResultsFramework = Schemas['ResultsFramework'];
export type FrameworkResult = ResultsFramework['results'][number];
export type FrameworkIndicator = FrameworkResult['indicators'][number];
export type FrameworkPeriod = FrameworkIndicator['periods'][number];
export type ResultBody = paths['/api/v1/activities/{id}/results']['post']['requestBody']['content']['application/json'];
export type IndicatorBody =
  paths['/api/v1/activities/{id}/results/{resultId}/indicators']['post']['requestBody']['content']['application/json'];
export type PeriodBody =
  paths['/api/v1/activities/{id}/results/{resultId}/indicators/{indicatorId}/periods']['post']['requestBody']['content']['application/json'];

export const useResults = (id: number) =>
  useQuery({
    queryKey: ['results', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/results', { params: { path: { id } } })),
  });

/** The framework's changes: the results and the reports (achievements) read again. */
export function useResultChanges(programId: number, version: number) {
  const client = useQueryClient();
  const headers = { 'if-match': `"${version}"` };
  const id = programId;
  const mutation = useMutation({
    mutationFn: (change: () => Promise<ResultsFramework>) => change(),
    onSuccess: (data) => {
      client.setQueryData(['results', programId], data);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'iati-checks' || q.queryKey[0] === 'report' });
    },
  });
  return {
    mutation,
    addResult: (body: ResultBody) =>
      mutation.mutateAsync(() => call(api.POST('/api/v1/activities/{id}/results', { params: { path: { id } }, body, headers }))),
    deleteResult: (resultId: number) =>
      mutation.mutateAsync(() =>
        call(api.DELETE('/api/v1/activities/{id}/results/{resultId}', { params: { path: { id, resultId } }, headers })),
      ),
    addIndicator: (resultId: number, body: IndicatorBody) =>
      mutation.mutateAsync(() =>
        call(api.POST('/api/v1/activities/{id}/results/{resultId}/indicators', { params: { path: { id, resultId } }, body, headers })),
      ),
    deleteIndicator: (resultId: number, indicatorId: number) =>
      mutation.mutateAsync(() =>
        call(
          api.DELETE('/api/v1/activities/{id}/results/{resultId}/indicators/{indicatorId}', {
            params: { path: { id, resultId, indicatorId } },
            headers,
          }),
        ),
      ),
    addPeriod: (resultId: number, indicatorId: number, body: PeriodBody) =>
      mutation.mutateAsync(() =>
        call(
          api.POST('/api/v1/activities/{id}/results/{resultId}/indicators/{indicatorId}/periods', {
            params: { path: { id, resultId, indicatorId } },
            body,
            headers,
          }),
        ),
      ),
    updatePeriod: (resultId: number, indicatorId: number, periodId: number, body: PeriodBody) =>
      mutation.mutateAsync(() =>
        call(
          api.PUT('/api/v1/activities/{id}/results/{resultId}/indicators/{indicatorId}/periods/{periodId}', {
            params: { path: { id, resultId, indicatorId, periodId } },
            body,
            headers,
          }),
        ),
      ),
    deletePeriod: (resultId: number, indicatorId: number, periodId: number) =>
      mutation.mutateAsync(() =>
        call(
          api.DELETE('/api/v1/activities/{id}/results/{resultId}/indicators/{indicatorId}/periods/{periodId}', {
            params: { path: { id, resultId, indicatorId, periodId } },
            headers,
          }),
        ),
      ),
  };
}
