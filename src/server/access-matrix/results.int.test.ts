/** The access matrix (fixtures.ts) over programs' results frameworks. */
import { describeMatrix } from './fixtures.js';
import { resultRows } from './results.rows.js';

describeMatrix('results frameworks', resultRows);
