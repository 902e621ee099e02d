import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { signOut } from '@/actions/auth';
import { AdminNav } from '@/components/admin/AdminNav';
import s from '@/components/admin/admin.module.css';
import shell from '@/components/shell.module.css';
import { isStaff } from '@/lib/admin';
import { t, tOr } from '@/lib/i18n';
import { currentUser } from '@/lib/session';
import { currentPath } from '@/lib/site';

export const metadata: Metadata = {
  title: { default: t('admin.title'), template: `%s | ${t('admin.title')}` },
  description: t('admin.description'),
  robots: { index: false, follow: false },
};

/**
 * The back office's frame: its header (who is signed in, sign out, back to the shop) and the
 * navigation of the sections the user's roles may use. It guards nothing by itself: every page
 * calls requireSection() (lib/admin.ts), and the API decides what each call may do.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [user, path] = await Promise.all([currentUser(), currentPath()]);
  const staff = user && isStaff(user.roles) ? user : undefined;
  return (
    <div className={s.frame}>
      <header className={s.header}>
        <a href="#main" className={shell.skip}>
          {t('nav.skip')}
        </a>
        <div className={s.headerBar}>
          <a href="/admin" className={s.brand}>
            <svg viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M8 23V9h3l5 7 5-7h3v14h-3v-9l-5 7-5-7v9z" fill="var(--bg)" />
            </svg>
            <span>
              {t('shop.name')} <span className={s.brandSub}>{t('admin.title')}</span>
            </span>
          </a>
          <div className={s.headerTools}>
            <a href="/" className={s.smallLink}>
              {t('admin.toShop')}
            </a>
            {staff ? (
              <>
                <span className={s.who}>{t('admin.signedInAs', { roles: staff.roles.filter((r) => r !== 'customer').map((r) => tOr(`admin.role.${r}`, r)).join(', ') })}</span>
                <form action={signOut}>
                  <button type="submit" className={`${s.smallButton} ${s.outline}`}>
                    {t('admin.signOut')}
                  </button>
                </form>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <div className={staff ? s.body : s.bodyPlain}>
        {staff ? <AdminNav roles={staff.roles} path={path} /> : null}
        <main id="main" className={s.main}>
          {children}
        </main>
      </div>
    </div>
  );
}
