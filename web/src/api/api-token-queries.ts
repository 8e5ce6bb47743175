/** API tokens for other systems (administrators; docs/security.md "API tokens"): list, create (shown once), revoke. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type ApiToken = Schemas['ApiToken'];
export type CreatedApiToken = Schemas['CreatedApiToken'];
export type ApiTokenBody = paths['/api/v1/api-tokens']['post']['requestBody'] extends { content: { 'application/json': infer B } }
  ? B
  : never;

export const useApiTokens = () => useQuery({ queryKey: ['api-tokens'], queryFn: () => call(api.GET('/api/v1/api-tokens')) });

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenBody) => call(api.POST('/api/v1/api-tokens', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: Pick<ApiToken, 'id' | 'version'>) =>
      call(
        api.POST('/api/v1/api-tokens/{id}/revoke', {
          params: { path: { id: token.id } },
          headers: { 'if-match': `"${token.version}"` },
        }),
      ),
    // A stale version (409) too: the list shows the tokens as they are now.
    onSettled: () => void client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}
