/**
 * The ledger of an edition's bundle (docs/bundle.md): the headline totals summed over the
 * frozen programs themselves, which every output of the bundle is reconciled to — the annual
 * report, IATI, TOSSD, the SEGIB-style sheet and the UN table.
 */
import type { FrozenProgram, HeadlineTotals } from './types.js';

/** Sums the headline totals of frozen programs, page by page. */
export class Ledger {
  private programs = 0;
  private readonly countries = new Set<string>();
  private participants = 0;
  private usdMinor = 0;
  private idrMinor = 0;
  private inKindUsdMinor = 0;

  add(page: readonly FrozenProgram[]): void {
    for (const p of page) {
      this.programs++;
      for (const r of p.program.recipients) this.countries.add(r.country);
      this.participants += p.participants;
      this.usdMinor += p.spent.usdMinor;
      this.idrMinor += p.spent.idrMinor;
      this.inKindUsdMinor += p.inKind?.usdMinor ?? 0;
    }
  }

  totals(): HeadlineTotals {
    return {
      programs: this.programs,
      countries: this.countries.size,
      participants: this.participants,
      usdMinor: this.usdMinor,
      idrMinor: this.idrMinor,
      inKindUsdMinor: this.inKindUsdMinor,
    };
  }
}
