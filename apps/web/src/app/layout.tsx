import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { LOCALE, t } from '@/lib/i18n';
import { siteOrigin } from '@/lib/site';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(await siteOrigin()),
    title: { default: t('home.title'), template: `%s | ${t('shop.name')}` },
    description: t('shop.description'),
    applicationName: t('shop.name'),
    openGraph: { siteName: t('shop.name'), type: 'website', locale: 'en_US' },
    icons: { icon: '/icon.svg' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121412' },
  ],
};

/** The document shell, shared by the storefront and the back office. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={LOCALE}>
      <body>{children}</body>
    </html>
  );
}
