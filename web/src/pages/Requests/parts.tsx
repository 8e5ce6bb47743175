/** Pieces the request pages share: the status badge, a problem message, and a match's reasons. */
import { useTranslation } from 'react-i18next';
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import { codelistName } from '../../../../src/domain/reference/codelists.js';
import { requestStatuses } from '../../../../src/domain/request/request.js';
import type { MatchReason } from '../../api/request-queries.js';
import { CodedProblem, IssueList } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function StatusBadge({ status }: { status: string }) {
  const f = useFormat();
  return <span className={`badge request-${status}`}>{f.code(requestStatuses, status)}</span>;
}

/**
 * The problem in the active language: the request pages' own codes first, then the app's; its
 * issues listed unless `withIssues` is false (a form shows them at its fields).
 */
export function RequestProblem({ error, onRetry, withIssues = true }: { error: unknown; onRetry?: () => void; withIssues?: boolean }) {
  return (
    <CodedProblem
      error={error}
      texts="requests.errors"
      onRetry={onRetry}
      retryOnOwnText={false}
      details={withIssues ? (e) => <IssueList issues={e.issues} /> : undefined}
    />
  );
}

/** A sector code with its (English) DAC name. */
export function sectorLabel(code: string | null | undefined): string {
  if (!code) return '—';
  const name = codelistName('Sector', code);
  return name ? `${code} ${name}` : code;
}

/** One reason as a sentence in the active language, with its points. */
export function useReasonText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (r: MatchReason): string => {
    switch (r.code) {
      case 'same_area':
        return t('requests.reasons.same_area', { count: r.programs, area: f.code(flagshipAreas, r.area) });
      case 'same_sector':
        return t('requests.reasons.same_sector', { count: r.programs, sector: sectorLabel(r.sector) });
      case 'same_sector_category':
        return t('requests.reasons.same_sector_category', { count: r.programs, category: r.category });
      case 'country_experience':
        return t('requests.reasons.country_experience', { count: r.programs, country: f.country(r.country) });
      case 'region_experience':
        return t('requests.reasons.region_experience', { count: r.programs, region: t(`codes.regions.${r.region}`) });
      case 'same_modality':
        return t('requests.reasons.same_modality', { count: r.programs, modality: f.code(modalities, r.modality).toLowerCase() });
      case 'recent':
        return t('requests.reasons.recent', { year: r.year });
    }
  };
}

export function Reasons({ reasons }: { reasons: readonly MatchReason[] }) {
  const { t } = useTranslation();
  const text = useReasonText();
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={r.code}>
          {text(r)} <span className="muted small">({t('requests.matches.points', { points: r.points })})</span>
        </li>
      ))}
    </ul>
  );
}
