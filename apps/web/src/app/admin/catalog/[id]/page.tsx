import type { Metadata } from 'next';
import { addVariant, deleteProduct, deleteVariant, removeProductImage, setProductStatus, updateProduct, updateVariant, uploadProductImage } from '@/actions/admin-catalog';
import { ActionForm } from '@/components/ActionForm';
import { ConfirmAction } from '@/components/admin/ConfirmAction';
import { ProductForm } from '@/components/admin/ProductForm';
import { StatusBadge } from '@/components/admin/StatusBadge';
import s from '@/components/admin/admin.module.css';
import p from '@/components/admin/product-form.module.css';
import { Notice } from '@/components/ui';
import { adminApi, load, requireSection } from '@/lib/admin';
import { editableOf, editorCurrencies, flattenTree, majorOf, productFormLabels } from '@/lib/admin-catalog';
import { t } from '@/lib/i18n';
import { formatMoney } from '@/lib/money';
import { currencies } from '@/lib/shop';
import type { Product } from '@/lib/types';

export const metadata: Metadata = { title: t('admin.catalog.edit') };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<string, string> = {
  created: 'admin.catalog.created',
  saved: 'admin.catalog.saved',
  status: 'admin.catalog.statusChanged',
  variant: 'admin.catalog.variantSaved',
  image: 'admin.catalog.imageSaved',
};

const confirmLabels = () => ({ cancelLabel: t('admin.confirm.cancel'), workingLabel: t('admin.confirm.working') });

