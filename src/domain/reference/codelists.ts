import { IATI_CODELISTS, type IatiCodelistName } from './data/iati-codelists.js';
import type { CodelistItem } from './types.js';
import { keysOf } from '../guards.js';

export type { IatiCodelistName };

const index = new Map<IatiCodelistName, Map<string, CodelistItem>>();

function itemsOf(list: IatiCodelistName): Map<string, CodelistItem> {
  let map = index.get(list);
  if (!map) {
    map = new Map(IATI_CODELISTS[list].map((item) => [item.code, item]));
    index.set(list, map);
  }
  return map;
}

export function listCodelist(list: IatiCodelistName): readonly CodelistItem[] {
  return IATI_CODELISTS[list];
}

/** True when the code is in the IATI codelist (withdrawn codes included: old data uses them). */
export function isCodeIn(list: IatiCodelistName, code: string): boolean {
  return itemsOf(list).has(code);
}

export function codelistName(list: IatiCodelistName, code: string): string | undefined {
  return itemsOf(list).get(code)?.name;
}

export function codelistNames(): IatiCodelistName[] {
  return keysOf(IATI_CODELISTS);
}
