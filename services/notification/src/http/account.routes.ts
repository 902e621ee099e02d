import { BEARER, callerOf, NotFound, problemResponses, type HttpApp } from '@mercato/chassis';
import { newId } from '@mercato/contracts';
import type { NotificationDeps } from '../deps.js';
import { changePreferences, preferencesView } from '../preferences/change-preferences.js';
import { pushSubscriptionsStore } from '../push/push-subscriptions.store.js';
import { subscribePush } from '../push/subscribe-push.js';
import { stockSubscriptionsStore } from '../stock/stock-subscriptions.store.js';
import { requires } from './authorize.js';
import {
  CreatedSchema,
  IdParams,
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
    { ...own, schema: { tags, operationId: 'getNotificationPreferences', summary: 'My notification preferences, per channel and category', security: BEARER, response: { 200: PreferencesSchema, ...problemResponses(401, 403) } } },
    async (req) => preferencesView(deps.db, callerOf(req).userId, smsOn),
  );

  app.put(
    '/notifications/preferences',
    {
      ...own,
      schema: {
        tags,
        operationId: 'putNotificationPreferences',
        summary: 'Change my preferences (only the choices given); transactional email cannot be turned off (422); marketing is opt-in',
        security: BEARER,
        body: PutPreferencesBody,
        response: { 200: PreferencesSchema, ...problemResponses(400, 401, 403, 422) },
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
    { schema: { tags, operationId: 'getPushPublicKey', summary: "The shop's VAPID public key (applicationServerKey for pushManager.subscribe)", security: [], response: { 200: VapidKeySchema } } },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send({ publicKey: deps.vapidPublicKey }),
  );

  app.post(
    '/notifications/push-subscriptions',
    {
      ...own,
      schema: {
        tags,
        operationId: 'createPushSubscription',
        summary: "Register this browser's push subscription (the PushSubscription's JSON); the same endpoint again replaces it",
        security: BEARER,
        body: PushSubscriptionBody,
        response: { 201: CreatedSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const sub = await subscribePush(deps.db, callerOf(req).userId, req.body, deps.config.pushHosts);
      return reply.code(201).send({ id: sub.id });
    },
  );

  app.delete(
    '/notifications/push-subscriptions/:id',
    {
      ...own,
      schema: { tags, operationId: 'deletePushSubscription', summary: 'Stop push to one of my browsers', security: BEARER, params: IdParams, response: { 204: { type: 'null', description: 'Removed' }, ...problemResponses(400, 401, 403, 404) } },
    },
    async (req, reply) => {
      if (!(await pushSubscriptionsStore.delete(deps.db, req.params.id, callerOf(req).userId))) throw new NotFound('No such push subscription');
      return reply.code(204).send();
    },
  );

  app.post(
    '/notifications/stock-subscriptions',
    {
      ...own,
      schema: {
        tags,
        operationId: 'createStockSubscription',
        summary: 'Tell me once when this SKU is back in stock (asking again keeps the first wish)',
        security: BEARER,
        body: StockSubscriptionBody,
        response: { 201: StockSubscriptionSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(presentStockSubscription(await stockSubscriptionsStore.open(deps.db, { id: newId('ssub'), userId: callerOf(req).userId, sku: req.body.sku }))),
  );

  app.get(
    '/notifications/stock-subscriptions',
    { ...own, schema: { tags, operationId: 'listStockSubscriptions', summary: 'My back-in-stock wishes, newest first (answered ones have notifiedAt)', security: BEARER, response: { 200: StockSubscriptionList, ...problemResponses(401, 403) } } },
    async (req) => ({ items: (await stockSubscriptionsStore.ofUser(deps.db, callerOf(req).userId)).map(presentStockSubscription) }),
  );

  app.delete(
    '/notifications/stock-subscriptions/:id',
    {
      ...own,
      schema: { tags, operationId: 'deleteStockSubscription', summary: 'Withdraw a back-in-stock wish', security: BEARER, params: IdParams, response: { 204: { type: 'null', description: 'Removed' }, ...problemResponses(400, 401, 403, 404) } },
    },
    async (req, reply) => {
      if (!(await stockSubscriptionsStore.cancel(deps.db, req.params.id, callerOf(req).userId))) throw new NotFound('No such open back-in-stock wish');
      return reply.code(204).send();
    },
  );
}
