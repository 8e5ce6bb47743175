/**
 * An audit entry's changes as stored: the JSON of what diffRecords (audit.ts) and the erasure's
 * scrubbing returned. Apart from audit.ts, whose codes the CLI's command definitions read at
 * start-up, so that `mitra --version` loads no zod (src/cli/startup.int.test.ts).
 */
import { z } from 'zod';
import type { Changes } from './audit.js';

export const storedChangesSchema = z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) satisfies z.ZodType<Changes>;
