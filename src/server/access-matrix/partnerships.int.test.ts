/** The access matrix (fixtures.ts) over partners, agreements, engagements, follow-ups and requests. */
import { describeMatrix } from './fixtures.js';
import { partnershipRows } from './partnerships.rows.js';
import { requestRows } from './requests.rows.js';

describeMatrix('partnerships and requests', (m) => [...partnershipRows(m), ...requestRows(m)]);
