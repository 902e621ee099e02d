import { LinkButton } from '@/components/ui';
import s from '@/components/admin/admin.module.css';
import { t } from '@/lib/i18n';

/** 403 inside the back office's frame: the page exists, the user's roles may not open it. No data of it is rendered. */
export default function AdminForbidden() {
  return (
    <div className={s.narrow}>
      <h1>{t('admin.forbidden.title')}</h1>
      <p>{t('admin.forbidden.body')}</p>
      <div className={s.actions}>
        <LinkButton href="/">{t('admin.forbidden.home')}</LinkButton>
        <LinkButton kind="secondary" href="/admin/sign-in">
          {t('admin.forbidden.other')}
        </LinkButton>
      </div>
    </div>
  );
}
