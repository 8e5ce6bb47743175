/** Results frameworks (issue 25; domain/results/framework.ts). Conventions: ../schema.ts. */
export interface ActivityResultsTable {
  activity_id: number;
  /** JSON: domain/results/framework.ts Framework, read through parseStoredFramework. */
  framework: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
}
