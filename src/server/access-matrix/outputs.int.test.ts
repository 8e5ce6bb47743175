/** The access matrix (fixtures.ts) over reference lists, reports, exports, editions and IATI files. */
import { describeMatrix } from './fixtures.js';
import { outputRows } from './outputs.rows.js';

describeMatrix('reference lists, reports, exports, editions', outputRows);
