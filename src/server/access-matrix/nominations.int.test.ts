/** The access matrix (fixtures.ts) over offers, nominations, participants' records, certificates, alumni and rounds. */
import { describeMatrix } from './fixtures.js';
import { nominationRows } from './nominations.rows.js';

describeMatrix('offers, nominations, certificates, alumni, rounds', nominationRows);
