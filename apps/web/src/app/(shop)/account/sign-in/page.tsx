import type { Metadata } from 'next';
import { signIn } from '@/actions/auth';
import { ActionForm } from '@/components/ActionForm';
import { LinkButton } from '@/components/ui';
import { t } from '@/lib/i18n';
import { oauthProviders } from '@/lib/oauth';
import s from '../account.module.css';

export const metadata: Metadata = { title: t('signin.title'), description: t('signin.description'), alternates: { canonical: '/account/sign-in' } };

type Props = { searchParams: Promise<{ next?: string; ended?: string }> };
const NAMES: Record<string, string> = { google: 'Google', facebook: 'Facebook' };

export default async function SignInPage({ searchParams }: Props) {
  const { next, ended } = await searchParams;
  const providers = await oauthProviders();
  return (
    <div className={`page ${s.narrow}`}>
      <h1>{t('signin.title')}</h1>
      {ended === '1' ? <p role="status">{t('signin.ended')}</p> : null}
      {providers.length > 0 ? (
        <div className={s.providers}>
          {providers.map((p) => (
            <LinkButton key={p} kind="secondary" href={`/api/v1/auth/oauth/${p}/start`}>
              {t('signin.with', { provider: NAMES[p] ?? p })}
            </LinkButton>
          ))}
          <p className={s.alt}>{t('signin.or')}</p>
        </div>
      ) : null}
      <ActionForm
        action={signIn}
        submit={t('signin.submit')}
        hidden={next ? { next } : {}}
        fields={[
          { name: 'email', type: 'email', label: t('signin.email'), autoComplete: 'email', required: true },
          { name: 'password', type: 'password', label: t('signin.password'), autoComplete: 'current-password', required: true },
        ]}
      />
      <p className={s.alt}>
        <a href="/account/forgot">{t('signin.forgot')}</a>
      </p>
      <p className={s.alt}>
        {t('signin.noAccount')} <a href={`/account/sign-up${next ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('signin.create')}</a>
      </p>
    </div>
  );
}
