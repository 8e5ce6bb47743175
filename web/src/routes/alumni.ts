/** The alumni directory, surveys, their results, and the public page a survey mail's link opens. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { canAlumni } from '../auth/alumni-rules.js';
import { guarded } from '../auth/guarded.js';
import { parseAlumniSearch } from '../pages/Alumni/alumni-search.js';
import { rootRoute } from './root.js';

/** Alumni, surveys and survey results: the roles that see personal data (the server filters record by record). */
const alumniRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alumni',
  staticData: { title: 'alumni' },
  validateSearch: parseAlumniSearch,
  component: guarded(
    canAlumni.see,
    lazyRouteComponent(() => import('../pages/Alumni/AlumniPage.js'), 'AlumniPage'),
  ),
});

const alumnusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alumni/$id',
  staticData: { title: 'alumnus' },
  component: guarded(
    canAlumni.see,
    lazyRouteComponent(() => import('../pages/Alumni/AlumnusPage.js'), 'AlumnusPage'),
  ),
});

const surveysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/surveys',
  staticData: { title: 'surveys' },
  component: guarded(
    canAlumni.surveyAdmin,
    lazyRouteComponent(() => import('../pages/Alumni/SurveysPage.js'), 'SurveysPage'),
  ),
});

const surveyResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/survey-results',
  staticData: { title: 'surveyResults' },
  component: guarded(
    canAlumni.results,
    lazyRouteComponent(() => import('../pages/Alumni/SurveyResultsPage.js'), 'SurveyResultsPage'),
  ),
});

/** Public: the page a survey mail's link opens (no sign-in). */
const surveyAnswerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survey/$token',
  staticData: { title: 'survey' },
  component: lazyRouteComponent(() => import('../pages/Alumni/SurveyAnswerPage.js'), 'SurveyAnswerPage'),
});

export const alumniRoutes = [alumniRoute, alumnusRoute, surveysRoute, surveyResultsRoute, surveyAnswerRoute];
