/**
 * Import batches left `running` by a process that is gone (issue 24, finding 4). Kept apart from
 * imports.ts so that start-up (main.ts openApp) loads this much only.
 */
import { hostname } from 'node:os';
import type { Deps } from './deps.js';

/** This process, as an import batch records its runner: "host:pid". */
export const IMPORT_RUNNER = `${hostname()}:${process.pid}`;

/** No import runs this long: a batch `running` for longer is abandoned, wherever its process was. */
export const ABANDONED_AFTER_MS = 24 * 3_600_000;

/** Whether a process of this host is alive (signal 0 checks without signalling; EPERM: alive, not ours). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks `failed` the import batches left `running` by a process that is gone (issue 24, finding 4:
 * an import killed with `kill -9` stayed `running` for ever). A batch is abandoned when its runner
 * is a process of this host that no longer runs, when it has no runner (an earlier version's
 * batch: no import survives an upgrade), or when it has run for more than a day (a process of
 * another host, or a reused process id). Called at start-up (main.ts openApp) and every few
 * minutes by the background jobs. The data of such an import were never committed (one
 * transaction); only its batch record said otherwise.
 */
export async function failAbandonedImports(
  deps: Deps<'importBatches'>,
  options: { readonly alive?: (pid: number) => boolean; readonly host?: string } = {},
): Promise<number[]> {
  const alive = options.alive ?? pidAlive;
  const host = options.host ?? hostname();
  const now = deps.clock.nowIso();
  const abandoned = (await deps.store.repos.importBatches.running()).filter((b) => {
    if (b.runner === null) return true;
    if (Date.parse(now) - Date.parse(b.startedAt) > ABANDONED_AFTER_MS) return true;
    const at = b.runner.lastIndexOf(':');
    const [runnerHost, pid] = [b.runner.slice(0, at), Number(b.runner.slice(at + 1))];
    return runnerHost === host && Number.isInteger(pid) && pid > 0 && !alive(pid);
  });
  const ids = abandoned.map((b) => b.id);
  if (ids.length > 0)
    await deps.store.repos.importBatches.fail(
      ids,
      now,
      'the import stopped without finishing (its process ended): nothing of it was saved',
    );
  return ids;
}
