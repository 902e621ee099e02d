import { sectionsFor, type SectionKey } from '@/lib/admin';
import { t, type MessageKey } from '@/lib/i18n';
import s from './admin.module.css';

/** The section of the back office a path belongs to (the longest matching entry). */
export function activeSection(path: string, keys: ReadonlyArray<{ key: SectionKey; href: string }>): SectionKey | undefined {
  const clean = path.split('?')[0] ?? path;
  let best: { key: SectionKey; href: string } | undefined;
  for (const k of keys) if ((clean === k.href || clean.startsWith(`${k.href}/`)) && (!best || k.href.length > best.href.length)) best = k;
  return best?.key;
}

/** The back office's navigation: only the sections the user's roles may use. */
export function AdminNav({ roles, path }: { roles: readonly string[]; path: string }) {
  const sections = sectionsFor(roles);
  const active = activeSection(path, sections);
  return (
    <nav className={s.nav} aria-label={t('admin.nav')}>
      <ul>
        {sections.map((sec) => (
          <li key={sec.key}>
            <a href={sec.href} aria-current={sec.key === active ? 'page' : undefined} className={s.navLink}>
              {t(`admin.nav.${sec.key}` as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
