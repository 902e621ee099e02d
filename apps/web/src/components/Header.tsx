import { setCurrency } from '@/actions/cart';
import { currentCart } from '@/lib/cart';
import { t } from '@/lib/i18n';
import { currentUser } from '@/lib/session';
import { currentPath } from '@/lib/site';
import { categories, chosenCurrency, currencies } from '@/lib/shop';
import { AutoSubmitSelect } from './AutoSubmitSelect';
import { ui } from './ui';
import { SearchBox } from './SearchBox';
import s from './shell.module.css';

export function Logo() {
  return (
    <a href="/" className={s.logo}>
      <svg viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M8 23V9h3l5 7 5-7h3v14h-3v-9l-5 7-5-7v9z" fill="var(--bg)" />
      </svg>
      {t('shop.name')}
    </a>
  );
}

/** The shop's header: logo, search, currency, account, cart, and the top categories. */
export async function Header() {
  const [tree, cart, user, currency, all, path] = await Promise.all([
    categories().catch(() => ({ items: [] })),
    currentCart().catch(() => undefined),
    currentUser(),
    chosenCurrency(),
    currencies(),
    currentPath(),
  ]);
  const count = cart?.itemCount ?? 0;
  return (
    <header className={s.header}>
      <a href="#main" className={s.skip}>
        {t('nav.skip')}
      </a>
      <div className={`container ${s.bar}`}>
        <Logo />
        <div className={s.search}>
          <SearchBox label={t('search.label')} placeholder={t('search.placeholder')} submit={t('search.submit')} suggestionsLabel={t('search.suggestions')} currency={currency} />
        </div>
        <div className={s.tools}>
          <form action={setCurrency} className={s.currency}>
            <input type="hidden" name="returnTo" value={path} />
            <label htmlFor="currency" className="visually-hidden">
              {t('currency.label')}
            </label>
            <AutoSubmitSelect id="currency" name="currency" defaultValue={currency} options={all} applyLabel={t('currency.apply')} className={ui.select} />
          </form>
          <a href={user ? '/account' : '/account/sign-in'} className={s.toolLink}>
            {user ? t('nav.account') : t('nav.signIn')}
          </a>
          <a href="/cart" className={s.toolLink} aria-label={t('nav.cartCount', { count })}>
            {t('nav.cart')} <span className={s.count}>{count}</span>
          </a>
        </div>
      </div>
      <nav className={s.nav} aria-label={t('nav.main')}>
        <ul className={`container ${s.navList}`}>
          {tree.items.map((c) => (
            <li key={c.id}>
              <a href={`/c/${c.slug}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function Footer() {
  return (
    <footer className={s.footer}>
      <div className={`container ${s.footerRow}`}>
        <span>{t('footer.rights')}</span>
        <span>{t('footer.secure')}</span>
        <span>{t('footer.returns')}</span>
        <a href="/docs">{t('footer.api')}</a>
      </div>
    </footer>
  );
}
