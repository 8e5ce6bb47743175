/**
 * What a command hands its implementation: the context (IO, the application, the exit code) and
 * the options commander parsed. Types only, in a module of their own: the command definitions
 * (`*.commands.ts`) load their actions (`*.actions.ts`) lazily and the actions read these types,
 * so neither imports the other and nothing here loads at start-up.
 */
import type { AppContext } from '../main.js';
import type { CliIo } from './io.js';

/** What every command gets: the IO and a way to open the application (database, services). */
export interface CliContext {
  readonly io: CliIo;
  /** The version `mitra --version` prints and the server reports. */
  readonly version: string;
  /** Opens the app for one command and closes it afterwards. */
  withApp<T>(work: (app: AppContext) => Promise<T>, options?: { migrate?: boolean }): Promise<T>;
  /** Ends with this exit code without an error message (e.g. a rejected import already reported). */
  setExitCode(code: number): void;
}

/** Flags as commander hands them, for actions that parse them with a domain schema. */
export type Flags = Record<string, string | boolean | undefined>;

/** `mitra serve`. */
export interface ServeOptions {
  port?: string;
  host?: string;
  demo: boolean;
  workers?: string;
}

/** `mitra generate`. */
export interface GenerateOptions {
  activities: string;
  participants: string;
  years: string;
  out: string;
  seed: string;
}

/** `mitra programs update`. */
export interface UpdateOptions {
  file: string;
  replace?: boolean;
  expectVersion?: string;
  json?: boolean;
}

/** `mitra report summary`. */
export interface SummaryOptions {
  year: string;
  lang: string;
  stage?: string;
  /** Read this frozen edition's figures instead of the live ones. */
  edition?: string;
  json?: boolean;
}

/** `mitra report annual`. */
export interface AnnualOptions {
  year: string;
  lang: string;
  stage?: string;
  /** Make the documents from this frozen edition (they carry its name). */
  edition?: string;
  pdf?: string;
  xlsx?: string;
}

/** The year range of the analytics and priorities commands. */
export interface RangeOptions {
  from?: string;
  to?: string;
  stage?: string;
  json?: boolean;
  lang: string;
}

/** `mitra offers open`. */
export interface OfferOpenOptions {
  deadline: string;
  quotaDefault?: string;
  quotaTotal?: string;
  quota?: string[];
  summaryEn?: string;
  summaryId?: string;
  draft?: boolean;
}

/** `mitra requests register`. */
export interface RegisterOptions {
  country: string;
  topic: string;
  description?: string;
  area?: string;
  sector?: string;
  modality?: string;
  from?: string;
  to?: string;
  received?: string;
  relayedBy?: string;
  json?: boolean;
}

/** `mitra export participants`. */
export interface ParticipantExportOptions {
  format: string;
  out?: string;
  program?: string;
  country?: string;
  status?: string;
  year?: string;
}

/** What every partnership list takes: the format, a file to write, the language of the labels. */
export interface OutputOptions {
  format: string;
  out?: string;
  lang: string;
}

/** The changes of an account, one command each (`mitra users disable <email>`, …). */
export type AccountChange = 'disable' | 'enable' | 'set-role' | 'set-password';

/** `mitra editions …` that name one edition. */
export interface EditionOptions {
  edition: string;
  json?: boolean;
  lang?: string;
}

export interface BundleOptions {
  edition: string;
  out: string;
  json?: boolean;
}

/** `mitra editions freeze`. */
export interface FreezeOptions {
  overrideReason?: string;
  reason?: string;
  json?: boolean;
}

/** `mitra editions narrative`. */
export interface NarrativeOptions {
  edition: string;
  lang: string;
  file: string;
}

export interface RoundOpenOptions {
  period?: string;
  deadline: string;
  json?: boolean;
}

export interface RoundShowOptions {
  agency?: string;
  json?: boolean;
}

export interface RoundConfirmOptions {
  agency: string;
  note?: string;
  json?: boolean;
}

export interface RoundReopenOptions {
  agency: string;
  reason: string;
}
