/** The registry's routes: the dashboard, the programs (list, record, form), their attendance sheet and certificates' check, and imports. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { programsQuery, summaryQuery, yearsQuery } from '../api/queries.js';
import { guarded } from '../auth/guarded.js';
import { can } from '../auth/session.js';
import { canParticipants } from '../auth/participant-rules.js';
import { listParams, parseProgramSearch } from '../pages/Programs/program-search.js';
import { intParam as int } from '../search-params.js';
import { rootRoute } from './root.js';

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  staticData: { title: 'dashboard' },
  validateSearch: (s: Record<string, unknown>): { year?: number; show?: 'programs' | 'participants' } => ({
    ...(int(s.year) ? { year: int(s.year) } : {}),
    ...(s.show === 'participants' ? { show: 'participants' as const } : {}),
  }),
  loaderDeps: ({ search }) => ({ year: search.year }),
  // Data starts loading with the page's code; errors are shown by the page itself.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(yearsQuery());
    if (deps.year) void context.queryClient.prefetchQuery(summaryQuery(deps.year));
  },
  component: lazyRouteComponent(() => import('../pages/Dashboard/DashboardPage.js'), 'DashboardPage'),
});

const programsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs',
  staticData: { title: 'programs' },
  validateSearch: parseProgramSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void context.queryClient.prefetchQuery(programsQuery(listParams(deps))),
  component: lazyRouteComponent(() => import('../pages/Programs/ProgramsPage.js'), 'ProgramsPage'),
});

const newProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/new',
  staticData: { title: 'newProgram' },
  component: guarded(
    can.createProgram,
    lazyRouteComponent(() => import('../pages/ProgramForm/ProgramFormPage.js'), 'NewProgramPage'),
  ),
});

const programRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id',
  staticData: { title: 'program' },
  component: lazyRouteComponent(() => import('../pages/Program/ProgramPage.js'), 'ProgramPage'),
});

const editProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/edit',
  staticData: { title: 'editProgram' },
  component: guarded(
    can.editSomeProgram,
    lazyRouteComponent(() => import('../pages/ProgramForm/ProgramFormPage.js'), 'EditProgramPage'),
  ),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  staticData: { title: 'import' },
  validateSearch: (s: Record<string, unknown>): { kind?: 'activities' | 'participants' | 'rates' | 'iati' } =>
    s.kind === 'participants' || s.kind === 'rates' || s.kind === 'activities' || s.kind === 'iati' ? { kind: s.kind } : {},
  // The coordination team imports every kind; an agency the participants of its own programs.
  component: guarded(
    (u) => can.import(u) || canParticipants.importSome(u),
    lazyRouteComponent(() => import('../pages/Import/ImportPage.js'), 'ImportPage'),
  ),
});

/** The attendance sheet: the coordination team and agencies (the server allows an agency its own programs only). */
const attendanceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/attendance',
  staticData: { title: 'attendance' },
  component: guarded(
    (u) => !!u && ['admin', 'coordinator', 'agency'].includes(u.role),
    lazyRouteComponent(() => import('../pages/Attendance/AttendancePage.js'), 'AttendancePage'),
  ),
});

/** Public: the page a certificate's QR code opens. */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/$token',
  staticData: { title: 'verify' },
  component: lazyRouteComponent(() => import('../pages/Verify/VerifyPage.js'), 'VerifyPage'),
});

export const programRoutes = [
  dashboardRoute,
  programsRoute,
  newProgramRoute,
  programRoute,
  editProgramRoute,
  importRoute,
  attendanceRoute,
  verifyRoute,
];
