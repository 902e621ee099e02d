import type { Metadata } from 'next';
import s from '@/components/admin/admin.module.css';
import { requireSection, sectionsFor } from '@/lib/admin';
import { t, type MessageKey } from '@/lib/i18n';

export const metadata: Metadata = { title: t('admin.dashboard.title') };

export default async function DashboardPage() {
  const user = await requireSection('dashboard');
  const sections = sectionsFor(user.roles).filter((sec) => sec.key !== 'dashboard');
  return (
    <>
      <div className={s.pageHead}>
        <h1>{t('admin.dashboard.title')}</h1>
      </div>
      <section aria-labelledby="welcome">
        <h2 id="welcome">{t('admin.dashboard.welcome')}</h2>
        <ul className={s.sectionList}>
          {sections.map((sec) => (
            <li key={sec.key}>
              <a href={sec.href}>
                <strong>{t(`admin.nav.${sec.key}` as MessageKey)}</strong>
                <span className={s.muted}>{t(`admin.section.${sec.key}` as MessageKey)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
