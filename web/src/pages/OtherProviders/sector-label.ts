/** A sector as people read it: its code with its DAC name (English, as the OECD publishes it) when the vocabulary is DAC's. */
import { codelistName } from '../../../../src/domain/reference/codelists.js';

/** IATI SectorVocabulary 1 is DAC's five-digit purpose codes, 2 its three-digit categories; others are shown as written. */
export function sectorLabel(vocabulary: string, code: string): string {
  const name = vocabulary === '1' ? codelistName('Sector', code) : vocabulary === '2' ? codelistName('SectorCategory', code) : undefined;
  if (name) return `${code} ${name}`;
  return vocabulary === '1' || vocabulary === '2' ? code : `${code} (${vocabulary})`;
}
