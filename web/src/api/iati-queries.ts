/** The published IATI set (GET /iati/manifest.json): what `mitra iati publish` last wrote. */
import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.js';

export type IatiManifest = Schemas['IatiManifest'];

export const useIatiManifest = () =>
  useQuery({
    queryKey: ['iati', 'manifest'],
    queryFn: () => call(api.GET('/iati/manifest.json')),
    retry: false,
  });
