/** Data quality (issue 23): the rules, a year's scorecard per agency, an agency's programs with what to fix, one program's findings. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, queryString, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type QualityRule = Schemas['QualityRule'];
export type QualityScorecard = Schemas['QualityScorecard'];
export type QualityFinding = Schemas['QualityFinding'];
export type QualityRuleChange = NonNullable<paths['/api/v1/quality/rules/{code}']['patch']['requestBody']>['content']['application/json'];

export const useQualityRules = () => useQuery({ queryKey: ['quality-rules'], queryFn: () => call(api.GET('/api/v1/quality/rules')) });

export const useQualityScorecard = (year: number) =>
  useQuery({
    queryKey: ['quality-scorecard', { year }],
    queryFn: () => call(api.GET('/api/v1/quality/scorecard', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });

export const useQualityPrograms = (params: { year: number; agency: string; page: number }) =>
  useQuery({
    queryKey: ['quality-programs', params],
    queryFn: () => call(api.GET('/api/v1/quality/programs', { params: { query: { ...params, pageSize: 25 } } })),
    placeholderData: keepPreviousData,
  });

export const useProgramQuality = (id: number) =>
  useQuery({
    queryKey: ['program-quality', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/quality', { params: { path: { id } } })),
  });

/** Switches a rule, or changes its weight: every score is computed again. */
export function useChangeQualityRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: QualityRuleChange }) =>
      call(api.PATCH('/api/v1/quality/rules/{code}', { params: { path: { code } }, body })),
    onSuccess: () => {
      for (const key of ['quality-rules', 'quality-scorecard', 'quality-programs', 'program-quality'])
        void client.invalidateQueries({ queryKey: [key] });
    },
  });
}

export const qualityScorecardExportUrl = (year: number, format: 'csv' | 'xlsx', lang: string) =>
  `/api/v1/quality/scorecard/export${queryString({ year, format, lang: lang === 'id' ? 'id' : 'en' })}`;
