import type { Metadata } from 'next';
import { Notice } from '@/components/ui';
import { staffTime } from '@/lib/admin-money';
import { loadQueue, queueFiltersOf, REVIEW_STATUSES, reviewsHref } from '@/lib/admin-reviews';
import { t, tOr } from '@/lib/i18n';
import { OpForm } from '../_ops/OpForm';
import s from '../_ops/ops.module.css';
import { approveReview, hideReview, rejectReview, replyToReview } from './actions';

export const metadata: Metadata = { title: t('admin.reviews.title'), robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The moderation queue: held reviews first (by a rule or by reports), each approved, rejected, hidden or answered. */
export default async function ReviewsPage({ searchParams }: Props) {
  const filters = queueFiltersOf(await searchParams);
  const queue = await loadQueue(filters);
  const back = t('admin.confirm.back');
  return (
    <div className={s.stack}>
      <h1>{t('admin.reviews.title')}</h1>
      <nav aria-label={t('admin.reviews.states')}>
        <ul className={s.tabs}>
          {REVIEW_STATUSES.map((st) => (
            <li key={st}>
              <a href={reviewsHref({ status: st })} aria-current={st === filters.status ? 'page' : undefined}>
                {tOr(`admin.reviewStatus.${st}`, st)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {!queue.ok ? (
        <Notice kind="error">{queue.error}</Notice>
      ) : queue.data.items.length === 0 ? (
        <Notice>{t('admin.reviews.none')}</Notice>
      ) : (
        <>
          {queue.data.items.map((r) => (
            <article key={r.id} className={s.review} aria-labelledby={`review-${r.id}`} data-testid="review">
              <h2 id={`review-${r.id}`}>{r.title}</h2>
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
              <div className={s.actions}>
                {r.status !== 'published' ? (
                  <OpForm action={approveReview} hidden={{ reviewId: r.id }} submit={t('admin.reviews.approve')} confirm={{ title: t('admin.reviews.approveTitle'), body: t('admin.reviews.approveBody'), confirm: t('admin.reviews.approve'), cancel: back }} />
                ) : null}
                {r.status !== 'rejected' ? (
                  <OpForm
                    action={rejectReview}
                    hidden={{ reviewId: r.id }}
                    kind="secondary"
                    fields={[{ name: 'reason', label: t('admin.reviews.rejectReason'), hint: t('admin.reviews.rejectHint'), maxLength: 500 }]}
                    submit={t('admin.reviews.reject')}
                    confirm={{ title: t('admin.reviews.rejectTitle'), body: t('admin.reviews.rejectBody'), confirm: t('admin.reviews.reject'), cancel: back }}
                  />
                ) : null}
                {r.status === 'published' ? (
                  <OpForm
                    action={hideReview}
                    hidden={{ reviewId: r.id }}
                    kind="secondary"
                    fields={[{ name: 'reason', label: t('admin.reviews.hideReason'), hint: t('admin.reviews.hideHint'), maxLength: 500 }]}
                    submit={t('admin.reviews.hide')}
                    confirm={{ title: t('admin.reviews.hideTitle'), body: t('admin.reviews.hideBody'), confirm: t('admin.reviews.hide'), cancel: back }}
                  />
                ) : null}
                <OpForm
                  action={replyToReview}
                  hidden={{ reviewId: r.id }}
                  kind="secondary"
                  fields={[{ name: 'body', label: t('admin.reviews.replyField'), hint: t('admin.reviews.replyHint'), maxLength: 2000, defaultValue: r.reply?.body }]}
                  submit={t('admin.reviews.reply')}
                />
              </div>
            </article>
          ))}
          <nav className={s.pager} aria-label={t('admin.pager.label')}>
            {filters.cursor ? <a href={reviewsHref({ status: filters.status })}>{t('admin.pager.first')}</a> : <span />}
            {queue.data.nextCursor ? (
              <a href={reviewsHref({ status: filters.status, cursor: queue.data.nextCursor })} rel="next">
                {t('admin.pager.next')}
              </a>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
