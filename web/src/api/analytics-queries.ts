/** Queries and mutations of the analytics, priorities and profile pages. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client.js';
import type { paths } from './schema.js';

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

export type Trends = paths['/api/v1/analytics/trends']['get']['responses']['200']['content']['application/json'];
export type ConcentrationYear =
  paths['/api/v1/analytics/concentration']['get']['responses']['200']['content']['application/json']['items'][number];
export type Network = paths['/api/v1/analytics/triangular-network']['get']['responses']['200']['content']['application/json'];
export type PriorityViewData = paths['/api/v1/priorities']['get']['responses']['200']['content']['application/json'];
export type Breakdown = paths['/api/v1/priorities/breakdown']['get']['responses']['200']['content']['application/json'];
export type TargetBody = paths['/api/v1/priorities/targets']['post']['requestBody']['content']['application/json']['targets'][number];
export type CountryListData = paths['/api/v1/country-lists']['get']['responses']['200']['content']['application/json']['items'][number];
export type CountryProfileData = paths['/api/v1/countries/{code}/profile']['get']['responses']['200']['content']['application/json'];
export type PartnerProfileData = paths['/api/v1/partners/{code}/profile']['get']['responses']['200']['content']['application/json'];
export type SubjectKind = Breakdown['subjectKind'];

export const useTrends = (r: YearRange) =>
  useQuery({
    queryKey: ['trends', r],
    queryFn: () => call(api.GET('/api/v1/analytics/trends', { params: { query: r } })),
    placeholderData: keepPreviousData,
  });

export const useConcentration = (r: YearRange) =>
  useQuery({
    queryKey: ['concentration', r],
    queryFn: () => call(api.GET('/api/v1/analytics/concentration', { params: { query: r } })),
    placeholderData: keepPreviousData,
  });

export const useNetwork = (r: YearRange) =>
  useQuery({
    queryKey: ['network', r],
    queryFn: () => call(api.GET('/api/v1/analytics/triangular-network', { params: { query: r } })),
    placeholderData: keepPreviousData,
  });

/** `enabled`: false while the default range is not yet known. */
export const usePriorities = (r: YearRange, enabled = true) =>
  useQuery({
    enabled,
    queryKey: ['priorities', r],
    queryFn: () => call(api.GET('/api/v1/priorities', { params: { query: r } })),
    placeholderData: keepPreviousData,
  });

export const useBreakdown = (subject: { kind: SubjectKind; code: string } | null, year: number) =>
  useQuery({
    queryKey: ['breakdown', subject, year],
    queryFn: () =>
      call(
        api.GET('/api/v1/priorities/breakdown', { params: { query: { kind: subject?.kind ?? 'group', code: subject?.code ?? '', year } } }),
      ),
    enabled: subject !== null,
  });

export const useCountryLists = () => useQuery({ queryKey: ['country-lists'], queryFn: () => call(api.GET('/api/v1/country-lists')) });

export const useCountryProfile = (code: string) =>
  useQuery({
    queryKey: ['country-profile', code],
    queryFn: () => call(api.GET('/api/v1/countries/{code}/profile', { params: { path: { code } } })),
  });

export const usePartnerProfile = (code: string, since: number | undefined) =>
  useQuery({
    queryKey: ['partner-profile', code, since],
    queryFn: () => call(api.GET('/api/v1/partners/{code}/profile', { params: { path: { code }, query: since ? { since } : {} } })),
    placeholderData: keepPreviousData,
  });

/** After a change of targets or lists, the views that show them are refetched. */
function useInvalidatePriorities() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['priorities'] });
    void client.invalidateQueries({ queryKey: ['breakdown'] });
    void client.invalidateQueries({ queryKey: ['country-lists'] });
  };
}

export function useSetTargets() {
  const invalidate = useInvalidatePriorities();
  return useMutation({
    mutationFn: (targets: TargetBody[]) => call(api.POST('/api/v1/priorities/targets', { body: { targets } })),
    onSuccess: invalidate,
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidatePriorities();
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/v1/priorities/targets/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useSaveCountryList() {
  const invalidate = useInvalidatePriorities();
  return useMutation({
    mutationFn: ({ code, ...body }: { code: string; nameEn: string; nameId: string; countries: string[] }) =>
      call(api.PUT('/api/v1/country-lists/{code}', { params: { path: { code } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteCountryList() {
  const invalidate = useInvalidatePriorities();
  return useMutation({
    mutationFn: (code: string) => call(api.DELETE('/api/v1/country-lists/{code}', { params: { path: { code } } })),
    onSuccess: invalidate,
  });
}
