/** The access matrix (fixtures.ts) over programs, participants and transitions. */
import { describeMatrix } from './fixtures.js';
import { programRows } from './programs.rows.js';

describeMatrix('programs, participants, transitions', programRows);
