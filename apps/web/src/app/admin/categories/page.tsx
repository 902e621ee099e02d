import type { Metadata } from 'next';
import { createCategory, deleteCategory, moveCategory, updateCategory } from '@/actions/admin-categories';
import { ActionForm } from '@/components/ActionForm';
import { ConfirmAction } from '@/components/admin/ConfirmAction';
import s from '@/components/admin/admin.module.css';
import c from '@/components/admin/categories.module.css';
import { Notice } from '@/components/ui';
import { adminApi, load, requireSection } from '@/lib/admin';
import { flattenTree, type FlatCategory } from '@/lib/admin-catalog';
import { t } from '@/lib/i18n';

export const metadata: Metadata = { title: t('admin.categories.heading') };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The categories that may become `cat`'s parent: not itself, not one of its descendants. */
function parentChoices(all: FlatCategory[], cat?: FlatCategory) {
  const banned = new Set<string>();
  if (cat) {
    banned.add(cat.id);
    for (const x of all) if (x.parentId && banned.has(x.parentId)) banned.add(x.id);
  }
  return [{ value: '', label: t('admin.categories.topLevel') }, ...all.filter((x) => !banned.has(x.id)).map((x) => ({ value: x.id, label: `${'— '.repeat(x.depth)}${x.name}` }))];
}

const confirm = () => ({ cancelLabel: t('admin.confirm.cancel'), workingLabel: t('admin.confirm.working') });

/** The category tree: create, rename, move (another parent), reorder among siblings, delete with reassignment. */
export default async function CategoriesPage({ searchParams }: Props) {
  await requireSection('categories');
  const sp = await searchParams;
  const api = await adminApi();
  const tree = await load(await api.GET('/api/v1/categories'), 'the catalog');
  const all = flattenTree(tree.items);
  const siblings = (x: FlatCategory) => all.filter((y) => y.parentId === x.parentId);
  return (
    <>
      <div className={s.pageHead}>
        <h1>{t('admin.categories.heading')}</h1>
      </div>
      {typeof sp.saved === 'string' ? <Notice kind="ok">{t('admin.categories.saved')}</Notice> : null}
      {typeof sp.failed === 'string' ? <Notice kind="error">{t('admin.categories.moveFailed')}</Notice> : null}
      <div className={c.layout}>
        <section className={s.panel} aria-labelledby="tree">
          <h2 id="tree">{t('admin.categories.tree')}</h2>
          {all.length === 0 ? <p className={s.muted}>{t('admin.categories.none')}</p> : null}
          <ul className={c.tree}>
            {all.map((x) => {
              const sib = siblings(x);
              const index = sib.findIndex((y) => y.id === x.id);
              return (
                <li key={x.id} className={c.item} data-depth={Math.min(x.depth, 4)}>
                  <div className={c.name}>
                    <strong>{x.name}</strong> <span className={s.muted}>/{x.slug}</span>{' '}
                    <span className={s.muted}>{t('admin.categories.count', { count: x.productCount })}</span>
                  </div>
                  <div className={c.tools}>
                    <form action={moveCategory}>
                      <input type="hidden" name="id" value={x.id} />
                      <input type="hidden" name="position" value={Math.max(0, index - 1)} />
                      <button type="submit" className={`${s.smallButton} ${s.outline}`} disabled={index === 0} aria-label={t('admin.categories.up', { name: x.name })}>
                        ↑
                      </button>
                    </form>
                    <form action={moveCategory}>
                      <input type="hidden" name="id" value={x.id} />
                      <input type="hidden" name="position" value={index + 1} />
                      <button type="submit" className={`${s.smallButton} ${s.outline}`} disabled={index === sib.length - 1} aria-label={t('admin.categories.down', { name: x.name })}>
                        ↓
                      </button>
                    </form>
                    <ConfirmAction
                      action={updateCategory}
                      label={t('admin.categories.rename')}
                      title={t('admin.categories.renameTitle', { name: x.name })}
                      confirmLabel={t('admin.categories.save')}
                      hidden={{ id: x.id }}
                      fields={[
                        { name: 'name', label: t('admin.categories.name'), defaultValue: x.name, required: true },
                        { name: 'slug', label: t('admin.categories.slug'), defaultValue: x.slug, hint: t('admin.categories.slugHint') },
                      ]}
                      {...confirm()}
                    />
                    <ConfirmAction
                      action={updateCategory}
                      label={t('admin.categories.move')}
                      title={t('admin.categories.moveTitle', { name: x.name })}
                      confirmLabel={t('admin.categories.move')}
                      hidden={{ id: x.id }}
                      fields={[{ name: 'parentId', label: t('admin.categories.parent'), defaultValue: x.parentId ?? '', options: parentChoices(all, x) }]}
                      {...confirm()}
                    />
                    <ConfirmAction
                      action={deleteCategory}
                      danger
                      label={t('admin.categories.delete')}
                      title={t('admin.categories.deleteTitle', { name: x.name })}
                      body={x.childCount > 0 || x.productCount > 0 ? t('admin.categories.deleteBodyFull') : t('admin.categories.deleteBody')}
                      confirmLabel={t('admin.categories.delete')}
                      hidden={{ id: x.id }}
                      fields={[
                        {
                          name: 'reassignTo',
                          label: t('admin.categories.reassignTo'),
                          options: [{ value: '', label: t('admin.categories.noReassign') }, ...parentChoices(all, x).slice(1)],
                        },
                      ]}
                      {...confirm()}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        <section className={s.panel} aria-labelledby="new-category">
          <h2 id="new-category">{t('admin.categories.new')}</h2>
          <ActionForm
            action={createCategory}
            submit={t('admin.categories.create')}
            fields={[
              { name: 'name', label: t('admin.categories.name'), required: true },
              { name: 'slug', label: t('admin.categories.slug'), hint: t('admin.categories.slugHint') },
              { name: 'parentId', label: t('admin.categories.parent'), options: parentChoices(all) },
            ]}
          />
        </section>
      </div>
    </>
  );
}
