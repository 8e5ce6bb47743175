/** Collection rounds (docs/rounds.md): list, open, the overview per agency, an agency's part, confirm, reopen, close. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';

export type CollectionRound = Schemas['CollectionRound'];
export type RoundOverview = Schemas['CollectionRoundOverview'];
export type RoundAgencyPart = Schemas['CollectionRoundAgencyPart'];

export const useRounds = () => useQuery({ queryKey: ['rounds'], queryFn: () => call(api.GET('/api/v1/rounds')) });

export const useRoundOverview = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: ['rounds', id, 'overview'],
    queryFn: () => call(api.GET('/api/v1/rounds/{id}', { params: { path: { id } } })),
    enabled,
  });

export const useRoundPart = (id: number, agency: string | null) =>
  useQuery({
    queryKey: ['rounds', id, 'agencies', agency],
    queryFn: () => call(api.GET('/api/v1/rounds/{id}/agencies/{agency}', { params: { path: { id, agency: agency ?? '' } } })),
    enabled: !!agency,
  });

function useRoundMutation<V>(run: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => void client.invalidateQueries({ queryKey: ['rounds'] }) });
}

export const useOpenRound = () =>
  useRoundMutation((body: { year: number; period: 'year' | 'h1' | 'h2'; deadlineDate: string }) =>
    call(api.POST('/api/v1/rounds', { body })),
  );

export const useConfirmPart = () =>
  useRoundMutation(({ id, agency, note }: { id: number; agency: string; note?: string }) =>
    call(api.POST('/api/v1/rounds/{id}/agencies/{agency}/confirm', { params: { path: { id, agency } }, body: note ? { note } : {} })),
  );

export const useReopenPart = () =>
  useRoundMutation(({ id, agency, reason }: { id: number; agency: string; reason: string }) =>
    call(api.POST('/api/v1/rounds/{id}/agencies/{agency}/reopen', { params: { path: { id, agency } }, body: { reason } })),
  );

export const useCloseRound = () =>
  useRoundMutation((id: number) => call(api.POST('/api/v1/rounds/{id}/close', { params: { path: { id } } })));
