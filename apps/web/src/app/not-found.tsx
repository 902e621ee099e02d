import type { Metadata } from 'next';
import { Footer, Logo } from '@/components/Header';
import { LinkButton } from '@/components/ui';
import { t } from '@/lib/i18n';

export const metadata: Metadata = { title: t('error.notFound.title'), robots: { index: false } };

/** Any unknown path, product or category: a real 404 with a way back. */
export default function NotFound() {
  return (
    <>
      <header className="container">
        <Logo />
      </header>
      <main id="main" className="container page">
        <h1>{t('error.notFound.title')}</h1>
        <p>{t('error.notFound.body')}</p>
        <LinkButton href="/">{t('error.notFound.home')}</LinkButton>
      </main>
      <Footer />
    </>
  );
}
