import { writeReview } from '@/actions/engagement';
import { t } from '@/lib/i18n';
import { ActionForm } from './ActionForm';
import s from './product.module.css';

/**
 * "Write a review", folded under the reviews. The same markup for everyone (the page is cached
 * for guests): the review service decides who may review (a delivered order of the product), and
 * its refusal is shown in words.
 */
export function ReviewForm({ productId, slug }: { productId: string; slug: string }) {
  return (
    <details className={s.writeReview}>
      <summary>{t('review.write')}</summary>
      <p className={s.crumbs}>{t('review.who')}</p>
      <ActionForm
        action={writeReview}
        submit={t('review.submit')}
        pendingLabel={t('review.sending')}
        hidden={{ productId, slug }}
        resetOnOk
        fields={[
          {
            name: 'rating',
            label: t('review.rating'),
            options: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('review.stars', { count: n }) })),
            defaultValue: '5',
            required: true,
          },
          { name: 'title', label: t('review.title'), required: true, maxLength: 120 },
          { name: 'body', label: t('review.body'), type: 'textarea', required: true, maxLength: 5000 },
          { name: 'pros', label: t('review.pros'), maxLength: 1000 },
          { name: 'cons', label: t('review.cons'), maxLength: 1000 },
        ]}
      />
    </details>
  );
}