/** One product: its fields (If-Match on every write, a conflict shows the changes), status, variants and prices, images. */
export default async function EditProductPage({ params, searchParams }: Props) {
  await requireSection('catalog');
  const { id } = await params;
  const sp = await searchParams;
  const api = await adminApi();
  const answer = await api.GET('/api/v1/products/{id}', { params: { path: { id } } });
  const product = (await load(answer, 'the catalog')) as Product;
  const etag = answer.response.headers.get('etag') ?? '';
  const [tree, shop] = await Promise.all([api.GET('/api/v1/categories').then((r) => load(r, 'the catalog')), currencies()]);
  const priced = new Set(product.variants.flatMap((v) => v.prices.map((x) => x.currency)));
  const curs = [...new Set([...editorCurrencies(shop), ...priced])];
  const editable = editableOf(product);
  const optionNames = product.options.map((o) => o.name);
  const notice = Object.keys(NOTICES).find((k) => sp[k]);
  const hiddenBase = { id: product.id, etag };
  const variantHidden = (extra: Record<string, string>) => ({ ...hiddenBase, ...extra });
  return (
    <>
      <div className={s.pageHead}>
        <div>
          <h1>{product.title}</h1>
          <p className={s.muted}>
            <StatusBadge status={product.status} /> · {product.slug}
          </p>
        </div>
        <div className={s.actions}>
          {product.status === 'published' ? (
            <a href={`/p/${product.slug}`} className={s.smallLink}>
              {t('admin.catalog.viewInShop')}
            </a>
          ) : null}
          {product.status !== 'published' ? (
            <ConfirmAction
              action={setProductStatus}
              label={t('admin.catalog.publish')}
              title={t('admin.catalog.publishTitle')}
              body={t('admin.catalog.publishBody')}
              confirmLabel={t('admin.catalog.publish')}
              hidden={{ ...hiddenBase, status: 'published' }}
              {...confirmLabels()}
            />
          ) : null}
          {product.status !== 'archived' ? (
            <ConfirmAction
              action={setProductStatus}
              label={t('admin.catalog.archive')}
              title={t('admin.catalog.archiveTitle')}
              body={t('admin.catalog.archiveBody')}
              confirmLabel={t('admin.catalog.archive')}
              hidden={{ ...hiddenBase, status: 'archived' }}
              {...confirmLabels()}
            />
          ) : null}
          {product.status !== 'draft' ? (
            <ConfirmAction
              action={setProductStatus}
              label={t('admin.catalog.toDraft')}
              title={t('admin.catalog.toDraftTitle')}
              body={t('admin.catalog.toDraftBody')}
              confirmLabel={t('admin.catalog.toDraft')}
              hidden={{ ...hiddenBase, status: 'draft' }}
              {...confirmLabels()}
            />
          ) : null}
          <ConfirmAction
            action={deleteProduct}
            danger
            label={t('admin.catalog.delete')}
            title={t('admin.catalog.deleteTitle', { title: product.title })}
            body={t('admin.catalog.deleteBody')}
            confirmLabel={t('admin.catalog.delete')}
            hidden={hiddenBase}
            {...confirmLabels()}
          />
        </div>
      </div>
      <p>
        <a href="/admin/catalog" className={s.smallLink}>
          {t('admin.catalog.back')}
        </a>
      </p>
      {notice ? <Notice kind="ok">{t(NOTICES[notice] as 'admin.catalog.saved')}</Notice> : null}

      <ProductForm
        key={etag}
        action={updateProduct}
        mode="edit"
        id={product.id}
        etag={etag}
        base={JSON.stringify(editable)}
        initial={editable}
        categories={flattenTree(tree.items)}
        currencies={curs}
        labels={productFormLabels()}
      />

      <section className={s.panel} aria-labelledby="variants">
        <h2 id="variants">{t('admin.catalog.form.variants')}</h2>
        <ul className={p.variantList}>
          {product.variants.map((v) => (
            <li key={v.id} className={p.variant}>
              <h3 className={p.variantHead}>
                {v.sku}
                {Object.keys(v.options).length ? ` — ${Object.values(v.options).join(' / ')}` : ''}
                <span className={s.muted}> {v.prices.map((x) => formatMoney(x)).join(' · ')}</span>
              </h3>
              <details>
                <summary className={p.summary}>{t('admin.catalog.editVariant', { sku: v.sku })}</summary>
                <ActionForm
                  action={updateVariant}
                  submit={t('admin.catalog.saveVariant')}
                  hidden={variantHidden({ variantId: v.id })}
                  fields={[
                    { name: 'v.sku', label: t('admin.catalog.form.sku'), defaultValue: v.sku },
                    { name: 'v.title', label: t('admin.catalog.form.variantTitle'), defaultValue: v.title ?? '' },
                    ...optionNames.map((name, i) => ({ name: `v.option.${i}`, label: name, defaultValue: v.options[name] ?? '' })),
                    ...curs.map((c) => ({ name: `v.price.${c}`, label: `${t('admin.catalog.form.price')} (${c})`, inputMode: 'decimal' as const, defaultValue: ((x) => (x ? majorOf(x.amount, c) : ''))(v.prices.find((x) => x.currency === c)) })),
                  ]}
                >
                  {optionNames.map((n) => (
                    <input key={n} type="hidden" name="optionName" value={n} />
                  ))}
                  {curs.map((c) => (
                    <input key={c} type="hidden" name="currency" value={c} />
                  ))}
                </ActionForm>
                {product.variants.length > 1 ? (
                  <ConfirmAction
                    action={deleteVariant}
                    danger
                    label={t('admin.catalog.deleteVariant')}
                    title={t('admin.catalog.deleteVariantTitle', { sku: v.sku })}
                    confirmLabel={t('admin.catalog.deleteVariant')}
                    hidden={variantHidden({ variantId: v.id })}
                    {...confirmLabels()}
                  />
                ) : null}
              </details>
            </li>
          ))}
        </ul>
        <details>
          <summary className={p.summary}>{t('admin.catalog.addVariant')}</summary>
          <ActionForm
            action={addVariant}
            submit={t('admin.catalog.addVariant')}
            hidden={hiddenBase}
            fields={[
              { name: 'new.sku', label: t('admin.catalog.form.sku') },
              { name: 'new.title', label: t('admin.catalog.form.variantTitle') },
              ...optionNames.map((name, i) => ({ name: `new.option.${i}`, label: name })),
              ...curs.map((c) => ({ name: `new.price.${c}`, label: `${t('admin.catalog.form.price')} (${c})`, inputMode: 'decimal' as const })),
            ]}
          >
            {optionNames.map((n) => (
              <input key={n} type="hidden" name="optionName" value={n} />
            ))}
            {curs.map((c) => (
              <input key={c} type="hidden" name="currency" value={c} />
            ))}
          </ActionForm>
        </details>
      </section>

      <section className={s.panel} aria-labelledby="images">
        <h2 id="images">{t('admin.catalog.images')}</h2>
        {product.images.length === 0 ? <p className={s.muted}>{t('admin.catalog.noImages')}</p> : null}
        <ul className={p.images}>
          {product.images.map((img, i) => (
            <li key={`${img.url}-${i}`} className={p.image}>
              <img src={img.renditions?.[0]?.url ?? img.url} alt={img.alt} width={160} height={160} className={p.thumb} />
              <span className={p.alt}>{img.alt}</span>
              <ConfirmAction
                action={removeProductImage}
                danger
                label={t('admin.catalog.removeImage')}
                title={t('admin.catalog.removeImageTitle')}
                body={img.alt}
                confirmLabel={t('admin.catalog.removeImage')}
                hidden={{ ...hiddenBase, index: String(i) }}
                {...confirmLabels()}
              />
            </li>
          ))}
        </ul>
        <h3>{t('admin.catalog.uploadImage')}</h3>
        <ActionForm
          action={uploadProductImage}
          submit={t('admin.catalog.upload')}
          pendingLabel={t('admin.catalog.uploading')}
          hidden={hiddenBase}
          fields={[
            { name: 'file', type: 'file', label: t('admin.catalog.imageFile'), hint: t('admin.catalog.imageHint') },
            { name: 'alt', label: t('admin.catalog.altText'), hint: t('admin.catalog.altHint'), maxLength: 300 },
          ]}
        />
      </section>
    </>
  );
}
