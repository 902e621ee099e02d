import type { Metadata } from 'next';
import { DataTable, Pager } from '@/components/admin/DataTable';
import { FilterForm } from '@/components/admin/FilterForm';
import { StatusBadge } from '@/components/admin/StatusBadge';
import s from '@/components/admin/admin.module.css';
import { Notice } from '@/components/ui';
import { adminApi, load, param, requireSection } from '@/lib/admin';
import { flattenTree } from '@/lib/admin-catalog';
import { loaded } from '@/lib/admin-lists';
import { t } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: t('admin.catalog.heading') };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const STATUSES = ['any', 'draft', 'published', 'archived'] as const;

/** Every product of the catalog (any status), searched and filtered by status and category, by cursor. */
export default async function CatalogPage({ searchParams }: Props) {
  await requireSection('catalog');
  const sp = await searchParams;
  const values = { q: param(sp.q), status: param(sp.status), category: param(sp.category) };
  const cursor = param(sp.cursor, 500);
  const status = STATUSES.find((x) => x === values.status) ?? 'any';
  const api = await adminApi();
  const [list, tree] = await Promise.all([
    api
      .GET('/api/v1/products', {
        params: { query: { status, limit: 25, ...(values.q ? { q: values.q, sort: 'relevance' as const } : { sort: 'newest' as const }), ...(values.category ? { category: values.category } : {}), ...(cursor ? { cursor } : {}) } },
      })
      // A filter the API refuses (a bad cursor, an unknown category) is said next to it, on the page.
      .then((r) => loaded(r)),
    api.GET('/api/v1/categories').then((r) => load(r, 'the catalog')),
  ]);
  const cats = flattenTree(tree.items);
  return (
    <>
      <div className={s.pageHead}>
        <h1>{t('admin.catalog.heading')}</h1>
        <a href="/admin/catalog/new" className={s.smallButton}>
          {t('admin.catalog.new')}
        </a>
      </div>
      {sp.deleted ? <Notice kind="ok">{t('admin.catalog.deleted')}</Notice> : null}
      <FilterForm
        action="/admin/catalog"
        values={values}
        errors={list.ok ? {} : list.fieldErrors}
        filters={[
          { name: 'q', label: t('admin.catalog.search'), type: 'search' },
          { name: 'status', label: t('admin.catalog.status'), options: STATUSES.map((x) => ({ value: x === 'any' ? '' : x, label: t(`admin.catalog.status.${x}`) })) },
          { name: 'category', label: t('admin.catalog.category'), options: [{ value: '', label: t('admin.catalog.anyCategory') }, ...cats.map((c) => ({ value: c.slug, label: `${'— '.repeat(c.depth)}${c.name}` }))] },
        ]}
      />
      {list.ok ? (
        <DataTable
          caption={t('admin.catalog.heading')}
          rows={list.data.items}
          rowKey={(p) => p.id}
          empty={t('admin.catalog.none')}
          columns={[
            { header: t('admin.catalog.title'), cell: (p) => <a href={`/admin/catalog/${p.id}`}>{p.title}</a> },
            { header: t('admin.catalog.slug'), cell: (p) => p.slug, wideOnly: true },
            { header: t('admin.catalog.status'), cell: (p) => <StatusBadge status={p.status ?? 'published'} /> },
            {
              header: t('admin.catalog.price'),
              numeric: true,
              cell: (p) => (p.price ? (p.price.min.amount === p.price.max.amount ? formatMoney(p.price.min) : `${formatMoney(p.price.min)}\u00a0– ${formatMoney(p.price.max)}`) : '–'),
            },
          ]}
        />
      ) : (
        <Notice kind="error">{list.error}</Notice>
      )}
      <Pager path="/admin/catalog" values={values} cursor={cursor} nextCursor={list.ok ? list.data.nextCursor : undefined} />
    </>
  );
}
