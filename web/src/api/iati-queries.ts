/** IATI publishing in the web app: the published set (GET /iati/manifest.json) and the checks before publishing. */
import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type IatiManifest = Schemas['IatiManifest'];
export type IatiFinding = Schemas['IatiFinding'];
export type IatiChecksParams = NonNullable<paths['/api/v1/iati/checks']['get']['parameters']['query']>;

export const useIatiManifest = () =>
  useQuery({
    queryKey: ['iati', 'manifest'],
    queryFn: () => call(api.GET('/iati/manifest.json')),
    retry: false,
  });
export const useProgramIatiChecks = (id: number) =>
  useQuery({
    queryKey: ['iati-checks', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/iati-checks', { params: { path: { id } } })),
  });

export const useIatiChecks = (params: IatiChecksParams) =>
  useQuery({
    queryKey: ['iati-checks', params],
    queryFn: () => call(api.GET('/api/v1/iati/checks', { params: { query: params } })),
  });
