import type { Metadata } from 'next';
import { resetPassword } from '@/actions/auth';
import { ActionForm } from '@/components/ActionForm';
import { t } from '@/lib/i18n';
import s from '../account.module.css';

export const metadata: Metadata = { title: t('reset.title'), description: t('reset.description'), robots: { index: false }, alternates: { canonical: '/account/reset' }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className={`page ${s.narrow}`}>
      <h1>{t('reset.title')}</h1>
      {token ? (
        <ActionForm
          action={resetPassword}
          submit={t('reset.submit')}
          hidden={{ token: token.slice(0, 500) }}
          fields={[{ name: 'password', type: 'password', label: t('reset.password'), autoComplete: 'new-password', required: true, hint: t('signup.passwordHint') }]}
        />
      ) : (
        <p>{t('reset.invalid')}</p>
      )}
    </div>
  );
}
