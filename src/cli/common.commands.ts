/**
 * What several command definitions share, and the values their actions check the options
 * against (so that an action never imports its command definition, which loads it).
 */
import { Option } from 'commander';

/** A shared --json option. */
export const jsonOption = () => new Option('--json', 'print JSON instead of a table');

/** The formats of the partnership lists. */
export const LIST_FORMATS = ['table', 'json', 'csv', 'xlsx'] as const;

/** The CSV imports, one command each. */
export const CSV_IMPORT_KINDS = ['activities', 'participants', 'rates'] as const;
export type CsvImportKind = (typeof CSV_IMPORT_KINDS)[number];
