import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signIn } from '@/actions/auth';
import { ActionForm } from '@/components/ActionForm';
import s from '@/components/admin/admin.module.css';
import { isStaff } from '@/lib/admin';
import { param } from '@/lib/admin';
import { t } from '@/lib/i18n';
import { currentUser } from '@/lib/session';

export const metadata: Metadata = { title: t('admin.signIn.title'), robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ next?: string | string[]; ended?: string | string[] }> };

/** Only back-office paths, so that a crafted link cannot send staff elsewhere after signing in. */
function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/|\?|$)/.test(next) ? next : '/admin';
}

/**
 * Staff sign in with their shop account: the storefront's sign-in action, the same HttpOnly
 * session cookies, then back to the admin page they asked for.
 */
export default async function AdminSignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const next = safeNext(param(query.next, 500));
  // Sent here because the API refused the session: the middleware has forgotten it.
  const ended = param(query.ended) === '1';
  const user = await currentUser();
  if (user && isStaff(user.roles)) redirect(next);
  return (
    <div className={s.narrow}>
      <h1>{t('admin.signIn.title')}</h1>
      {ended ? <p role="status">{t('signin.ended')}</p> : null}
      <p className={s.muted}>{t('admin.signIn.hint')}</p>
      <ActionForm
        action={signIn}
        submit={t('signin.submit')}
        hidden={{ next }}
        fields={[
          { name: 'email', type: 'email', label: t('signin.email'), autoComplete: 'username', required: true },
          { name: 'password', type: 'password', label: t('signin.password'), autoComplete: 'current-password', required: true },
        ]}
      />
    </div>
  );
}
