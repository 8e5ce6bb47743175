/** The program list's active filters as chips (components/FilterPanel.tsx), named in the active language. */
import { useTranslation } from 'react-i18next';
import { activityStatuses, cooperationTypes, flagshipAreas, lifecycleStages, modalities } from '../../../../src/domain/codes.js';
import type { ActiveFilter } from '../../components/FilterPanel.js';
import { useOrgNames } from '../../components/OrgName.js';
import { useFormat } from '../../format.js';
import type { ProgramSearch } from './program-search.js';

/** `set` changes the URL's filters (an undefined value removes one). */
export function useProgramChips(search: ProgramSearch, set: (patch: Partial<ProgramSearch>) => void): ActiveFilter[] {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useOrgNames();
  const chip = (key: keyof ProgramSearch, label: string, value: string | undefined): ActiveFilter[] =>
    value === undefined ? [] : [{ key, label: `${label}: ${value}`, onRemove: () => set({ [key]: undefined }) }];
  const stages = (s: string) =>
    s
      .split(',')
      .map((c) => f.code(lifecycleStages, c))
      .join(', ');
  return [
    ...chip('q', t('common.search'), search.q === undefined ? undefined : `“${search.q}”`),
    ...chip('year', t('common.year'), search.year === undefined ? undefined : String(search.year)),
    ...chip('region', t('programs.region'), search.region && t(`codes.regions.${search.region}`)),
    ...chip('country', t('programs.country'), search.country && f.country(search.country)),
    ...chip('modality', t('programs.modality'), search.modality && f.code(modalities, search.modality)),
    ...chip('flagshipArea', t('programs.area'), search.flagshipArea && f.code(flagshipAreas, search.flagshipArea)),
    ...chip('cooperationType', t('programs.type'), search.cooperationType && f.code(cooperationTypes, search.cooperationType)),
    ...chip('status', t('programs.status'), search.status && f.code(activityStatuses, search.status)),
    ...chip('stage', t('lifecycle.stageFilter'), search.stage && stages(search.stage)),
    ...chip('partner', t('programs.partnerChip'), search.partner && names.name(search.partner)),
  ];
}
