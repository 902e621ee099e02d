import type { Metadata } from 'next';
import { ActionForm } from '@/components/ActionForm';
import a from '@/components/admin/admin.module.css';
import { ConfirmAction } from '@/components/admin/ConfirmAction';
import { Pager } from '@/components/admin/DataTable';
import { FilterForm } from '@/components/admin/FilterForm';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { Notice } from '@/components/ui';
import { requireSection } from '@/lib/admin';
import { staffTime } from '@/lib/admin-money';
import { loadQueue, queueFiltersOf, REVIEW_STATUSES, reviewsHref } from '@/lib/admin-reviews';
import { t, tOr } from '@/lib/i18n';
import s from '../_ops/ops.module.css';
import { approveReview, hideReview, rejectReview, replyToReview } from './actions';

export const metadata: Metadata = { title: t('admin.reviews.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The moderation queue: held reviews first (by a rule or by reports), each approved, rejected, hidden or answered. */
export default async function ReviewsPage({ searchParams }: Props) {
  await requireSection('reviews');
  const filters = queueFiltersOf(await searchParams);
  const queue = await loadQueue(filters);
  const dialog = { cancelLabel: t('admin.confirm.back'), workingLabel: t('admin.confirm.working') };
  return (
    <>
      <div className={a.pageHead}>
        <h1>{t('admin.reviews.title')}</h1>
      </div>
      <nav aria-label={t('admin.reviews.states')}>
        <ul className={s.tabs}>
          {REVIEW_STATUSES.map((st) => (
            <li key={st}>
              <a href={reviewsHref({ status: st, ...(filters.productId ? { productId: filters.productId } : {}) })} aria-current={st === filters.status ? 'page' : undefined}>
                {tOr(`admin.reviewStatus.${st}`, st)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm
        action="/admin/reviews"
        label={t('admin.reviews.filter')}
        values={{ productId: filters.productId }}
        hidden={{ status: filters.status }}
        errors={queue.ok ? {} : queue.fieldErrors}
        filters={[{ name: 'productId', label: t('admin.reviews.productFilter'), placeholder: 'prod_…' }]}
      />
      {!queue.ok ? (
        <Notice kind="error">{queue.error}</Notice>
      ) : queue.data.items.length === 0 ? (
        <p className={a.empty}>{t('admin.reviews.none')}</p>
      ) : (
        <>
          {queue.data.items.map((r) => (
            <article key={r.id} className={s.item} aria-labelledby={`review-${r.id}`} data-testid="review">
              <div className={s.itemHead}>
                <h2 id={`review-${r.id}`}>{r.title}</h2>
                {r.status ? <StatusBadge status={r.status === 'pending' ? 'pending' : r.status} label={tOr(`admin.reviewStatus.${r.status}`, r.status)} /> : null}
              </div>
              <p className={s.muted}>
                {t('admin.reviews.meta', { rating: r.rating, author: r.author, when: staffTime(r.createdAt) })}
                {r.verifiedPurchase ? ` · ${t('product.verified')}` : ''} · {t('admin.reviews.product', { id: r.productId })}
              </p>
              <p>{r.body}</p>
              {r.pros ? <p>{t('admin.reviews.pros', { text: r.pros })}</p> : null}
              {r.cons ? <p>{t('admin.reviews.cons', { text: r.cons })}</p> : null}
              {r.moderation && (r.moderation.rule || r.moderation.reason || r.moderation.reportCount > 0) ? (
                <Notice>
                  {r.moderation.rule ? <span>{t('admin.reviews.heldBy', { rule: tOr(`admin.reviewRule.${r.moderation.rule}`, r.moderation.rule) })} </span> : null}
                  {r.moderation.reason ? <span>{t('admin.reviews.reason', { reason: r.moderation.reason })} </span> : null}
                  {r.moderation.reportCount > 0 ? <span>{t('admin.reviews.reports', { count: r.moderation.reportCount })}</span> : null}
                </Notice>
              ) : null}
              {r.reply ? <p className={s.muted}>{t('admin.reviews.replyShown', { text: r.reply.body })}</p> : null}
              <div className={s.itemActions}>
                {r.status !== 'published' ? (
                  <ConfirmAction action={approveReview} label={t('admin.reviews.approve')} title={t('admin.reviews.approveTitle')} body={t('admin.reviews.approveBody')} confirmLabel={t('admin.reviews.approve')} hidden={{ reviewId: r.id }} {...dialog} />
                ) : null}
                {r.status !== 'rejected' ? (
                  <ConfirmAction
                    action={rejectReview}
                    label={t('admin.reviews.reject')}
                    title={t('admin.reviews.rejectTitle')}
                    body={t('admin.reviews.rejectBody')}
                    confirmLabel={t('admin.reviews.reject')}
                    hidden={{ reviewId: r.id }}
                    fields={[{ name: 'reason', label: t('admin.reviews.rejectReason'), hint: t('admin.reviews.rejectHint'), maxLength: 500 }]}
                    danger
                    {...dialog}
                  />
                ) : null}
                {r.status === 'published' ? (
                  <ConfirmAction
                    action={hideReview}
                    label={t('admin.reviews.hide')}
                    title={t('admin.reviews.hideTitle')}
                    body={t('admin.reviews.hideBody')}
                    confirmLabel={t('admin.reviews.hide')}
                    hidden={{ reviewId: r.id }}
                    fields={[{ name: 'reason', label: t('admin.reviews.hideReason'), hint: t('admin.reviews.hideHint'), maxLength: 500 }]}
                    danger
                    {...dialog}
                  />
                ) : null}
              </div>
              <details>
                <summary>{r.reply ? t('admin.reviews.replyEdit') : t('admin.reviews.reply')}</summary>
                <div className={s.formPanel}>
                  <ActionForm
                    action={replyToReview}
                    hidden={{ reviewId: r.id }}
                    fields={[{ name: 'body', label: t('admin.reviews.replyField'), hint: t('admin.reviews.replyHint'), maxLength: 2000, defaultValue: r.reply?.body }]}
                    submit={t('admin.reviews.replySend')}
                    pendingLabel={t('admin.confirm.working')}
                  />
                </div>
              </details>
            </article>
          ))}
          <Pager path="/admin/reviews" values={{ status: filters.status, productId: filters.productId }} cursor={filters.cursor} nextCursor={queue.data.nextCursor} />
        </>
      )}
    </>
  );
}
