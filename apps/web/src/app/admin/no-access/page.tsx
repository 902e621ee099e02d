import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { t } from '@/lib/i18n';
import { pageNotFound } from '@/lib/runtime';
import AdminForbidden from '../forbidden';

export const metadata: Metadata = { title: t('admin.forbidden.title'), robots: { index: false } };

/** The header the web server sets on its own request for this page (and drops from any other). */
const FORBIDDEN_VIEW = 'x-mercato-forbidden-view';

/**
 * The back office's 403 page as a page of its own, in the frame, for the web server alone: it
 * sends it whole in place of the empty error document Next answers pageForbidden() with (see
 * server.mjs), keeping the 403. Asked for by anyone else, it is not found.
 */
export default async function NoAccess() {
  if ((await headers()).get(FORBIDDEN_VIEW) !== '1') pageNotFound();
  return <AdminForbidden />;
}
