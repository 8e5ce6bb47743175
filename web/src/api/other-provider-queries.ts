/** Other providers' imported IATI data (issue 22): datasets, activities, promotion, the comparison by recipient country. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type IatiDataset = Schemas['IatiDataset'];
export type ImportedSummary = Schemas['ImportedActivitySummary'];
export type ImportedDetail = Schemas['ImportedActivity'];
export type ProviderComparison = Schemas['ProviderComparison'];
export type ImportedListQuery = NonNullable<paths['/api/v1/other-providers/activities']['get']['parameters']['query']>;

export const useDatasets = () =>
  useQuery({ queryKey: ['other-providers', 'datasets'], queryFn: () => call(api.GET('/api/v1/other-providers/datasets')) });

export const useImportedActivities = (query: ImportedListQuery) =>
  useQuery({
    queryKey: ['other-providers', 'activities', query],
    queryFn: () => call(api.GET('/api/v1/other-providers/activities', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useImportedActivity = (id: number) =>
  useQuery({
    queryKey: ['other-providers', 'activity', id],
    queryFn: () => call(api.GET('/api/v1/other-providers/activities/{id}', { params: { path: { id } } })),
    retry: false,
  });

export const useProviderComparison = (query: { country: string; fromYear: number; toYear: number } | null) =>
  useQuery({
    queryKey: ['other-providers', 'compare', query],
    queryFn: () =>
      call(api.GET('/api/v1/other-providers/compare', { params: { query: query ?? { country: '', fromYear: 0, toYear: 0 } } })),
    enabled: query !== null,
  });

/** Deletes one dataset and exactly its activities: the lists and the comparison reload. */
export function useDeleteDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/v1/other-providers/datasets/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['other-providers'] }),
  });
}

/** Makes an imported activity an own program: the activity (now promoted) and the programs reload. */
export function usePromoteActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.POST('/api/v1/other-providers/activities/{id}/promote', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries(),
  });
}
