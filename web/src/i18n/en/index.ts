/** English catalogue, one module per area. Keys are shared with id/ (checked by a test). */
import { app, common, errors, conflict, personal, codes } from './common.js';
import { lifecycle, history, programs, program, form, issues } from './programs.js';
import { dashboard, report, plan, analytics, priorities, country, partner } from './reports.js';
import { money, imports } from './money.js';
import { auth, admin, secondFactor } from './accounts.js';
import { partnerships } from './partnerships.js';
import { requests } from './requests.js';
import { attendance, alumni } from './alumni.js';
import { offers } from './offers.js';
import { participants } from './participants.js';
import { importMapping } from './import-mapping.js';
import { iati } from './iati.js';
import { iatiChecks } from './iati-checks.js';
import { quality } from './quality.js';
import { personalData } from './personal-data.js';
import { otherProviders } from './other-providers.js';
import { editions } from './editions.js';
import { rounds } from './rounds.js';
import { apiTokens } from './api-tokens.js';
import { programDocuments } from './program-documents.js';
import { completion, evaluation } from './completion.js';
import { results } from './results.js';
import { signOffs } from './sign-offs.js';

export const en = {
  app,
  common,
  errors,
  lifecycle,
  history,
  conflict,
  personal,
  plan,
  money,
  issues,
  dashboard,
  programs,
  program,
  form,
  import: imports,
  report,
  auth,
  admin,
  secondFactor,
  analytics,
  priorities,
  country,
  partner,
  partnerships,
  requests,
  attendance,
  alumni,
  offers,
  participants,
  importMapping,
  iati,
  iatiChecks,
  quality,
  personalData,
  codes,
  otherProviders,
  editions,
  rounds,
  apiTokens,
  programDocuments,
  completion,
  evaluation,
  results,
  signOffs,
};
