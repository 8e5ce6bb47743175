/** `mitra personal-data …` (personal-data.commands.ts): the use cases of services/personal-data.ts for the terminal. */
import { personLookupSchema, toLookup } from '../domain/personal-data/access.js';
import { exportPersonalData } from '../services/personal-data.js';
import type { CliContext, Flags } from './context.js';
import { CliInputError } from './exit-codes.js';
import { json } from './format.js';
import { optionOneOf, parseInput } from './input.js';

export async function exportPerson(ctx: CliContext, opts: Flags): Promise<void> {
  const format = optionOneOf('--format', ['json', 'pdf'] as const, typeof opts.format === 'string' ? opts.format : undefined) ?? 'json';
  const participant = typeof opts.participant === 'string' ? Number(opts.participant) : undefined;
  const lookup = toLookup(
    parseInput(
      personLookupSchema,
      { participantId: participant, email: opts.email, personKey: opts.personKey },
      'options (give one of --participant, --email, --person-key)',
    ),
  );
  const out = typeof opts.out === 'string' ? opts.out : undefined;
  if (format === 'pdf' && !out) throw new CliInputError('--out FILE is required for --format pdf');
  await ctx.withApp(async (app) => {
    const e = await exportPersonalData(app.deps, lookup, format);
    if (format === 'pdf') {
      const { renderPersonalDataPdf } = await import('../io/pdf/personal-data.js');
      await ctx.io.writeFile(out ?? '', await renderPersonalDataPdf(e));
    } else if (out) await ctx.io.writeFile(out, new TextEncoder().encode(json(e)));
    else ctx.io.out(json(e));
    if (out) ctx.io.err(`exported ${e.participants.length} record(s) of the person to ${out}`);
  });
}
