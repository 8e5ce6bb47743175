/**
 * Who is signed in, as the server says (GET /api/v1/auth/session), and what the interface offers
 * them. The server enforces every rule again: these only decide which menus and buttons appear.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, sessionHasEnded, setCsrfToken, type Session, type User } from '../api/client.js';

export type Role = User['role'];

/** What the app holds once nobody is signed in (after sign-out, or when the session ended). */
export const SIGNED_OUT: Session = { user: null, csrfToken: null, expiresAt: null, portal: false };

export const sessionQuery = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: async ({ client }): Promise<Session> => {
      const session = await call(api.GET('/api/v1/auth/session'));
      // A user who was signed in and is no longer (expired, disabled, signed out elsewhere) is told
      // so and sent to the sign-in page, as for a 401; a sign-out here already cleared the user.
      const before = client.getQueryData<Session>(['session']);
      if (before?.user && !before.pendingFactor && !session.user) sessionHasEnded();
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });

/**
 * The signed-in user, or null; a session whose password was right but which still needs its
 * second factor has no user yet (`pending` says what it needs, `pendingUser` who it is).
 */
export function useSession(): {
  user: User | null;
  portal: boolean;
  loading: boolean;
  pending: Session['pendingFactor'] | null;
  pendingUser: User | null;
} {
  const query = useQuery(sessionQuery());
  const pending = query.data?.pendingFactor ?? null;
  const user = query.data?.user ?? null;
  return {
    user: pending ? null : user,
    portal: query.data?.portal ?? false,
    loading: query.isPending,
    pending,
    pendingUser: pending ? user : null,
  };
}

/** Signs in; the new session (and its CSRF token) replaces the old one, and every view reloads. */
/** Lifts a sign-in pause with the token of the mailed link (no session needed). */
export function useUnlock() {
  return useMutation({
    mutationFn: (token: string) => call(api.POST('/api/v1/auth/unlock', { body: { token } })),
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => call(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(['session'], session);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

/** How one signs in here (passwords, single sign-on), for the sign-in page. */
export const useSignInMethods = () =>
  useQuery({ queryKey: ['auth-methods'], queryFn: () => call(api.GET('/api/v1/auth/methods')), staleTime: Infinity });

/** Signs out; after a single sign-on, the browser then goes to the provider to sign out there too. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSuccess: (answer) => {
      if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
    },
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData<Session>(['session'], (before) => ({ ...SIGNED_OUT, portal: before?.portal ?? false }));
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => call(api.POST('/api/v1/auth/password', { body })),
  });
}

/** What each role may do, for showing menus and buttons (mirrors src/domain/access/policy.ts). */
export const can = {
  /** Embassies and recipient governments' focal points file requests (new programs at the request stage). */
  createProgram: (u: User | null) => !!u && ['admin', 'coordinator', 'agency', 'embassy', 'focal_point'].includes(u.role),
  /** Nominating candidates to an open offer (authorizeNominate): for the user's organisation. */
  nominate: (u: User | null) =>
    !!u && (u.role === 'admin' || u.role === 'coordinator' || ((u.role === 'embassy' || u.role === 'focal_point') && !!u.orgCode)),
  /** Registering a partner government's request (authorizeRequestRegister). */
  registerRequest: (u: User | null) =>
    !!u && (u.role === 'admin' || u.role === 'coordinator' || ((u.role === 'embassy' || u.role === 'focal_point') && !!u.orgCode)),
  editProgram: (u: User | null, implementingOrg: string | null) =>
    !!u &&
    (u.role === 'admin' ||
      u.role === 'coordinator' ||
      (u.role === 'agency' && !!u.orgCode && u.orgCode.toLowerCase() === (implementingOrg ?? '').toLowerCase())),
  /** May edit some program (which ones, the server decides: an agency only its own). */
  editSomeProgram: (u: User | null) => !!u && ['admin', 'coordinator', 'agency'].includes(u.role),
  deleteProgram: (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator'),
  import: (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator'),
  /** Unit costs of the in-kind estimates: the coordination team. */
  editUnitCosts: (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator'),
  /** Priority targets and custom country lists. */
  setPriorities: (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator'),
  manageUsers: (u: User | null) => u?.role === 'admin',
  readAudit: (u: User | null) => u?.role === 'admin',
  /** Signed-in views beyond the public portal (annual plan, history). */
  internal: (u: User | null) => !!u,
};
