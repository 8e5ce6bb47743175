/**
 * A program's child rows as the domain holds them: budgets and transactions (money in
 * hundredths), and child rows grouped by their program, for the repositories that read pages of
 * programs whole (program.repo.ts) or their money (money.repo.ts).
 */
import type { Selectable } from 'kysely';
import type { Budget, Transaction } from '../domain/program/program.js';
import type { BudgetsTable, TransactionsTable } from './schema.js';
import { num } from './sql-helpers.js';

/** Child rows by program id, each list in the order read; a program without rows gets []. */
export function byActivity<T extends { activity_id: number }>(rows: readonly T[]): (id: number) => T[] {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const id = num(row.activity_id);
    const list = map.get(id);
    if (list) list.push(row);
    else map.set(id, [row]);
  }
  return (id) => map.get(id) ?? [];
}

export const budgetOf = (b: Selectable<BudgetsTable>): Budget => ({
  type: b.type,
  status: b.status,
  periodStart: b.period_start,
  periodEnd: b.period_end,
  amountMinor: num(b.amount_minor),
  currency: b.currency,
  valueDate: b.value_date,
});

export const transactionOf = (t: Selectable<TransactionsTable>): Transaction => ({
  type: t.type,
  date: t.transaction_date,
  amountMinor: num(t.amount_minor),
  currency: t.currency,
  valueDate: t.value_date,
  description: t.description,
});
