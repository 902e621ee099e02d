'use server';

import { adminApi } from '@/lib/admin';
import { opsAction } from '@/lib/admin-actions';
import { orThrow } from '@/lib/admin-form';
import { SERVICES, type ServiceName } from '@/lib/admin-operations';
import { field, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';

// Replay (back into the service's retry queue) or discard (handled for good) a dead event.

function target(form: FormData): { service: ServiceName; id: number } | undefined {
  const service = field(form, 'service') ?? '';
  const id = Number(field(form, 'id'));
  if (!(SERVICES as readonly string[]).includes(service) || !Number.isSafeInteger(id) || id < 1) return undefined;
  return { service: service as ServiceName, id };
}

export async function replayFailure(_prev: FormState, form: FormData): Promise<FormState> {
  const to = target(form);
  if (!to) return { error: t('form.fix') };
  return opsAction(
    'operations',
    form,
    async () => {
      const client = await adminApi();
      const r = orThrow(await client.POST('/api/v1/operations/dead-letters/{service}/replay', { params: { path: { service: to.service } }, body: { ids: [to.id] } }), 'the operations API');
      return r.replayed.includes(to.id) ? { ok: t('admin.operations.replayed', { id: to.id }) } : { error: t('admin.operations.notDead', { id: to.id }) };
    },
    { revalidate: ['/admin/operations'] },
  );
}

export async function discardFailure(_prev: FormState, form: FormData): Promise<FormState> {
  const to = target(form);
  if (!to) return { error: t('form.fix') };
  return opsAction(
    'operations',
    form,
    async () => {
      const client = await adminApi();
      const r = orThrow(await client.POST('/api/v1/operations/dead-letters/{service}/discard', { params: { path: { service: to.service } }, body: { ids: [to.id] } }), 'the operations API');
      return r.discarded.includes(to.id) ? { ok: t('admin.operations.discarded', { id: to.id }) } : { error: t('admin.operations.notDead', { id: to.id }) };
    },
    { revalidate: ['/admin/operations'] },
  );
}
