/** The access matrix (fixtures.ts) over signing in, the second factor, API tokens and the health check. */
import { accountRows } from './accounts.rows.js';
import { describeMatrix } from './fixtures.js';

describeMatrix('sign-in, second factor, API tokens', accountRows);
