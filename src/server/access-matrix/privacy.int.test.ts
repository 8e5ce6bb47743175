/** The access matrix (fixtures.ts) over personal data protection: access exports, breaches, retention, the register. */
import { describeMatrix } from './fixtures.js';
import { privacyRows } from './privacy.rows.js';

describeMatrix('personal data protection', privacyRows);
