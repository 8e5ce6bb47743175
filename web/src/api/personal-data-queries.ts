/** Personal data protection (UU PDP; docs/privacy.md): access requests, the breach log, retention rules and the register. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, queryString, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type Breach = Schemas['DataBreach'];
export type BreachInput = NonNullable<paths['/api/v1/personal-data/breaches']['post']['requestBody']>['content']['application/json'];
export type BreachChange = NonNullable<paths['/api/v1/personal-data/breaches/{id}']['patch']['requestBody']>['content']['application/json'];
export type RetentionRule = Schemas['RetentionRule'];
export type RegisterEntry = Schemas['RegisterEntry'];
export type PersonLookup = Schemas['PersonLookup'];

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Finds the person of an access request (a POST: an email never goes into an address). */
export const usePersonLookup = () =>
  useMutation({ mutationFn: (body: PersonLookup) => call(api.POST('/api/v1/personal-data/lookup', { body })) });

export const personalDataExportUrl = (participantId: number, format: 'json' | 'pdf') =>
  `/api/v1/personal-data/${participantId}/export.${format}`;

export const useBreaches = () => useQuery({ queryKey: ['breaches'], queryFn: () => call(api.GET('/api/v1/personal-data/breaches')) });

export function useRecordBreach() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BreachInput) => call(api.POST('/api/v1/personal-data/breaches', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['breaches'] }),
  });
}

/** Records notifications or closes a breach, sending the version the user saw (If-Match). */
export function useChangeBreach() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: number; version: number; body: BreachChange }) =>
      call(api.PATCH('/api/v1/personal-data/breaches/{id}', { params: { path: { id } }, headers: ifMatch(version), body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['breaches'] }),
  });
}

export const useRetentionRules = () =>
  useQuery({ queryKey: ['retention-rules'], queryFn: () => call(api.GET('/api/v1/personal-data/retention-rules')) });

export const useRetentionDue = () =>
  useQuery({ queryKey: ['retention-due'], queryFn: () => call(api.GET('/api/v1/personal-data/retention/due')) });

export function useChangeRetentionRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ rule, body }: { rule: RetentionRule; body: { months?: number; enabled?: boolean } }) =>
      call(
        api.PATCH('/api/v1/personal-data/retention-rules/{category}', {
          params: { path: { category: rule.category } },
          headers: ifMatch(rule.version),
          body,
        }),
      ),
    onSuccess: () => {
      for (const key of ['retention-rules', 'retention-due', 'processing-register']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}

export const useProcessingRegister = () =>
  useQuery({ queryKey: ['processing-register'], queryFn: () => call(api.GET('/api/v1/personal-data/register')) });

export const registerCsvUrl = (lang: string) => `/api/v1/personal-data/register.csv${queryString({ lang: lang === 'id' ? 'id' : 'en' })}`;
