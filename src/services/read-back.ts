/**
 * A record a use case has just written, read back in the same transaction. Absent, it is a bug
 * (or a concurrent delete the transaction should have prevented), not a NotFound for the caller.
 */
export function readBack<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new Error(`${what} vanished inside the transaction that wrote it`);
  return record;
}
