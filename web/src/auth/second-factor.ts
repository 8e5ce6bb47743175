/**
 * The second factor (TOTP): the code after the password, enrolment, recovery codes, and the
 * account's status. A session that still needs its code or an enrolment reaches nothing else
 * on the server (403); the app shows it the sign-in page's second step.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, setCsrfToken, type Session } from '../api/client.js';

/** A code from the app (6 digits), or a recovery code. */
export type FactorProof = { code: string } | { recoveryCode: string };

/** The full session that replaces the pending one: every view reloads with it. */
function useAdoptSession() {
  const client = useQueryClient();
  return (session: Session) => {
    setCsrfToken(session.csrfToken);
    client.setQueryData(['session'], session);
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };
}

export function useVerifyCode() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (body: FactorProof) => call(api.POST('/api/v1/auth/second-factor/verify', { body })),
    onSuccess: adopt,
  });
}

export function useSecondFactorStatus(enabled = true) {
  return useQuery({
    queryKey: ['second-factor'],
    queryFn: () => call(api.GET('/api/v1/auth/second-factor')),
    enabled,
  });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => call(api.POST('/api/v1/auth/second-factor/enrolment')) });
}

/**
 * Confirms the enrolment; the recovery codes come back once. A sign-in that had to enrol gets
 * its full session, adopted only when the caller says so (after the codes were shown).
 */
export function useConfirmEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(api.POST('/api/v1/auth/second-factor/enrolment/confirm', { body: { code } })),
    onSuccess: (result) => {
      // The pending session's token is gone: the CSRF token of the new one is needed at once.
      if (result.session) setCsrfToken(result.session.csrfToken);
      void client.invalidateQueries({ queryKey: ['second-factor'] });
    },
  });
}

/** Makes the full session (after an enrolment at sign-in) the app's. */
export function useAdoptFullSession() {
  return useAdoptSession();
}

export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(api.POST('/api/v1/auth/second-factor/recovery-codes', { body: { code } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['second-factor'] }),
  });
}

export function useDisableSecondFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FactorProof) => call(api.POST('/api/v1/auth/second-factor/disable', { body })),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ['second-factor'] });
      // When the role requires a second factor the session ended: the next sign-in enrols again.
      if (result.sessionEnded) void client.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

/** An administrator lifts an account's sign-in limit (its failed sign-ins are forgotten). */
export function useUnlockAccount() {
  return useMutation({
    mutationFn: (id: number) => call(api.POST('/api/v1/users/{id}/unlock', { params: { path: { id } } })),
  });
}

export function useResetSecondFactor() {
  return useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/v1/users/{id}/second-factor', { params: { path: { id } } })),
  });
}
