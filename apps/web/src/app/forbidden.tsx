import type { Metadata } from 'next';
import { LinkButton } from '@/components/ui';
import { t } from '@/lib/i18n';

export const metadata: Metadata = { title: t('admin.forbidden.title'), robots: { index: false } };

/** 403: a signed-in user whose roles may not open the page (forbidden() in lib/admin.ts). */
export default function Forbidden() {
  return (
    <main id="main" className="container page">
      <h1>{t('admin.forbidden.title')}</h1>
      <p>{t('admin.forbidden.body')}</p>
      <LinkButton href="/">{t('admin.forbidden.home')}</LinkButton>
    </main>
  );
}
