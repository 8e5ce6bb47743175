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
