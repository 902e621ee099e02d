import type { Metadata } from 'next';
import { forgotPassword } from '@/actions/auth';
import { ActionForm } from '@/components/ActionForm';
import { t } from '@/lib/i18n';
import s from '../account.module.css';

export const metadata: Metadata = { title: t('forgot.title'), description: t('forgot.description'), alternates: { canonical: '/account/forgot' } };

export default function ForgotPage() {
  return (
    <div className={`page ${s.narrow}`}>
      <h1>{t('forgot.title')}</h1>
      <ActionForm action={forgotPassword} submit={t('forgot.submit')} fields={[{ name: 'email', type: 'email', label: t('signin.email'), autoComplete: 'email', required: true }]} />
    </div>
  );
}
