/** The access matrix (fixtures.ts) over programs' documents. */
import { describeMatrix } from './fixtures.js';
import { documentRows } from './documents.rows.js';

describeMatrix('program documents', documentRows);
