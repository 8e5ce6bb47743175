/** The coordination ministries' sign-offs of a program and their rules (docs/sign-offs.md). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';

export type ProgramSignOffs = Schemas['ProgramSignOffs'];
export type SignOffRule = Schemas['SignOffRule'];

export const useSignOffs = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: ['sign-offs', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/sign-offs', { params: { path: { id } } })),
    enabled,
  });

export function useRecordSignOff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: number;
      step: 'assessment' | 'funding';
      orgCode: string;
      opinion: 'agree' | 'agree_with_conditions' | 'disagree';
      comment?: string;
    }) => call(api.POST('/api/v1/activities/{id}/sign-offs', { params: { path: { id } }, body })),
    onSuccess: (state, { id }) => {
      client.setQueryData(['sign-offs', id], state);
      void client.invalidateQueries({ queryKey: ['history', id] });
    },
  });
}

export const useSignOffRules = () => useQuery({ queryKey: ['sign-off-rules'], queryFn: () => call(api.GET('/api/v1/sign-off-rules')) });

export function useSaveSignOffRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignOffRule) => call(api.PUT('/api/v1/sign-off-rules', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sign-off-rules'] }),
  });
}
