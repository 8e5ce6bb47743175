/** A programs file whose one row has ten problems, each in its own column (service and browser tests). */
export const TEN_PROBLEMS = [
  'identifier,title_en,modality,flagship_area,cooperation_type,status,start_date,end_date,recipient_countries,budget_amount,budget_currency,participants_planned,sdgs',
  'KSST 2024/01,Ten problems,cooking,NOPE,triangular,maybe,2024-05-01,2024-04-01,Atlantis,1000,,many,18',
].join('\n');

/** The columns of its ten problems, in the order of the file (partners: a triangular program needs one). */
export const TEN_PROBLEM_COLUMNS = [
  'identifier',
  'modality',
  'flagship_area',
  'status',
  'end_date',
  'recipient_countries',
  'budget_currency',
  'participants_planned',
  'sdgs',
  'partners',
] as const;
