import type { Metadata } from 'next';
import { adoptExternalSession } from '@/actions/auth';
import { FragmentSession } from '@/components/FragmentSession';
import { t } from '@/lib/i18n';

export const metadata: Metadata = { title: t('signedin.title'), robots: { index: false }, referrer: 'no-referrer' };

/** Where an external sign-in lands: its tokens come in the URL fragment, go to the server at once, and leave the URL. */
export default function SignedInPage() {
  return (
    <div className="page">
      <h1>{t('signedin.title')}</h1>
      <FragmentSession action={adoptExternalSession} />
    </div>
  );
}
