/** An IATI activity as read from a file, before it is mapped to a program: every value as written. */
export interface Narratives {
  /** Text by language ("" for the activity's default language); the reader adds them as it meets them. */
  [lang: string]: string;
}

export interface RawIatiActivity {
  /** Line of the `iati-activity` start tag. */
  readonly line: number;
  /**
   * A digest of the activity as written, set by the file reader: its bytes from start tag to end
   * tag, its line and the file's IATI version (which decides how it is read).
   */
  digest?: string;
  identifier: string;
  defaultLang: string | null;
  defaultCurrency: string | null;
  lastUpdated: string | null;
  reportingOrg: { ref: string | null; type: string | null; names: Narratives } | null;
  titles: Narratives;
  descriptions: { type: string | null; texts: Narratives }[];
  participatingOrgs: { ref: string | null; role: string | null; type: string | null; names: Narratives }[];
  status: string | null;
  dates: { type: string | null; isoDate: string | null }[];
  recipientCountries: { code: string | null; percentage: string | null }[];
  recipientRegions: { code: string | null; vocabulary: string | null; percentage: string | null }[];
  sectors: { vocabulary: string | null; code: string | null; percentage: string | null }[];
  tags: { vocabulary: string | null; code: string | null }[];
  collaborationType: string | null;
  defaultAidType: string | null;
  budgets: {
    type: string | null;
    status: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    value: string;
    currency: string | null;
    valueDate: string | null;
  }[];
  transactions: {
    type: string | null;
    date: string | null;
    value: string;
    currency: string | null;
    valueDate: string | null;
    description: Narratives;
    recipientCountry: string | null;
    sectors: { vocabulary: string | null; code: string | null }[];
  }[];
}

export interface IatiFileInfo {
  version: string | null;
  generated: string | null;
}
