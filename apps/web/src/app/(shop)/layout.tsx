import type { ReactNode } from 'react';
import { Footer, Header } from '@/components/Header';

/** The storefront's frame: every shop page has the header, the footer and one main region. */
export default function ShopLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Header />
      <main id="main" className="container">
        {children}
      </main>
      <Footer />
    </>
  );
}
