/** Queries and mutations of the partner governments' requests pages. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type CooperationRequest = Schemas['CooperationRequest'];
export type RequestMatches = Schemas['RequestMatches'];
export type MatchReason = Schemas['MatchReason'];
export type RequestListParams = NonNullable<paths['/api/v1/requests']['get']['parameters']['query']>;
export type RequestBody = paths['/api/v1/requests']['post']['requestBody']['content']['application/json'];
export type AcceptBody = paths['/api/v1/requests/{id}/accept']['post']['requestBody']['content']['application/json'];

export const useRequests = (params: RequestListParams) =>
  useQuery({
    queryKey: ['requests', params],
    queryFn: () => call(api.GET('/api/v1/requests', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const useRequest = (id: number) =>
  useQuery({ queryKey: ['request', id], queryFn: () => call(api.GET('/api/v1/requests/{id}', { params: { path: { id } } })) });

export const useRequestMatches = (id: number) =>
  useQuery({
    queryKey: ['request-matches', id],
    queryFn: () => call(api.GET('/api/v1/requests/{id}/matches', { params: { path: { id } } })),
  });

export function useRegisterRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody) => call(api.POST('/api/v1/requests', { body })),
    onSuccess: (created) => {
      client.setQueryData(['request', created.id], created);
      void client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}

/** A decision step; a note may have its Indonesian variant (noteId). */
export type RequestStep =
  | { kind: 'assess'; note?: string; noteId?: string }
  | { kind: 'decline'; note: string; noteId?: string }
  | ({ kind: 'accept' } & AcceptBody);

/** A status step, sending the version the user saw (If-Match): a change made meanwhile is a conflict, not an overwrite. */
export function useRequestStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, step }: { id: number; version: number; step: RequestStep }) => {
      const options = { params: { path: { id } }, headers: { 'if-match': `"${version}"` } };
      if (step.kind === 'assess') {
        const { kind: _kind, ...body } = step;
        return call(api.POST('/api/v1/requests/{id}/assess', { ...options, body }));
      }
      if (step.kind === 'decline') {
        const { kind: _kind, ...body } = step;
        return call(api.POST('/api/v1/requests/{id}/decline', { ...options, body }));
      }
      const { kind: _kind, ...body } = step;
      return call(api.POST('/api/v1/requests/{id}/accept', { ...options, body }));
    },
    onSuccess: (request) => {
      client.setQueryData(['request', request.id], request);
      void client.invalidateQueries({ queryKey: ['requests'] });
      void client.invalidateQueries({ queryKey: ['request-matches', request.id] });
      // An accepted request has a new program: the program lists and reports change.
      void client.invalidateQueries({
        predicate: (q) => !['request', 'requests', 'request-matches', 'session'].includes(String(q.queryKey[0])),
      });
    },
    // A refused step (stale, closed) means the page shows an old state: fetch the current one.
    onError: (_error, { id }) => void client.invalidateQueries({ queryKey: ['request', id] }),
  });
}

export type RequestPatchBody = paths['/api/v1/requests/{id}']['patch']['requestBody']['content']['application/json'];

/** Corrects a request, sending the version the user saw (If-Match): a change made meanwhile is a conflict, not an overwrite. */
export function useEditRequest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: RequestPatchBody }) =>
      call(api.PATCH('/api/v1/requests/{id}', { params: { path: { id } }, headers: { 'if-match': `"${version}"` }, body })),
    onSuccess: (request) => {
      client.setQueryData(['request', request.id], request);
      void client.invalidateQueries({ queryKey: ['requests'] });
      void client.invalidateQueries({ queryKey: ['request-matches', request.id] });
    },
    onError: () => void client.invalidateQueries({ queryKey: ['request', id] }),
  });
}

/** Deletes a request registered by mistake (still registered). */
export function useDeleteRequest(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      call(api.DELETE('/api/v1/requests/{id}', { params: { path: { id } }, headers: { 'if-match': `"${version}"` } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['request', id] });
      void client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}
