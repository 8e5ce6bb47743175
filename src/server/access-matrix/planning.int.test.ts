/** The access matrix (fixtures.ts) over money, priorities, country lists, import mappings and other providers. */
import { describeMatrix } from './fixtures.js';
import { planningRows } from './planning.rows.js';

describeMatrix('money, priorities, import mappings, other providers', planningRows);
