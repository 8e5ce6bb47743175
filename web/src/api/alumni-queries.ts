/** Queries and mutations of the alumni directory, the follow-up surveys and erasure. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, queryString } from './client.js';
import type { paths } from './schema.js';

export type AlumniPage = paths['/api/v1/alumni']['get']['responses']['200']['content']['application/json'];
export type Alumnus = paths['/api/v1/alumni/{id}']['get']['responses']['200']['content']['application/json'];
export type SurveyData = paths['/api/v1/surveys']['get']['responses']['200']['content']['application/json']['items'][number];
export type SurveyInput = paths['/api/v1/surveys']['put']['requestBody']['content']['application/json'];
export type SurveyQuestionInput = SurveyInput['questions'][number];
export type SurveyResults = paths['/api/v1/activities/{id}/survey-results']['get']['responses']['200']['content']['application/json'];
export type PublicSurvey = paths['/api/v1/survey-answers/{token}']['get']['responses']['200']['content']['application/json'];

export interface AlumniParams {
  readonly country?: string;
  readonly q?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export const useAlumni = (params: AlumniParams) =>
  useQuery({ queryKey: ['alumni', params], queryFn: () => call(api.GET('/api/v1/alumni', { params: { query: params } })) });

export const useAlumnus = (id: number) =>
  useQuery({
    queryKey: ['alumni', 'person', id],
    queryFn: () => call(api.GET('/api/v1/alumni/{id}', { params: { path: { id } } })),
    retry: false,
  });

export const useSurveys = () => useQuery({ queryKey: ['surveys'], queryFn: () => call(api.GET('/api/v1/surveys')) });

export function useSaveSurvey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyInput) => call(api.PUT('/api/v1/surveys', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

export function useSendDueSurveys() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/surveys/send-due', { body: {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['survey-results'] }),
  });
}

export const useSurveyResults = (id: number) =>
  useQuery({
    queryKey: ['survey-results', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/survey-results', { params: { path: { id } } })),
  });

/** Public: no session needed; a 404 is an answer ("unknown link"), shown by the page. */
export const usePublicSurvey = (token: string) =>
  useQuery({
    queryKey: ['survey-answer', token],
    queryFn: () => call(api.GET('/api/v1/survey-answers/{token}', { params: { path: { token } } })),
    retry: false,
  });

export function useAnswerSurvey(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, unknown>) =>
      call(api.POST('/api/v1/survey-answers/{token}', { params: { path: { token } }, body: { answers } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['survey-answer', token] }),
  });
}

/** Erasure changes participant lists, the directory and the log: everything but the session reloads. */
export function useEraseParticipant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, wholePerson }: { id: number; reason: string; wholePerson: boolean }) =>
      call(api.POST('/api/v1/participants/{id}/erase', { params: { path: { id } }, body: { reason, wholePerson } })),
    onSuccess: () => void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' }),
  });
}

/** Where the browser downloads the participants with personal data (the server filters by role). */
export const participantExportUrl = (format: 'csv' | 'xlsx', filter: { country?: string; activityId?: number } = {}) =>
  `/api/v1/export/participants.${format}${queryString({ country: filter.country, activityId: filter.activityId })}`;
