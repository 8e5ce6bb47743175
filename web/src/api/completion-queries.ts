/** A program's completion and evaluation (issue 25): one hook per endpoint, keyed [resource, id]. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client.js';
import type { paths } from './schema.js';

export type CompletionBody = paths['/api/v1/activities/{id}/completion']['put']['requestBody']['content']['application/json'];
export type EvaluationBody = paths['/api/v1/activities/{id}/evaluation']['put']['requestBody']['content']['application/json'];

export const useCompletion = (id: number) =>
  useQuery({
    queryKey: ['completion', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/completion', { params: { path: { id } } })),
  });

export const useEvaluation = (id: number) =>
  useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/evaluation', { params: { path: { id } } })),
  });

/** Saves the completion at the version the user read (If-Match; "0" for the first). */
export function useSaveCompletion(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: CompletionBody }) =>
      call(api.PUT('/api/v1/activities/{id}/completion', { params: { path: { id } }, body, headers: { 'if-match': `"${version}"` } })),
    onSuccess: (saved) => {
      client.setQueryData(['completion', id], saved);
      void client.invalidateQueries({ queryKey: ['history', id] });
    },
  });
}

/** Saves the evaluation; its actions become follow-ups, so the follow-up lists are fetched again. */
export function useSaveEvaluation(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: EvaluationBody }) =>
      call(api.PUT('/api/v1/activities/{id}/evaluation', { params: { path: { id } }, body, headers: { 'if-match': `"${version}"` } })),
    onSuccess: (saved) => {
      client.setQueryData(['evaluation', id], saved);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'evaluation' && q.queryKey[0] !== 'activity' });
    },
  });
}
