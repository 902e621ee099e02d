import { tOr } from '@/lib/i18n';
import s from './admin.module.css';

// A status as a coloured pill with its name in words (never colour alone).

type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

const TONES: Record<string, Tone> = {
  published: 'ok',
  confirmed: 'ok',
  paid: 'ok',
  delivered: 'ok',
  approved: 'ok',
  resolved: 'ok',
  sent: 'ok',
  active: 'ok',
  ok: 'ok',
  draft: 'neutral',
  pending: 'info',
  awaiting_payment: 'info',
  action_required: 'warn',
  unpaid: 'warn',
  shipped: 'info',
  queued: 'info',
  requested: 'info',
  retrying: 'warn',
  low: 'warn',
  partially_refunded: 'warn',
  archived: 'neutral',
  hidden: 'neutral',
  discarded: 'neutral',
  suppressed: 'neutral',
  cancelled: 'danger',
  refunded: 'danger',
  rejected: 'danger',
  failed: 'danger',
  bounced: 'danger',
  dead: 'danger',
  out: 'danger',
  down: 'danger',
};

/** `status` in words (`admin.status.<status>` in the messages, else the raw value), toned by its meaning. */
export function StatusBadge({ status, tone, label }: { status: string; tone?: Tone; label?: string }) {
  const t = tone ?? TONES[status] ?? 'neutral';
  return <span className={`${s.badge} ${s[`tone-${t}`] ?? ''}`}>{label ?? tOr(`admin.status.${status}`, status.replace(/_/g, ' '))}</span>;
}
