import type { Metadata } from 'next';
import { t } from '@/lib/i18n';
import { isForbiddenView, pageNotFound } from '@/lib/runtime';
import AdminForbidden from '../forbidden';

export const metadata: Metadata = { title: t('admin.forbidden.title'), robots: { index: false } };
// Decided per request (from the request's state), never prerendered.
export const dynamic = 'force-dynamic';

/**
 * The back office's 403 page as a page of its own, in the frame, for the web server alone: it
 * sends it whole in place of the empty error document Next answers pageForbidden() with (see
 * server.mjs), keeping the 403. Asked for by anyone else, it is not found.
 */
export default function NoAccess() {
  if (!isForbiddenView()) pageNotFound();
  return <AdminForbidden />;
}
