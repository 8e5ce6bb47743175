import { expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { openApp } from '../main.js';
import { createProgram } from '../services/programs.js';
import { addParticipant } from '../services/participants.js';
import { aProgram, aParticipant } from '../testing/builders.js';
import { describeCliOnEachEngine } from '../testing/cli.js';
import { flatText, pdfText } from '../testing/pdf.js';

describeCliOnEachEngine('mitra attendance and certificates', (mitra, env) => {
  it('records days, closes the attendance, issues and writes a certificate, and verifies it', async () => {
    // A five-day course in March 2026 with two confirmed participants.
    const app = await openApp(loadConfig({ ...env(), LOG_LEVEL: 'silent' }));
    let programId = 0;
    const ids: number[] = [];
    try {
      const program = await createProgram(
        app.deps,
        programInputSchema.parse(aProgram({ plannedStart: '2026-03-02', plannedEnd: '2026-03-06', lifecycleStage: 'implementation' })),
      );
      programId = program.id;
      for (const name of ['Ana Soares', 'Tui Fale'])
        ids.push(
          (await addParticipant(app.deps, program.id, participantInputSchema.parse(aParticipant({ fullName: name, status: 'confirmed' }))))
            .id,
        );
    } finally {
      await app.close();
    }
    const [ana = 0, tui = 0] = ids;
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) {
      const r = await mitra([
        'attendance',
        'record',
        '--program',
        String(programId),
        '--day',
        day,
        '--present',
        String(ana),
        '--absent',
        String(tui),
      ]);
      expect(r.code, r.err).toBe(0);
    }
    const outside = await mitra(['attendance', 'record', '--program', String(programId), '--day', '2026-03-09', '--present', String(ana)]);
    expect(outside.code).toBe(3);
    expect(outside.err).toMatch(/2026-03-09 is not a day of the course/);

    const show = await mitra(['attendance', 'show', '--program', String(programId)]);
    expect(show.out).toMatch(/5 course days; completion at 80% = at least 4 day\(s\)/);
    expect(show.out).toMatch(new RegExp(`^${ana}\\s+Ana Soares\\s+confirmed\\s+x\\s+x\\s+x\\s+x\\s+4/5\\s+yes`, 'm'));
    expect(show.out).toMatch(new RegExp(`^${tui}\\s+Tui Fale\\s+confirmed\\s+\\.\\s+\\.\\s+\\.\\s+\\.\\s+0/5\\s+no`, 'm'));

    const close = await mitra(['attendance', 'close', '--program', String(programId)]);
    expect(close.out).toContain('now attended: 1\nnow completed: 1\nattended on too few days: 0\nnever present: 1');

    const issue = await mitra(['certificates', 'issue', '--program', String(programId), '--json']);
    const issued = JSON.parse(issue.out) as { issued: { id: number; number: string; verifyToken: string }[] };
    expect(issued.issued).toHaveLength(1);
    const cert = issued.issued[0];
    expect(cert?.number).toMatch(new RegExp(`^MITRA-\\d{4}-${programId}-${ana}-\\d\\d$`));

    const files: Record<string, string | Uint8Array> = {};
    const pdf = await mitra(['certificates', 'pdf', '--participant', String(ana), '--out', 'ana.pdf'], files);
    expect(pdf.code, pdf.err).toBe(0);
    const text = flatText(pdfText(files['ana.pdf'] as Uint8Array));
    expect(text).toContain('Ana Soares');
    expect(text).toContain(`http://localhost:3000/verify/${cert?.verifyToken}`);

    const verify = await mitra(['certificates', 'verify', `http://localhost:3000/verify/${cert?.verifyToken}`]);
    expect(verify.out).toContain(`status: valid\nnumber: ${cert?.number}\nname: Ana Soares`);
    await mitra(['certificates', 'revoke', String(cert?.id), '--reason', 'wrong name']);
    expect((await mitra(['certificates', 'verify', cert?.verifyToken ?? ''])).out).toMatch(/^status: revoked/);
    const unknown = await mitra(['certificates', 'verify', 'x'.repeat(43)]);
    expect(unknown.code).toBe(4);
  }, 60_000);
});
