import type { Metadata } from 'next';
import { createProduct } from '@/actions/admin-catalog';
import { ProductForm } from '@/components/admin/ProductForm';
import s from '@/components/admin/admin.module.css';
import { adminApi, load, requireSection } from '@/lib/admin';
import { editorCurrencies, flattenTree, productFormLabels } from '@/lib/admin-catalog';
import { t } from '@/lib/i18n';
import { currencies } from '@/lib/shop';

export const metadata: Metadata = { title: t('admin.catalog.new') };

/** A new product, as a draft: its fields, options and variants with their prices. */
export default async function NewProductPage() {
  await requireSection('catalog');
  const api = await adminApi();
  const [tree, shop] = await Promise.all([api.GET('/api/v1/categories').then((r) => load(r, 'the catalog')), currencies()]);
  return (
    <>
      <div className={s.pageHead}>
        <h1>{t('admin.catalog.new')}</h1>
        <a href="/admin/catalog" className={s.smallLink}>
          {t('admin.catalog.back')}
        </a>
      </div>
      <ProductForm
        action={createProduct}
        mode="create"
        initial={{ title: '', slug: '', description: '', categories: [], seoTitle: '', seoDescription: '', options: [] }}
        categories={flattenTree(tree.items)}
        currencies={editorCurrencies(shop)}
        labels={productFormLabels()}
      />
    </>
  );
}
