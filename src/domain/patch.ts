/**
 * The fields a patch gives. A PATCH leaves out (undefined) what it does not change and sends
 * null to clear a field, so spreading the given fields over the stored record applies it.
 */
export type Given<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

export function givenFields<T extends object>(patch: T): Given<T> {
  // Object.fromEntries types its result by string keys; the entries are T's own, minus the undefined ones.
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Given<T>;
}
