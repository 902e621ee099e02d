import type { Metadata } from 'next';
import a from '@/components/admin/admin.module.css';
import { ConfirmAction } from '@/components/admin/ConfirmAction';
import { Pager } from '@/components/admin/DataTable';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Notice } from '@/components/ui';
import { requireSection } from '@/lib/admin';
import { staffTime } from '@/lib/admin-money';
import { FAILURE_STATUSES, failureFiltersOf, loadFailures, loadHealth, operationsHref, pretty, SERVICES } from '@/lib/admin-operations';
import { t, tOr } from '@/lib/i18n';
import s from '../_ops/ops.module.css';
import { discardFailure, replayFailure } from './actions';

export const metadata: Metadata = { title: t('admin.operations.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Admins: every service's readiness and failed events; a dead event replayed or discarded. */
export default async function OperationsPage({ searchParams }: Props) {
  await requireSection('operations');
  const filters = failureFiltersOf(await searchParams);
  const [health, failures] = await Promise.all([loadHealth(), loadFailures(filters)]);
  const serviceName = (svc: string) => tOr(`admin.service.${svc}`, svc);
  const dialog = { cancelLabel: t('admin.confirm.back'), workingLabel: t('admin.confirm.working') };
  return (
    <>
      <div className={a.pageHead}>
        <h1>{t('admin.operations.title')}</h1>
      </div>
      <section aria-labelledby="health" className={a.panel}>
        <h2 id="health">{t('admin.operations.health')}</h2>
        {!health.ok ? (
          <Notice kind="error">{health.error}</Notice>
        ) : (
          <ul className={s.cards}>
            {health.data.map((h) => (
              <li key={h.service} className={s.health} data-ready={h.ready} data-testid={`health-${h.service}`}>
                <div className={s.healthHead}>
                  <strong>{serviceName(h.service)}</strong>
                  <StatusBadge status={h.ready ? 'ok' : 'down'} label={h.ready ? t('admin.operations.ready') : t('admin.operations.notReady')} />
                </div>
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
      <section aria-labelledby="failures">
        <h2 id="failures">{t('admin.operations.failures', { service: serviceName(filters.service) })}</h2>
        <nav aria-label={t('admin.operations.services')}>
          <ul className={s.tabs}>
            {SERVICES.map((svc) => (
              <li key={svc}>
                <a href={operationsHref({ service: svc, status: filters.status })} aria-current={svc === filters.service ? 'page' : undefined}>
                  {serviceName(svc)}
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
          <p className={a.empty}>{t('admin.operations.none', { status: tOr(`admin.failure.${filters.status}`, filters.status).toLowerCase() })}</p>
        ) : (
          <>
            {failures.data.items.map((f) => (
              <article key={f.id} className={s.item} aria-labelledby={`failure-${f.id}`} data-testid="dead-letter">
                <div className={s.itemHead}>
                  <h3 id={`failure-${f.id}`}>{t('admin.operations.failure', { type: f.type, consumer: f.consumer })}</h3>
                  <StatusBadge status={f.status} />
                </div>
                <dl className={s.kv}>
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
                  <div className={s.itemActions}>
                    <ConfirmAction
                      action={replayFailure}
                      label={t('admin.operations.replay')}
                      title={t('admin.operations.replayTitle')}
                      body={t('admin.operations.replayBody', { type: f.type })}
                      confirmLabel={t('admin.operations.replay')}
                      hidden={{ service: filters.service, id: String(f.id) }}
                      {...dialog}
                    />
                    <ConfirmAction
                      action={discardFailure}
                      label={t('admin.operations.discard')}
                      title={t('admin.operations.discardTitle')}
                      body={t('admin.operations.discardBody', { type: f.type })}
                      confirmLabel={t('admin.operations.discard')}
                      hidden={{ service: filters.service, id: String(f.id) }}
                      danger
                      {...dialog}
                    />
                  </div>
                ) : null}
              </article>
            ))}
            <Pager path="/admin/operations" values={{ service: filters.service, status: filters.status }} cursor={filters.cursor} nextCursor={failures.data.nextCursor} />
          </>
        )}
      </section>
    </>
  );
}
