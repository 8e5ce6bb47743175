/** Frozen editions of a year's figures (docs/editions.md): list, differences from the live figures, freeze, publish, narrative. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';

export type Edition = Schemas['Edition'];
export type EditionDifferences = Schemas['EditionDifferences'];

export const useEditions = (year: number) =>
  useQuery({ queryKey: ['editions', { year }], queryFn: () => call(api.GET('/api/v1/editions', { params: { query: { year } } })) });

/** What differs between the live figures and an edition (signed-in users); disabled without an edition. */
export const useEditionDifferences = (edition: { year: number; number: number } | null) =>
  useQuery({
    queryKey: ['editions', 'differences', edition],
    queryFn: () =>
      call(
        api.GET('/api/v1/editions/{year}/{number}/differences', {
          params: { path: { year: edition?.year ?? 0, number: edition?.number ?? 0 } },
        }),
      ),
    enabled: edition !== null,
  });

export function useFreezeEdition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: { overrideReason?: string; reason?: string } }) =>
      call(api.POST('/api/v1/editions/{year}', { params: { path: { year } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['editions'] }),
  });
}

export function usePublishEdition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, number }: { year: number; number: number }) =>
      call(api.POST('/api/v1/editions/{year}/{number}/publish', { params: { path: { year, number } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['editions'] }),
  });
}

export function useEditionNarrative() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, number, lang, text }: { year: number; number: number; lang: 'en' | 'id'; text: string }) =>
      call(api.PUT('/api/v1/editions/{year}/{number}/narrative/{lang}', { params: { path: { year, number, lang } }, body: { text } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['editions'] }),
  });
}
