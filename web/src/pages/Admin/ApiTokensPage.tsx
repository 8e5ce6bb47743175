/** API tokens for other systems (administrators): the list with each token's last use, creation (shown once) and revocation. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/domain/access/actor.js';
import { apiScopes } from '../../../../src/domain/account/api-token.js';
import { useApiTokens, useRevokeApiToken, type ApiToken, type CreatedApiToken } from '../../api/api-token-queries.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { can } from '../../auth/session.js';
import { useInstant } from '../../components/ChangeList.js';
import { DataTable } from '../../components/DataTable.js';
import { OrgName } from '../../components/OrgName.js';
import { EmptyState, ProblemMessage, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { ApiTokenForm, CreatedToken } from './ApiTokenForm.js';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const instant = useInstant();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const handleNew = () => {
    setNotice(null);
    setCreated(null);
    setCreating(true);
  };
  const handleCreated = (result: CreatedApiToken) => {
    setCreating(false);
    setCreated(result);
  };
  const handleRevoke = (token: ApiToken) => {
    if (!window.confirm(t('apiTokens.confirmRevoke', { name: token.name }))) return;
    revoke.mutate(token, { onSuccess: () => setNotice(t('apiTokens.revoked', { name: token.name })) });
  };

  return (
    <RequireRole allow={can.manageUsers}>
      {() => (
        <section>
          <h1>{t('apiTokens.title')}</h1>
          <p className="muted">{t('apiTokens.intro')}</p>
          <div className="filters">
            <button type="button" onClick={handleNew}>
              {t('apiTokens.newToken')}
            </button>
          </div>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {revoke.error && <ProblemMessage error={revoke.error} />}
          {creating && <ApiTokenForm onCreated={handleCreated} onCancel={() => setCreating(false)} />}
          {created && <CreatedToken created={created} onDone={() => setCreated(null)} />}
          <QueryState query={tokens}>
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState>{t('apiTokens.noTokens')}</EmptyState>
              ) : (
                <DataTable
                  head={
                    <>
                      <th scope="col">{t('apiTokens.name')}</th>
                      <th scope="col">{t('apiTokens.starts')}</th>
                      <th scope="col">{t('apiTokens.organisation')}</th>
                      <th scope="col">{t('apiTokens.role')}</th>
                      <th scope="col">{t('apiTokens.scopes')}</th>
                      <th scope="col">{t('apiTokens.state')}</th>
                      <th scope="col">{t('apiTokens.expires')}</th>
                      <th scope="col">{t('apiTokens.lastUse')}</th>
                      <th scope="col">{t('apiTokens.createdBy')}</th>
                      <th scope="col">
                        <span className="sr-only">{t('apiTokens.revoke')}</span>
                      </th>
                    </>
                  }
                >
                  {data.items.map((token) => (
                    <tr key={token.id} className={token.state === 'active' ? undefined : 'muted'}>
                      <td>{token.name}</td>
                      <td>
                        <code>mitra_{token.prefix}</code>
                      </td>
                      <td>
                        <OrgName code={token.orgCode} />
                      </td>
                      <td>{f.code(roles, token.role)}</td>
                      <td>
                        {token.scopes.map((scope) => (
                          <code key={scope} title={f.code(apiScopes, scope)} className="tag">
                            {scope}
                          </code>
                        ))}
                      </td>
                      <td>{t(`apiTokens.states.${token.state}`)}</td>
                      <td>{instant(token.expiresAt)}</td>
                      <td>{token.lastUsedAt ? instant(token.lastUsedAt) : t('apiTokens.never')}</td>
                      <td>{token.createdByLabel}</td>
                      <td>
                        {token.state !== 'revoked' && (
                          <button
                            type="button"
                            className="link danger"
                            disabled={revoke.isPending}
                            onClick={() => handleRevoke(token)}
                            aria-label={t('apiTokens.revokeToken', { name: token.name })}
                          >
                            {t('apiTokens.revoke')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )
            }
          </QueryState>
        </section>
      )}
    </RequireRole>
  );
}
