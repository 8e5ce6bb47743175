/** The completion form's state, its mapping to and from the API, and its checks (issue 25). */
import type { CostBearer, CostLine } from '../../../../src/domain/program/completion.js';
import type { Schemas } from '../../api/client.js';
import type { CompletionBody } from '../../api/completion-queries.js';
import { completionInput } from '../../../../src/domain/program/completion.js';
import { addSchemaErrors, type FieldErrors } from '../../components/field-errors.js';

export interface CostRow {
  line: CostLine;
  amount: string;
  currency: string;
  bearer: CostBearer;
  partnerOrg: string;
  note: string;
}

export interface CompletionForm {
  actualStart: string;
  actualEnd: string;
  costs: CostRow[];
  noCost: boolean;
  noCostReason: string;
  reportEn: string;
  reportId: string;
}

export const emptyCost = (currency = 'IDR'): CostRow => ({
  line: 'travel',
  amount: '',
  currency,
  bearer: 'provider',
  partnerOrg: '',
  note: '',
});

/** The form for a stored record, or for a first one (the program's dates as they stand). */
export function completionFormOf(
  record: Schemas['Completion']['record'],
  program: { actualStart: string | null; plannedStart: string | null; actualEnd: string | null; plannedEnd: string | null },
): CompletionForm {
  if (!record)
    return {
      actualStart: program.actualStart ?? program.plannedStart ?? '',
      actualEnd: program.actualEnd ?? program.plannedEnd ?? '',
      costs: [],
      noCost: false,
      noCostReason: '',
      reportEn: '',
      reportId: '',
    };
  return {
    actualStart: record.actualStart ?? '',
    actualEnd: record.actualEnd ?? '',
    costs: record.costs.map((c) => ({ ...c, partnerOrg: c.partnerOrg ?? '', note: c.note ?? '' })),
    noCost: record.noCost,
    noCostReason: record.noCostReason ?? '',
    reportEn: record.reportEn ?? '',
    reportId: record.reportId ?? '',
  };
}

export function completionBody(form: CompletionForm): CompletionBody {
  return {
    actualStart: form.actualStart || null,
    actualEnd: form.actualEnd || null,
    costs: form.costs.map((c) => ({
      line: c.line,
      amount: c.amount.trim(),
      currency: c.currency.trim(),
      bearer: c.bearer,
      partnerOrg: c.bearer === 'partner' ? c.partnerOrg.trim() || null : null,
      note: c.note,
    })),
    noCost: form.noCost,
    noCostReason: form.noCostReason,
    reportEn: form.reportEn,
    reportId: form.reportId,
  };
}

/** The errors the server's schema would find, before sending. */
export function completionErrors(form: CompletionForm): FieldErrors {
  return addSchemaErrors(new Map(), completionInput.safeParse(completionBody(form)));
}
