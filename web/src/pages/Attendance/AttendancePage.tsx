/**
 * The attendance sheet of a program (coordination team and implementing agency): participants
 * with a place × course days as checkboxes, saved a day at a time; closing the attendance
 * (the completion rule), issuing certificates and downloading or revoking each one.
 */
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses } from '../../../../src/domain/codes.js';
import {
  certificatePdfUrl,
  useAttendanceSheet,
  useCloseAttendance,
  useIssueCertificates,
  useRecordAttendance,
  useRevokeCertificate,
  type AttendanceSheetData,
  type CloseResult,
  type IssueResult,
} from '../../api/attendance-queries.js';
import { ApiError } from '../../api/client.js';
import { EmptyState, ProblemMessage, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { cellKey, cellValue, marksToSave } from './sheet.js';

/** Problems of this page translated by their code; others fall back to the shared messages. */
const OWN_PROBLEMS = new Set([
  'attendance.invalid',
  'attendance.no_dates',
  'attendance.too_long',
  'attendance.course_not_over',
  'offer.forbidden',
  'certificate.revoked',
]);

function Problem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && OWN_PROBLEMS.has(error.code)) {
    return (
      <div className="problem" role="alert">
        <p>{t(`attendance.problems.${error.code.replace('.', '_')}`)}</p>
        {error.issues.length > 0 && (
          <ul>
            {error.issues.slice(0, 10).map((i) => (
              <li key={`${i.path}:${i.message}`}>{i.message}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return error ? <ProblemMessage error={error} /> : null;
}

export function AttendancePage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/programs/$id/attendance' });
  const sheet = useAttendanceSheet(Number(id));
  // Attendance is taken once the program runs: before, the page says so (the server refuses it too).
  if (sheet.error instanceof ApiError && sheet.error.code === 'activity.wrong_stage')
    return (
      <EmptyState
        action={
          <Link className="button secondary" to="/programs/$id" params={{ id }}>
            {t('alumni.results.back')}
          </Link>
        }
      >
        {t('lifecycle.later.attendance')}
      </EmptyState>
    );
  return <QueryState query={sheet}>{(data) => <Sheet key={data.days.join()} data={data} />}</QueryState>;
}

type Row = AttendanceSheetData['rows'][number];

function Sheet({ data }: { data: AttendanceSheetData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const programId = data.program.id;
  const record = useRecordAttendance(programId);
  const close = useCloseAttendance(programId);
  const issue = useIssueCertificates(programId);
  /** Edited cells (not yet saved), by participant and day. */
  const [edits, setEdits] = useState<ReadonlyMap<string, boolean>>(new Map());
  const editable = useMemo(() => data.rows.filter((r) => r.editable), [data.rows]);
  const value = (r: Row, i: number, day: string) => cellValue(edits, r, i, day);
  const setCell = (r: Row, day: string, present: boolean) => setEdits((m) => new Map(m).set(cellKey(r.participantId, day), present));
  const setDay = (day: string, present: boolean) =>
    setEdits((m) => {
      const next = new Map(m);
      for (const r of editable) next.set(cellKey(r.participantId, day), present);
      return next;
    });
  const handleSave = () => record.mutate(marksToSave(data.days, data.rows, edits), { onSuccess: () => setEdits(new Map()) });
  const handleClose = () => {
    if (window.confirm(t('attendance.closeConfirm', { percent: data.completionPercent, days: data.requiredDays, total: data.days.length })))
      close.mutate();
  };
  const title = f.title(data.program);
  return (
    <article>
      <div className="page-head">
        <div>
          <p className="muted">
            <Link to="/programs/$id" params={{ id: String(programId) }}>
              {data.program.identifier}
            </Link>
          </p>
          <h1>{t('attendance.title', { title })}</h1>
        </div>
      </div>
      <p className="muted">{t('attendance.rule', { percent: data.completionPercent, days: data.requiredDays, total: data.days.length })}</p>
      {data.rows.length === 0 ? (
        <EmptyState>{t('attendance.empty')}</EmptyState>
      ) : (
        <section className="card">
          <div className="table-wrap">
            <table className="data attendance">
              <caption className="muted small">{t('attendance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attendance.participant')}</th>
                  <th scope="col">{t('attendance.status')}</th>
                  {data.days.map((day) => (
                    <th key={day} scope="col" className="num">
                      <span title={f.date(day)}>
                        {day.slice(8)}.{day.slice(5, 7)}
                      </span>
                      {editable.length > 0 && (
                        <button
                          type="button"
                          className="link small no-print"
                          aria-label={t('attendance.allPresentOn', { day: f.date(day) })}
                          onClick={() => setDay(day, true)}
                        >
                          {t('attendance.all')}
                        </button>
                      )}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('attendance.daysPresent')}
                  </th>
                  <th scope="col">{t('attendance.certificate')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <SheetRow
                    key={r.participantId}
                    row={r}
                    programId={programId}
                    days={data.days}
                    value={(i, day) => value(r, i, day)}
                    onChange={(day, present) => setCell(r, day, present)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" disabled={edits.size === 0 || record.isPending} onClick={handleSave}>
              {record.isPending ? t('attendance.saving') : t('attendance.save')}
            </button>
            {edits.size > 0 && (
              <button type="button" className="secondary" onClick={() => setEdits(new Map())}>
                {t('attendance.discard')}
              </button>
            )}
          </div>
          <Problem error={record.error} />
        </section>
      )}

      <section className="card">
        <h2>{t('attendance.closeTitle')}</h2>
        <p className="muted">{t('attendance.closeHint')}</p>
        <div className="actions">
          <button type="button" disabled={close.isPending || edits.size > 0} onClick={handleClose}>
            {t('attendance.close')}
          </button>
          <button type="button" className="secondary" disabled={issue.isPending} onClick={() => issue.mutate()}>
            {t('attendance.issue')}
          </button>
        </div>
        {close.data && <CloseSummary r={close.data} />}
        {issue.data && <IssueSummary r={issue.data} />}
        <Problem error={close.error ?? issue.error} />
      </section>
    </article>
  );
}

function SheetRow({
  row,
  programId,
  days,
  value,
  onChange,
}: {
  row: Row;
  programId: number;
  days: readonly string[];
  value: (i: number, day: string) => boolean;
  onChange: (day: string, present: boolean) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const revoke = useRevokeCertificate(programId);
  const name = row.fullName ?? t('attendance.erased');
  const handleRevoke = (certificateId: number, number: string) => {
    const reason = window.prompt(t('attendance.revokeReason', { number }));
    if (reason !== null) revoke.mutate({ id: certificateId, reason });
  };
  return (
    <tr>
      <th scope="row">
        {name}
        <br />
        <span className="muted small">{f.country(row.country)}</span>
      </th>
      <td>{f.code(participantStatuses, row.status)}</td>
      {days.map((day, i) => (
        <td key={day} className="num">
          {row.editable ? (
            <input
              type="checkbox"
              checked={value(i, day)}
              aria-label={t('attendance.presentOn', { name, day: f.date(day) })}
              onChange={(e) => onChange(day, e.target.checked)}
            />
          ) : row.marks[i] === true ? (
            <span aria-label={t('attendance.present')}>✓</span>
          ) : (
            <span aria-label={row.marks[i] === false ? t('attendance.absent') : t('attendance.notRecorded')}>
              {row.marks[i] === false ? '·' : ''}
            </span>
          )}
        </td>
      ))}
      <td className="num">
        {f.number(row.daysPresent)}{' '}
        <span className={`badge ${row.completes ? 'ok' : 'bad'}`}>
          {row.completes ? t('attendance.meetsRule') : t('attendance.belowRule')}
        </span>
      </td>
      <td>
        {row.certificate ? (
          row.certificate.revokedAt ? (
            <span className="muted small">
              {row.certificate.number} — {t('attendance.revoked', { date: f.date(row.certificate.revokedAt.slice(0, 10)) })}
            </span>
          ) : (
            <>
              <a href={certificatePdfUrl(row.participantId)} download>
                {row.certificate.number}
              </a>{' '}
              <button
                type="button"
                className="link small no-print"
                disabled={revoke.isPending}
                onClick={() => handleRevoke(row.certificate?.id ?? 0, row.certificate?.number ?? '')}
              >
                {t('attendance.revoke')}
              </button>
            </>
          )
        ) : (
          <span className="muted">—</span>
        )}
        {revoke.error && <Problem error={revoke.error} />}
      </td>
    </tr>
  );
}

function CloseSummary({ r }: { r: CloseResult }) {
  const { t } = useTranslation();
  return (
    <p role="status">
      {t('attendance.closed', { attended: r.attended, completed: r.completed, belowRule: r.belowRule, noShow: r.noShow })}
    </p>
  );
}

function IssueSummary({ r }: { r: IssueResult }) {
  const { t } = useTranslation();
  return <p role="status">{t('attendance.issued', { count: r.issued.length, existing: r.existing })}</p>;
}
