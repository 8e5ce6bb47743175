/** Adding, changing and removing a program's participants one by one (the program page's form and row menu). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type ParticipantItem = Schemas['Participant'];
type Collection = paths['/api/v1/activities/{id}/participants'];
type Item = paths['/api/v1/activities/{id}/participants/{participantId}'];
export type ParticipantBody = Collection['post']['requestBody']['content']['application/json'];
export type ParticipantPatchBody = Item['patch']['requestBody']['content']['application/json'];

/** A participant counts in the program's figures, reports and the alumni directory: everything but the session reloads. */
function useReloadAfter() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
}

export function useAddParticipant(programId: number) {
  const reload = useReloadAfter();
  return useMutation({
    mutationFn: (body: ParticipantBody) =>
      call(api.POST('/api/v1/activities/{id}/participants', { params: { path: { id: programId } }, body })),
    onSuccess: reload,
  });
}

export function usePatchParticipant(programId: number) {
  const reload = useReloadAfter();
  return useMutation({
    mutationFn: ({ participantId, version, body }: { participantId: number; version: number; body: ParticipantPatchBody }) =>
      call(
        api.PATCH('/api/v1/activities/{id}/participants/{participantId}', {
          params: { path: { id: programId, participantId } },
          body,
          headers: { 'if-match': `"${version}"` },
        }),
      ),
    onSuccess: reload,
  });
}

export function useRemoveParticipant(programId: number) {
  const reload = useReloadAfter();
  return useMutation({
    mutationFn: ({ participantId, version }: { participantId: number; version: number }) =>
      call(
        api.DELETE('/api/v1/activities/{id}/participants/{participantId}', {
          params: { path: { id: programId, participantId } },
          headers: { 'if-match': `"${version}"` },
        }),
      ),
    onSuccess: reload,
  });
}
