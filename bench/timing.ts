/** Warm timings for the benchmark scripts. */

/**
 * Runs `work` twice to warm up, then `runs` times, and prints
 * `label: min … ms, median … ms, max … ms (N runs, note)`; returns the median in milliseconds.
 */
export async function timeWarm(label: string, runs: number, work: () => Promise<unknown>, note = ''): Promise<number> {
  await work();
  await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)] ?? 0;
  const f = (n: number | undefined) => (n ?? 0).toFixed(1);
  console.log(
    `${label}: min ${f(ms[0])} ms, median ${f(median)} ms, max ${f(ms[ms.length - 1])} ms (${runs} runs${note ? `, ${note}` : ''})`,
  );
  return median;
}

/**
 * A PostgreSQL database of a benchmark's own beside the admin connection's: its URL, and a way to
 * run one statement as admin (create it, drop it).
 */
export function benchDatabase(adminUrl: string, name: string): { url: string; admin: (text: string) => Promise<void> } {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    admin: async (text) => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(text);
      } finally {
        await client.end();
      }
    },
  };
}

/** The smallest and the median (the lower middle of an even count) of some figures. */
export function minMedian(values: readonly number[]): { min: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0 };
}

/** This process's peak resident set size so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
