import type { Metadata } from 'next';
import { signUp } from '@/actions/auth';
import { ActionForm } from '@/components/ActionForm';
import { t } from '@/lib/i18n';
import s from '../account.module.css';

export const metadata: Metadata = { title: t('signup.title'), description: t('signup.description'), alternates: { canonical: '/account/sign-up' } };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <div className={`page ${s.narrow}`}>
      <h1>{t('signup.title')}</h1>
      <ActionForm
        action={signUp}
        submit={t('signup.submit')}
        hidden={next ? { next } : {}}
        fields={[
          { name: 'name', label: t('signup.name'), autoComplete: 'name', required: true },
          { name: 'email', type: 'email', label: t('signin.email'), autoComplete: 'email', required: true },
          { name: 'password', type: 'password', label: t('signin.password'), autoComplete: 'new-password', required: true, hint: t('signup.passwordHint') },
        ]}
      />
      <p className={s.alt}>
        {t('signup.have')} <a href="/account/sign-in">{t('signin.submit')}</a>
      </p>
    </div>
  );
}
