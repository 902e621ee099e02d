import type { Metadata } from 'next';
import { ImportForm, type ImportLabels } from '@/components/admin/ImportForm';
import s from '@/components/admin/admin.module.css';
import { requireSection } from '@/lib/admin';
import { t, tOr } from '@/lib/i18n';

export const metadata: Metadata = { title: t('admin.import.heading') };

const KEYS: Array<keyof ImportLabels> = ['file', 'fileHint', 'check', 'import', 'sending', 'checking', 'importing', 'valid', 'rejectedTitle', 'row', 'lines', 'slug', 'reasons', 'imported', 'nothingImported', 'chooseFile', 'checkFirst', 'progress'];

/** Products from a CSV or JSON file: a dry run naming every rejected row, then the import (all or nothing). */
export default async function ImportPage() {
  await requireSection('import');
  const labels = Object.fromEntries(KEYS.map((k) => [k, tOr(`admin.import.${k}`, k)])) as ImportLabels;
  return (
    <>
      <div className={s.pageHead}>
        <h1>{t('admin.import.heading')}</h1>
      </div>
      <p className={s.muted}>{t('admin.import.intro')}</p>
      <details className={s.panel}>
        <summary>{t('admin.import.formatTitle')}</summary>
        <p>{t('admin.import.formatCsv')}</p>
        <pre className={s.code}>{'slug,title,status,categories,option1_name,option1_value,sku,price:USD,price:EUR\nlinen-shirt,Linen shirt,draft,clothing,Size,S,LS-S,39.00,36.00\nlinen-shirt,Linen shirt,draft,clothing,Size,M,LS-M,39.00,36.00'}</pre>
        <p>{t('admin.import.formatJson')}</p>
      </details>
      <ImportForm labels={labels} />
    </>
  );
}
