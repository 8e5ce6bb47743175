/** Queries and mutations of the attendance sheet, certificates and the public verification page. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client.js';
import type { paths } from './schema.js';

export type AttendanceSheetData = paths['/api/v1/activities/{id}/attendance']['get']['responses']['200']['content']['application/json'];
export type AttendanceMarkBody =
  paths['/api/v1/activities/{id}/attendance']['put']['requestBody']['content']['application/json']['marks'][number];
export type CloseResult = paths['/api/v1/activities/{id}/attendance/close']['post']['responses']['200']['content']['application/json'];
export type IssueResult = paths['/api/v1/activities/{id}/certificates']['post']['responses']['200']['content']['application/json'];
export type Verification = paths['/api/v1/verify/{token}']['get']['responses']['200']['content']['application/json'];

export const useAttendanceSheet = (id: number) =>
  useQuery({
    queryKey: ['attendance', id],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/attendance', { params: { path: { id } } })),
  });

export function useRecordAttendance(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (marks: AttendanceMarkBody[]) =>
      call(api.PUT('/api/v1/activities/{id}/attendance', { params: { path: { id } }, body: { marks } })),
    onSuccess: (sheet) => client.setQueryData(['attendance', id], sheet),
  });
}

/** Closing changes statuses: the sheet, the participant list and the reports reload. */
export function useCloseAttendance(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/activities/{id}/attendance/close', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' }),
  });
}

export function useIssueCertificates(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/activities/{id}/certificates', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['attendance', id] }),
  });
}

export function useRevokeCertificate(programId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      call(api.POST('/api/v1/certificates/{id}/revoke', { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['attendance', programId] }),
  });
}

/** Public: no session needed; a 404 is an answer ("no such certificate"), shown by the page. */
export const useVerification = (token: string) =>
  useQuery({
    queryKey: ['verify', token],
    queryFn: () => call(api.GET('/api/v1/verify/{token}', { params: { path: { token } } })),
    retry: false,
  });

/** Where the browser downloads a participant's certificate. */
export const certificatePdfUrl = (participantId: number) => `/api/v1/participants/${participantId}/certificate.pdf`;
