/** Queries and mutations of the money page: budget against spending, in-kind estimates, unit costs. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client.js';
import type { paths } from './schema.js';

export type BudgetVsSpentParams = NonNullable<paths['/api/v1/money/budget-vs-spent']['get']['parameters']['query']>;
export type InKindParams = NonNullable<paths['/api/v1/money/in-kind']['get']['parameters']['query']>;
export type UnitCostBody = paths['/api/v1/money/unit-costs']['post']['requestBody']['content']['application/json'];

export const useBudgetVsSpent = (params: BudgetVsSpentParams) =>
  useQuery({
    queryKey: ['budget-vs-spent', params],
    queryFn: () => call(api.GET('/api/v1/money/budget-vs-spent', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const useInKind = (params: InKindParams) =>
  useQuery({
    queryKey: ['in-kind', params],
    queryFn: () => call(api.GET('/api/v1/money/in-kind', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const useUnitCosts = () => useQuery({ queryKey: ['unit-costs'], queryFn: () => call(api.GET('/api/v1/money/unit-costs')) });

/** Adds a unit cost, or replaces the one with this id; the estimates are computed again. */
export function useSaveUnitCost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: UnitCostBody }) =>
      id === undefined
        ? call(api.POST('/api/v1/money/unit-costs', { body }))
        : call(api.PUT('/api/v1/money/unit-costs/{id}', { params: { path: { id } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['unit-costs'] });
      void client.invalidateQueries({ queryKey: ['in-kind'] });
    },
  });
}

export function useDeleteUnitCost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/v1/money/unit-costs/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['unit-costs'] });
      void client.invalidateQueries({ queryKey: ['in-kind'] });
    },
  });
}
