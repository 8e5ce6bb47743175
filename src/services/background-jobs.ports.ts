/** Ports of the background jobs (services/background-jobs.ts); db/job-lease.repo.ts implements them. */
/** Leases that make a job run in one process at a time, however many serve the database. */
export interface JobLeaseRepository {
  /** Takes or renews the lease until `until` unless another holder's lease runs past `now`; true when held. */
  acquire(name: string, holder: string, until: string, now: string): Promise<boolean>;
  /** Gives the lease up (another process may take it at once). */
  release(name: string, holder: string): Promise<void>;
}
