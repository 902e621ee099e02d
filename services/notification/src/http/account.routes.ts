import { accessOf, callerOf, type HttpApp, NoBody, NotFound, operation, requires } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { NotificationDeps } from '../deps.js';
import { changePreferences, preferencesView } from '../preferences/change-preferences.js';
import { pushSubscriptionsStore } from '../push/push-subscriptions.store.js';
import { subscribePush } from '../push/subscribe-push.js';
import { stockSubscriptionsStore } from '../stock/stock-subscriptions.store.js';
import {
  CreatedSchema,
  PushEndpointQuery,
  SkuQuery,
  PreferencesSchema,
  PushSubscriptionBody,
  PutPreferencesBody,
  StockSubscriptionBody,
  StockSubscriptionList,
  StockSubscriptionSchema,
  VapidKeySchema,
} from './notifications.schemas.js';

const tags = ['notifications'];

const presentStockSubscription = (s: { id: string; sku: string; createdAt: Date; notifiedAt: Date | null }) => ({
  id: s.id,
  sku: s.sku,
  createdAt: s.createdAt.toISOString(),
  notifiedAt: s.notifiedAt?.toISOString() ?? null,
});

/** What a signed-in customer manages: their preferences, browsers for push, back-in-stock wishes. */
export function accountRoutes(app: HttpApp, deps: NotificationDeps): void {
  const own = requires(deps, 'notifications:own');
  const smsOn = !!deps.sms;

  app.get(
    '/notifications/preferences',
    { ...own, schema: { tags, ...operation('getNotificationPreferences', accessOf('notifications:own'), {}), summary: 'My notification preferences, per channel and category', response: { 200: PreferencesSchema } } },
    async (req) => preferencesView(deps.db, callerOf(req).userId, smsOn),
  );

  app.put(
    '/notifications/preferences',
    {
      ...own,
      schema: {
        tags,
        ...operation('putNotificationPreferences', accessOf('notifications:own'), { 422: 'transactional_email_required' }),
        summary: 'Change my preferences (only the choices given); transactional email cannot be turned off (422); marketing is opt-in',
        body: PutPreferencesBody,
        response: { 200: PreferencesSchema },
      },
    },
    async (req) => {
      const userId = callerOf(req).userId;
      await changePreferences(deps.db, userId, req.body);
      return preferencesView(deps.db, userId, smsOn);
    },
  );

  app.get(
    '/notifications/push/public-key',
    { schema: { tags, ...operation('getPushPublicKey', 'public', {}), summary: "The shop's VAPID public key (applicationServerKey for pushManager.subscribe)", response: { 200: VapidKeySchema } } },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send({ publicKey: deps.vapidPublicKey }),
  );

  app.post(
    '/notifications/push-subscriptions',
    {
      ...own,
      schema: {
        tags,
        ...operation('createPushSubscription', accessOf('notifications:own'), { 422: 'push_endpoint_refused' }),
        summary: "Register this browser's push subscription (the PushSubscription's JSON); the same endpoint again replaces it",
        body: PushSubscriptionBody,
        response: { 201: CreatedSchema },
      },
    },
    async (req, reply) => {
      const sub = await subscribePush(deps.db, callerOf(req).userId, req.body, deps.config.pushHosts);
      return reply.code(201).send({ id: sub.id });
    },
  );

  app.delete(
    '/notifications/push-subscriptions',
    {
      ...own,
      schema: { tags, ...operation('deletePushSubscription', accessOf('notifications:own'), { 404: 'not_found' }), summary: 'Stop push to one of my browsers, named by its endpoint', querystring: PushEndpointQuery, response: { 204: NoBody('Removed') } },
    },
    async (req, reply) => {
      if (!(await pushSubscriptionsStore.deleteByEndpoint(deps.db, req.query.endpoint, callerOf(req).userId))) throw new NotFound('No such push subscription');
      return reply.code(204).send();
    },
  );

  app.post(
    '/notifications/stock-subscriptions',
    {
      ...own,
      schema: {
        tags,
        ...operation('createStockSubscription', accessOf('notifications:own'), {}),
        summary: 'Tell me once when this SKU is back in stock (asking again keeps the first wish)',
        body: StockSubscriptionBody,
        response: { 201: StockSubscriptionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(presentStockSubscription(await stockSubscriptionsStore.open(deps.db, { id: newId('ssub'), userId: callerOf(req).userId, sku: req.body.sku }))),
  );

  app.get(
    '/notifications/stock-subscriptions',
    { ...own, schema: { tags, ...operation('listStockSubscriptions', accessOf('notifications:own'), {}), summary: 'My back-in-stock wishes, newest first (answered ones have notifiedAt)', response: { 200: StockSubscriptionList } } },
    async (req) => ({ items: (await stockSubscriptionsStore.ofUser(deps.db, callerOf(req).userId)).map(presentStockSubscription) }),
  );

  app.delete(
    '/notifications/stock-subscriptions',
    {
      ...own,
      schema: { tags, ...operation('deleteStockSubscription', accessOf('notifications:own'), { 404: 'not_found' }), summary: 'Withdraw my back-in-stock wish for a SKU', querystring: SkuQuery, response: { 204: NoBody('Removed') } },
    },
    async (req, reply) => {
      if (!(await stockSubscriptionsStore.cancel(deps.db, req.query.sku, callerOf(req).userId))) throw new NotFound('No open back-in-stock wish for this SKU');
      return reply.code(204).send();
    },
  );
}
