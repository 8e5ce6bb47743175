/**
 * Progress of long work: a bar redrawn in place on a terminal, and a plain line every tenth
 * otherwise (so that CI logs stay readable).
 */
import type { CliIo } from './io.js';

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

export function byteProgress(io: CliIo, label: string, total: number | null): { update(bytes: number): void; done(): void } {
  let lastTenth = -1;
  let lastDraw = 0;
  return {
    update(bytes) {
      const share = total ? Math.min(1, bytes / total) : null;
      if (io.isTty) {
        const now = Date.now();
        if (now - lastDraw < 100) return;
        lastDraw = now;
        const width = 30;
        const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${Math.round(share * 100)}% `;
        io.progress(`${label} ${bar}${mib(bytes)}${total ? ` of ${mib(total)}` : ''}`);
        return;
      }
      if (share === null || total === null || total < 5 * 1_048_576) return;
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.progress(`${label}: ${tenth * 10}% (${mib(bytes)} of ${mib(total)})`);
      }
    },
    done() {
      if (io.isTty) io.progress('');
    },
  };
}
