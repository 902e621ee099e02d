import type { Metadata } from 'next';
import { Notice } from '@/components/ui';
import { staffTime } from '@/lib/admin-money';
import { FAILURE_STATUSES, failureFiltersOf, loadFailures, loadHealth, operationsHref, pretty, SERVICES } from '@/lib/admin-operations';
import { t, tOr } from '@/lib/i18n';
import { currentUser } from '@/lib/session';
import { OpForm } from '../_ops/OpForm';
import s from '../_ops/ops.module.css';
import { discardFailure, replayFailure } from './actions';

export const metadata: Metadata = { title: t('admin.operations.title'), robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Admins: every service's readiness and failed events; a dead event replayed or discarded. */
export default async function OperationsPage({ searchParams }: Props) {
  const me = await currentUser();
  if (!me?.roles.includes('admin')) {
    return (
      <div className={s.stack}>
        <h1>{t('admin.operations.title')}</h1>
        <Notice kind="error">{t('admin.operations.adminOnly')}</Notice>
      </div>
    );
  }
  const filters = failureFiltersOf(await searchParams);
  const [health, failures] = await Promise.all([loadHealth(), loadFailures(filters)]);
  return (
    <div className={s.stack}>
      <h1>{t('admin.operations.title')}</h1>
      <section className={s.section} aria-labelledby="health">
        <h2 id="health">{t('admin.operations.health')}</h2>
        {!health.ok ? (
          <Notice kind="error">{health.error}</Notice>
        ) : (
          <ul className={s.cards}>
            {health.data.map((h) => (
              <li key={h.service} className={s.health} data-ready={h.ready}>
                <strong>{tOr(`admin.service.${h.service}`, h.service)}</strong>{' '}
                <span className={s.pill}>{h.ready ? t('admin.operations.ready') : t('admin.operations.notReady')}</span>
                {Object.keys(h.checks).length > 0 ? (
                  <p className={s.muted}>
                    {Object.entries(h.checks)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(' · ')}
                  </p>
                ) : null}
                {h.detail ? <p className={s.muted}>{h.detail}</p> : null}
                {h.deadLetters ? (
                  <p>
                    <a href={operationsHref({ service: h.service, status: 'dead' })}>{t('admin.operations.counts', { dead: h.deadLetters.dead, retrying: h.deadLetters.retrying })}</a>
                  </p>
                ) : (
                  <p className={s.muted}>{t('admin.operations.countsUnknown')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={s.section} aria-labelledby="failures">
        <h2 id="failures">{t('admin.operations.failures', { service: tOr(`admin.service.${filters.service}`, filters.service) })}</h2>
        <nav aria-label={t('admin.operations.services')}>
          <ul className={s.tabs}>
            {SERVICES.map((svc) => (
              <li key={svc}>
                <a href={operationsHref({ service: svc, status: filters.status })} aria-current={svc === filters.service ? 'page' : undefined}>
                  {tOr(`admin.service.${svc}`, svc)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t('admin.operations.states')}>
          <ul className={s.tabs}>
            {FAILURE_STATUSES.map((st) => (
              <li key={st}>
                <a href={operationsHref({ service: filters.service, status: st })} aria-current={st === filters.status ? 'page' : undefined}>
                  {tOr(`admin.failure.${st}`, st)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {!failures.ok ? (
          <Notice kind="error">{failures.error}</Notice>
        ) : failures.data.items.length === 0 ? (
          <Notice>{t('admin.operations.none', { status: tOr(`admin.failure.${filters.status}`, filters.status).toLowerCase() })}</Notice>
        ) : (
          <>
            {failures.data.items.map((f) => (
              <article key={f.id} className={s.failure} aria-labelledby={`failure-${f.id}`} data-testid="dead-letter">
                <h3 id={`failure-${f.id}`}>
                  {t('admin.operations.failure', { type: f.type, consumer: f.consumer })}
                </h3>
                <dl className={s.kv}>
                  <dt>{t('admin.operations.state')}</dt>
                  <dd>{tOr(`admin.failure.${f.status}`, f.status)}</dd>
                  <dt>{t('admin.operations.attempts')}</dt>
                  <dd>{f.attempts}</dd>
                  <dt>{t('admin.operations.error')}</dt>
                  <dd>
                    <code>{f.lastError}</code>
                  </dd>
                  <dt>{t('admin.operations.firstFailed')}</dt>
                  <dd>{staffTime(f.firstFailedAt)}</dd>
                  <dt>{t('admin.operations.updated')}</dt>
                  <dd>{staffTime(f.updatedAt)}</dd>
                  {f.nextAttemptAt ? (
                    <>
                      <dt>{t('admin.operations.nextAttempt')}</dt>
                      <dd>{staffTime(f.nextAttemptAt)}</dd>
                    </>
                  ) : null}
                  <dt>{t('admin.operations.event')}</dt>
                  <dd>{f.eventId}</dd>
                </dl>
                <details>
                  <summary>{t('admin.operations.payload')}</summary>
                  <pre className={s.pre} tabIndex={0}>
                    {pretty(f.envelope)}
                  </pre>
                </details>
                {f.attemptLog.length > 0 ? (
                  <details>
                    <summary>{t('admin.operations.attemptLog', { count: f.attemptLog.length })}</summary>
                    <pre className={s.pre} tabIndex={0}>
                      {pretty(f.attemptLog)}
                    </pre>
                  </details>
                ) : null}
                {f.status === 'dead' ? (
                  <div className={s.actions}>
                    <OpForm
                      action={replayFailure}
                      hidden={{ service: filters.service, id: String(f.id) }}
                      submit={t('admin.operations.replay')}
                      confirm={{ title: t('admin.operations.replayTitle'), body: t('admin.operations.replayBody', { type: f.type }), confirm: t('admin.operations.replay'), cancel: t('admin.confirm.back') }}
                    />
                    <OpForm
                      action={discardFailure}
                      hidden={{ service: filters.service, id: String(f.id) }}
                      kind="secondary"
                      submit={t('admin.operations.discard')}
                      confirm={{ title: t('admin.operations.discardTitle'), body: t('admin.operations.discardBody', { type: f.type }), confirm: t('admin.operations.discard'), cancel: t('admin.confirm.back') }}
                    />
                  </div>
                ) : null}
              </article>
            ))}
            <nav className={s.pager} aria-label={t('admin.pager.label')}>
              {filters.cursor ? <a href={operationsHref({ ...filters, cursor: undefined })}>{t('admin.pager.first')}</a> : <span />}
              {failures.data.nextCursor ? (
                <a href={operationsHref({ ...filters, cursor: failures.data.nextCursor })} rel="next">
                  {t('admin.pager.next')}
                </a>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
