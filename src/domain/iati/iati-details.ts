/**
 * What Mitra keeps of an imported activity beyond its program fields (stored as JSON): the IATI
 * mapping (program-from-iati.ts) writes it and the program carries it, so it sits apart from both.
 */
export interface IatiDetails {
  readonly reportingOrg: { readonly ref: string | null; readonly type: string | null; readonly name: string | null } | null;
  readonly lastUpdated: string | null;
  readonly defaultCurrency: string | null;
  readonly collaborationType: string | null;
  readonly defaultAidType: string | null;
  /** Language of the title when it is neither English nor Indonesian. */
  readonly titleLang?: string;
  /** The recipient countries as written, when Mitra's list differs (unknown codes, regions' shares). */
  readonly recipientCountries?: readonly { code: string | null; percentage: string | null }[];
  readonly recipientRegions?: readonly { code: string | null; vocabulary: string | null; percentage: string | null }[];
  /** Recipients or sectors were given per transaction: the program's shares follow the transaction values. */
  readonly recipientsFromTransactions?: boolean;
  readonly sectorsFromTransactions?: boolean;
  /** Sectors Mitra does not recognise, as written. */
  readonly sectors?: readonly { vocabulary: string | null; code: string | null; percentage: string | null }[];
  /** Tags other than SDG goals and targets, as written. */
  readonly tags?: readonly { vocabulary: string | null; code: string | null }[];
  /** Participating organisations Mitra could not place (no name or identifier, unknown role). */
  readonly participatingOrgs?: readonly { ref: string | null; role: string | null; name: string | null }[];
  /** A fingerprint of the mapped program: a re-import of an unchanged activity writes nothing. */
  readonly fingerprint?: string;
}
