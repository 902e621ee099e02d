import type { Metadata } from 'next';
import { verifyEmail } from '@/actions/auth';
import { ActionForm } from '@/components/ActionForm';
import { t } from '@/lib/i18n';
import s from '../account.module.css';

export const metadata: Metadata = { title: t('verify.title'), description: t('verify.description'), robots: { index: false }, alternates: { canonical: '/account/verify' }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string }> };

/** The link of the verification email: one button confirms (a GET never changes anything). */
export default async function VerifyPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className={`page ${s.narrow}`}>
      <h1>{t('verify.title')}</h1>
      {token ? <ActionForm action={verifyEmail} submit={t('verify.submit')} hidden={{ token: token.slice(0, 500) }} fields={[]} /> : <p>{t('verify.invalid')}</p>}
    </div>
  );
}
