/** The access matrix (fixtures.ts) over reference records, imports, reports, accounts, analytics and quality. */
import { describeMatrix } from './fixtures.js';
import { recordRows } from './records.rows.js';

describeMatrix('records, reports, accounts', recordRows);
