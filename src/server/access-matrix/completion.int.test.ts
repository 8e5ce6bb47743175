/** The access matrix (fixtures.ts) over programs' completion and evaluation records. */
import { completionRows } from './completion.rows.js';
import { describeMatrix } from './fixtures.js';

describeMatrix('completion and evaluation', completionRows);
