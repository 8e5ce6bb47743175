/**
 * The program's participants: counts by sex and country for everyone; the list for signed-in
 * users, with name, email and position withheld where the user's role may not see them. The
 * coordination team and the program's own agency add, change and remove participants here (one
 * at a time in a dialog, or by uploading a file); each row's changes and the coordination team's
 * erasure sit in the row's "More actions" menu.
 */
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program, User } from '../../api/client.js';
import type { ParticipantItem } from '../../api/participant-queries.js';
import { useParticipants } from '../../api/queries.js';
import { canAlumni } from '../../auth/alumni-rules.js';
import { canParticipants } from '../../auth/participant-rules.js';
import { DataTable } from '../../components/DataTable.js';
import { RowMenu, type RowAction } from '../../components/RowMenu.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { participantStatuses } from '../../../../src/domain/codes.js';
import { EraseDialog } from '../Alumni/EraseButton.js';
import { useFormat } from '../../format.js';
import { ParticipantDialog } from './ParticipantDialog.js';
import { RemoveParticipantDialog } from './RemoveParticipantDialog.js';

type SortKey = 'fullName' | 'country' | 'sex' | 'organisation';
/** The dialog open over the list, if any. */
type Open = { kind: 'add' } | { kind: 'edit' | 'remove' | 'erase'; participant: ParticipantItem } | null;

function Withheld() {
  const { t } = useTranslation();
  return (
    <span className="withheld" title={t('personal.withheldHint')}>
      {t('personal.withheld')}
    </span>
  );
}

export function ParticipantsSection({ a, user }: { a: Program; user: User | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useParticipants(a.id);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'country', desc: false });
  const [open, setOpen] = useState<Open>(null);
  const manage = canParticipants.manage(user, a.implementingOrg);
  const erase = canAlumni.erase(user);
  const recipients = a.recipients.map((r) => r.country);
  const actionsOf = (p: ParticipantItem): RowAction[] => {
    // Only rows whose personal data the user sees can be changed or erased (the form shows them);
    // an erased record is not changed again (it may still be removed).
    if (!p.personal) return [];
    const erased = p.erasedAt !== null;
    const actions: RowAction[] = [];
    if (manage && !erased) actions.push({ label: t('participants.menu.edit'), onSelect: () => setOpen({ kind: 'edit', participant: p }) });
    if (manage)
      actions.push({ label: t('participants.menu.remove'), danger: true, onSelect: () => setOpen({ kind: 'remove', participant: p }) });
    if (erase && !erased)
      actions.push({ label: t('alumni.erase.button'), danger: true, onSelect: () => setOpen({ kind: 'erase', participant: p }) });
    return actions;
  };
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const items = (query.data?.items ?? []).filter(
      (p) =>
        !needle ||
        [p.fullName ?? '', p.organisation ?? '', p.position ?? '', f.country(p.country)].some((v) => v.toLowerCase().includes(needle)),
    );
    const value = (p: (typeof items)[number]) => (sort.key === 'country' ? f.country(p.country) : (p[sort.key] ?? ''));
    return [...items].sort((x, y) => value(x).localeCompare(value(y)) * (sort.desc ? -1 : 1));
  }, [query.data, filter, sort, f]);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}>
        {label}
      </button>
    </th>
  );
  const total = query.data?.summary.total ?? 0;
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('program.participantsTitle')}</h2>
        <div className="actions">
          {manage && (
            <button type="button" onClick={() => setOpen({ kind: 'add' })}>
              {t('participants.add')}
            </button>
          )}
          {canParticipants.upload(user, a.implementingOrg) && (
            <Link className="button secondary" to="/import" search={{ kind: 'participants' }}>
              {t('program.uploadParticipants')}
            </Link>
          )}
        </div>
      </div>
      {open?.kind === 'add' && <ParticipantDialog programId={a.id} recipients={recipients} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && (
        <ParticipantDialog programId={a.id} recipients={recipients} participant={open.participant} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'remove' && (
        <RemoveParticipantDialog
          programId={a.id}
          participantId={open.participant.id}
          version={open.participant.version}
          name={open.participant.fullName ?? ''}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'erase' && (
        <EraseDialog participantId={open.participant.id} onClose={() => setOpen(null)} onErased={() => setOpen(null)} />
      )}
      {query.isPending ? (
        <Loading />
      ) : query.error || !query.data ? (
        <ProblemMessage error={query.error} />
      ) : total === 0 ? (
        <p className="muted">
          {a.participantsPlanned ? t('program.participantsNone', { total: a.participantsPlanned }) : t('program.participantsNoneNoTotal')}
        </p>
      ) : (
        <>
          <div className="grid2">
            <div>
              <h3>{t('program.bySex')}</h3>
              <ul className="plain">
                {(['F', 'M', 'X'] as const).map((s) => (
                  <li key={s}>
                    {t(`program.sexes.${s}`)}: <strong>{f.number(query.data.summary.bySex[s])}</strong>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3>{t('program.byCountry')}</h3>
              <ul className="plain">
                {query.data.summary.byCountry.map((c) => (
                  <li key={c.country}>
                    {f.country(c.country)}: <strong>{f.number(c.total)}</strong> ({t('program.sexes.F')} {c.F}, {t('program.sexes.M')} {c.M}
                    )
                  </li>
                ))}
              </ul>
            </div>
          </div>
          {!user ? (
            <p className="muted small">{t('personal.publicSummary', { count: total })}</p>
          ) : (
            <>
              <label className="inline">
                {t('program.participantFilter')} <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
              </label>
              <DataTable
                head={
                  <>
                    {header('fullName', t('program.name'))}
                    <th scope="col">{t('personal.email')}</th>
                    {header('sex', t('program.sex'))}
                    {header('country', t('program.country'))}
                    {header('organisation', t('program.organisation'))}
                    <th scope="col">{t('program.position')}</th>
                    <th scope="col">{t('program.participantStatus')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('program.participantActions')}</span>
                    </th>
                  </>
                }
              >
                {rows.map((p) => (
                  <tr key={p.id}>
                    {p.personal ? (
                      <>
                        <td>{p.fullName ?? '—'}</td>
                        <td>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : '—'}</td>
                      </>
                    ) : (
                      <>
                        <td>
                          <Withheld />
                        </td>
                        <td>
                          <Withheld />
                        </td>
                      </>
                    )}
                    <td>{t(`program.sexes.${p.sex}`)}</td>
                    <td>{f.country(p.country)}</td>
                    <td>{p.organisation ?? '—'}</td>
                    <td>{p.personal ? (p.position ?? '—') : <Withheld />}</td>
                    <td>{f.code(participantStatuses, p.status)}</td>
                    <td>
                      <RowMenu label={t('participants.menu.label', { name: p.fullName ?? '' })} actions={actionsOf(p)} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </>
      )}
    </section>
  );
}
