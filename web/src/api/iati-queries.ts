/** The IATI checks before publishing: a program's findings and the per-agency summary. */
import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type IatiFinding = Schemas['IatiFinding'];
export type IatiChecksParams = NonNullable<paths['/api/v1/iati/checks']['get']['parameters']['query']>;

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
