/** Every set of rows of the access matrix, for the coverage check (coverage.int.test.ts). */
import type { Matrix, Row } from './fixtures.js';
import { accountRows } from './accounts.rows.js';
import { documentRows } from './documents.rows.js';
import { completionRows } from './completion.rows.js';
import { nominationRows } from './nominations.rows.js';
import { outputRows } from './outputs.rows.js';
import { partnershipRows } from './partnerships.rows.js';
import { planningRows } from './planning.rows.js';
import { privacyRows } from './privacy.rows.js';
import { programRows } from './programs.rows.js';
import { recordRows } from './records.rows.js';
import { requestRows } from './requests.rows.js';
import { resultRows } from './results.rows.js';

export const ROW_SETS: readonly ((m: Matrix) => readonly Row[])[] = [
  programRows,
  recordRows,
  accountRows,
  outputRows,
  planningRows,
  nominationRows,
  partnershipRows,
  requestRows,
  privacyRows,
  documentRows,
  completionRows,
  resultRows,
];
