/**
 * An IATI activity's transaction and budget elements → the program's transactions and budgets. A
 * value without a currency takes the activity's default-currency; negative transaction values
 * (corrections) are kept. Also weighs, by transaction value, the recipient countries and sectors
 * of an activity that gives them only per transaction (iati-recipients-sectors.ts shares them out).
 */
import { isCodeIn } from '../reference/codelists.js';
import { isCountryCode } from '../reference/countries.js';
import { LIMITS } from '../schema-helpers.js';
import type { Budget, Transaction } from '../program/program.js';
import type { RawIatiActivity } from './raw-activity.js';
import { clip, iatiAmount, iatiDay, preferred, type IatiFindings, type IatiProblem } from './iati-values.js';
import { sectorKnown } from './iati-recipients-sectors.js';

/** An IATI BudgetType or BudgetStatus code (both are 1 or 2), or null for another. */
const budgetCode = (code: string): Budget['type'] | null => (code === '1' ? 1 : code === '2' ? 2 : null);

export interface IatiTransactions {
  readonly transactions: Transaction[];
  /** Absolute transaction values by recipient country, when the activity names none of its own. */
  readonly countryWeights: Map<string, number>;
  /** Absolute transaction values by sector vocabulary and code, when the activity names no sector of its own. */
  readonly sectorWeights: Map<string, Map<string, number>>;
}

/** The usable transactions (a transaction with an issue is left out) and their weights. */
export function iatiTransactions(raw: RawIatiActivity, findings: IatiFindings): IatiTransactions {
  const { issue, unknown } = findings;
  const lang = raw.defaultLang;
  const transactions: Transaction[] = [];
  const countryWeights = new Map<string, number>();
  const sectorWeights = new Map<string, Map<string, number>>();
  raw.transactions.forEach((t, i) => {
    const field = `transaction ${i + 1}`;
    const type = t.type?.trim() ?? '';
    const amount = iatiAmount(t.value);
    const date = iatiDay(t.date) ?? iatiDay(t.valueDate);
    const currency = (t.currency ?? raw.defaultCurrency ?? '').trim().toUpperCase();
    const valueDate = t.valueDate ? iatiDay(t.valueDate) : null;
    let ok = true;
    const bad = (what: string, problem: IatiProblem, message: string, value?: string | null) => {
      issue(`${field} / ${what}`, problem, message, value);
      ok = false;
    };
    if (!isCodeIn('TransactionType', type))
      bad(
        'transaction-type',
        { code: 'iati_bad_code', params: { codelist: 'TransactionType', expected: '' } },
        'is not an IATI TransactionType code',
        type,
      );
    if (amount === undefined) bad('value', 'invalid_amount', 'is not a decimal amount', t.value);
    if (!date)
      bad(
        'transaction-date',
        t.date ? 'invalid_date' : 'iati_missing',
        t.date ? 'is not a real calendar day (YYYY-MM-DD)' : 'is missing',
        t.date,
      );
    if (!currency) bad('value', 'no_currency', 'has no currency (neither value/@currency nor the activity default-currency)');
    else if (!isCodeIn('Currency', currency)) bad('value', 'unknown_currency', 'has a currency that is not an ISO 4217 code', currency);
    if (valueDate === undefined) bad('value/@value-date', 'invalid_date', 'is not a real calendar day (YYYY-MM-DD)', t.valueDate);
    if (!ok || amount === undefined || !date) return;
    const desc = preferred(t.description, lang);
    transactions.push({
      type,
      date,
      amountMinor: amount,
      currency,
      valueDate: valueDate ?? null,
      description: desc ? clip(desc.text, LIMITS.shortText) : null,
    });
    const weight = Math.abs(amount);
    if (!raw.recipientCountries.length && t.recipientCountry) {
      const code = t.recipientCountry.trim().toUpperCase();
      if (isCountryCode(code)) countryWeights.set(code, (countryWeights.get(code) ?? 0) + weight);
      else unknown.push({ what: 'recipient-country', code: t.recipientCountry });
    }
    if (!raw.sectors.length) {
      for (const s of t.sectors) {
        const vocabulary = s.vocabulary?.trim() || '1';
        const code = s.code?.trim() ?? '';
        if (!sectorKnown(vocabulary, code)) {
          unknown.push({ what: `sector (vocabulary ${vocabulary})`, code });
          continue;
        }
        const byCode = sectorWeights.get(vocabulary) ?? new Map<string, number>();
        byCode.set(code, (byCode.get(code) ?? 0) + weight);
        sectorWeights.set(vocabulary, byCode);
      }
    }
  });
  return { transactions, countryWeights, sectorWeights };
}

/** The usable budgets (a budget with an issue is left out). */
export function iatiBudgets(raw: RawIatiActivity, findings: IatiFindings): Budget[] {
  const { issues, issue } = findings;
  const budgets: Budget[] = [];
  raw.budgets.forEach((b, i) => {
    const field = `budget ${i + 1}`;
    const type = b.type?.trim() || '1';
    const status = b.status?.trim() || '1';
    const typeCode = budgetCode(type);
    const statusCode = budgetCode(status);
    const periodStart = iatiDay(b.periodStart);
    const periodEnd = iatiDay(b.periodEnd);
    const amount = iatiAmount(b.value);
    const currency = (b.currency ?? raw.defaultCurrency ?? '').trim().toUpperCase();
    const valueDate = b.valueDate ? iatiDay(b.valueDate) : null;
    const before = issues.length;
    if (typeCode === null)
      issue(
        `${field} / @type`,
        { code: 'iati_bad_code', params: { codelist: 'BudgetType', expected: '1, 2' } },
        'is not an IATI BudgetType code (1 or 2)',
        type,
      );
    if (statusCode === null)
      issue(
        `${field} / @status`,
        { code: 'iati_bad_code', params: { codelist: 'BudgetStatus', expected: '1, 2' } },
        'is not an IATI BudgetStatus code (1 or 2)',
        status,
      );
    if (!periodStart) issue(`${field} / period-start`, 'invalid_date', 'is missing or not a real calendar day', b.periodStart);
    if (!periodEnd) issue(`${field} / period-end`, 'invalid_date', 'is missing or not a real calendar day', b.periodEnd);
    if (amount === undefined) issue(`${field} / value`, 'invalid_amount', 'is not a decimal amount', b.value);
    if (!currency) issue(`${field} / value`, 'no_currency', 'has no currency (neither value/@currency nor the activity default-currency)');
    else if (!isCodeIn('Currency', currency))
      issue(`${field} / value`, 'unknown_currency', 'has a currency that is not an ISO 4217 code', currency);
    if (valueDate === undefined)
      issue(`${field} / value/@value-date`, 'invalid_date', 'is not a real calendar day (YYYY-MM-DD)', b.valueDate);
    if (issues.length > before || typeCode === null || statusCode === null || !periodStart || !periodEnd || amount === undefined) return;
    budgets.push({
      type: typeCode,
      status: statusCode,
      periodStart,
      periodEnd,
      amountMinor: amount,
      currency,
      valueDate: valueDate ?? null,
    });
  });
  return budgets;
}
