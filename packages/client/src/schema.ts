// Generated from the merged OpenAPI document the gateway serves (GET /api/v1/openapi.json).
// Do not edit: run `npm run generate -w @mercato/client` after an API change. A test fails when
// this file no longer matches what the services serve.
export type paths = {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys of access tokens (JWKS)
         * @description **Access:** public, no token needed.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the email address with the emailed token
         * @description **Access:** public, no token needed.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/email/verify/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a new verification link (202 whatever the email)
         * @description **Access:** public, no token needed.
         */
        post: operations["resendEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description **Access:** public, no token needed.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session of a refresh token
         * @description **Access:** public, no token needed.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the provider sends the browser back; 302 to the app with the tokens in the URL fragment
         * @description **Access:** public, no token needed.
         */
        get: operations["completeOAuthSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/{provider}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start a sign-in with Google or Facebook (302 to the provider)
         * @description Open it in the browser (not with fetch): it redirects to the provider. 404 when the provider is not configured.
         *
         *     **Access:** public, no token needed.
         */
        get: operations["startOAuthSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password, giving the current one; signs out every other device
         * @description The new password follows the policy of registration (400 `invalid_data` with the reason at `/newPassword`). A wrong current password counts as a failed sign-in of the account. Every refresh token and access token issued before is revoked; the answer is the new session of the caller.
         *
         *     **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password-reset link (202 whether or not the account exists)
         * @description **Access:** public, no token needed.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the emailed token; signs out everywhere
         * @description **Access:** public, no token needed.
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair
         * @description **Access:** public, no token needed.
         */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account and sign in
         * @description The password: 12 to 128 characters, not a common one (400 `invalid_data` with the reason at `/password`). A verification link is emailed.
         *
         *     **Access:** public, no token needed.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a cart: a guest cart when anonymous, the caller's cart when signed in (their open cart, 200, when they have one)
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        post: operations["createCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/carts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A cart, priced from the catalog now, with its totals and the stock of each line
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        get: operations["getCart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/carts/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a quantity of a SKU (to its line when there is one)
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        post: operations["addCartItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/carts/{id}/items/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a line
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        delete: operations["removeCartItem"];
        options?: never;
        head?: never;
        /**
         * Set the quantity of a line
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        patch: operations["setCartItemQuantity"];
        trace?: never;
    };
    "/api/v1/carts/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * After sign-in: merge this guest cart into the caller's cart (or make it theirs); answers the caller's cart
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        post: operations["mergeCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/carts/{id}/shipping-country": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the country shipped to (shipping and tax follow it)
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        put: operations["setCartShippingCountry"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The category tree, with published product counts
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        get: operations["getCategoryTree"];
        put?: never;
        /**
         * Create a category
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        post: operations["createCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One category, by id or slug
         * @description **Access:** public, no token needed.
         */
        get: operations["getCategory"];
        put?: never;
        post?: never;
        /**
         * Delete a category: only when empty, or with reassignTo for its products and sub-categories
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        delete: operations["deleteCategory"];
        options?: never;
        head?: never;
        /**
         * Rename, move (with its sub-categories) or reorder a category
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        patch: operations["updateCategory"];
        trace?: never;
    };
    "/api/v1/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an order from a cart, once per Idempotency-Key: 202 with its state while it is on its way, 200 once settled; Prefer: wait=N holds the answer until it settles or awaits a customer step (Preference-Applied says the wait applied)
         * @description A guest sends `email` and `shippingAddress`. A signed-in buyer may leave out `email` (their profile's is used) and send `shippingAddressId` / `billingAddressId` (one of their saved addresses; 422 `address_not_found` otherwise): both are read from the user service with the buyer's token (503/504 when it does not answer). The payment provider must be one the shop takes (`GET /payments/providers`; 422 `payment_provider_unavailable` otherwise, `payment_method_invalid` for a sandbox method that is no test card). Sandbox test cards (checkout with `payment: { provider: "sandbox", paymentMethod }`): `pm_card_visa` succeeds; `pm_card_chargeDeclined` is declined (the order is cancelled `payment_declined`); `pm_card_authenticationRequired` needs a 3-D Secure step (the order and payment show `nextActionUrl`, a page with Complete and Fail). `GET /payments/providers` lists every test card and what it does, when the shop has the sandbox (on only in the embedded demo or with `PAYMENT_SANDBOX=true`).
         *
         *     **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        post: operations["checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SKUs with their stock per warehouse: search by SKU, filter by product, warehouse or low stock; by SKU or least available first (the low-stock list)
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        get: operations["listStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Available units per SKU, over all warehouses (public). Unknown SKUs answer 0.
         * @description **Access:** public, no token needed.
         */
        get: operations["getAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/skus/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A SKU's stock per warehouse, its threshold and its latest movements
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        get: operations["getStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/skus/{sku}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add or remove units on hand in a warehouse; never below what is reserved there (409)
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/skus/{sku}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A SKU's ledger, newest first: every movement of its stock, by warehouse or kind
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        get: operations["listStockMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/skus/{sku}/threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a SKU's low-stock threshold
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        put: operations["setStockThreshold"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every warehouse, in reservation order (at most 100: one page)
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        get: operations["listWarehouses"];
        put?: never;
        /**
         * Add a warehouse
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        post: operations["createWarehouse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/warehouses/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a warehouse or change its priority
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        patch: operations["updateWarehouse"];
        trace?: never;
    };
    "/api/v1/media/demo/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A demo product image (SVG)
         * @description **Access:** public, no token needed.
         */
        get: operations["getDemoImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a product image: JPEG, PNG or WebP up to 10 MB, sent as the raw body
         * @description The type is read from the bytes (415 unless JPEG, PNG or WebP; 422 image_unreadable when damaged; 413 over 10 MB or 40 megapixels). The image is turned upright, stripped of its metadata and re-encoded as WebP at 320, 640, 1280 and 1920 px wide (never wider than it is). Attach it to a product with {"mediaId", "alt"} in its images.
         *
         *     **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        post: operations["uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/images/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An uploaded image's renditions
         * @description **Access:** public, no token needed.
         */
        get: operations["getImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/images/{id}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One rendition of an uploaded image (cached for a year: it never changes)
         * @description **Access:** public, no token needed.
         */
        get: operations["getImageFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff: the delivery log, newest first, by customer, order, status or channel
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff: send a message again (a new entry in the log, due at once)
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        post: operations["resendNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notification preferences, per channel and category
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["getNotificationPreferences"];
        /**
         * Change my preferences (only the choices given); transactional email cannot be turned off (422); marketing is opt-in
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        put: operations["putNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register this browser's push subscription (the PushSubscription's JSON); the same endpoint again replaces it
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        post: operations["createPushSubscription"];
        /**
         * Stop push to one of my browsers, named by its endpoint
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        delete: operations["deletePushSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/push/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shop's VAPID public key (applicationServerKey for pushManager.subscribe)
         * @description **Access:** public, no token needed.
         */
        get: operations["getPushPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/sms/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio's SMS delivery reports (X-Twilio-Signature checked against the account's auth token)
         * @description **Access:** public, no token needed.
         */
        post: operations["twilioStatusCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stock-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My back-in-stock wishes, newest first (answered ones have notifiedAt)
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["listStockSubscriptions"];
        put?: never;
        /**
         * Tell me once when this SKU is back in stock (asking again keeps the first wish)
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        post: operations["createStockSubscription"];
        /**
         * Withdraw my back-in-stock wish for a SKU
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        delete: operations["deleteStockSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates/{name}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff: a template rendered with sample data, with the shop's overrides, in a language
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager` or `support`.
         */
        get: operations["previewNotificationTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The page behind an email's unsubscribe link: a button that confirms (no sign-in)
         * @description **Access:** public, no token needed.
         */
        get: operations["showUnsubscribe"];
        put?: never;
        /**
         * RFC 8058 one-click unsubscribe from one category of email, with the signed link of the email; needs no sign-in and takes effect at once
         * @description **Access:** public, no token needed.
         */
        post: operations["oneClickUnsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document: the OpenAPI 3.1 description of the whole public API
         * @description Merged from every service behind the gateway (a service that cannot be read is listed in `x-unavailable`). The API reference reads it at /docs.
         *
         *     **Access:** public, no token needed.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/dead-letters/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: a service's failed events, newest first (default: dead ones), with payload, error and attempts
         * @description **Access:** a bearer token with the role `admin`.
         */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/dead-letters/{service}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: one failed event, with every attempt
         * @description **Access:** a bearer token with the role `admin`.
         */
        get: operations["getDeadLetter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/dead-letters/{service}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: give up on dead events for good (recorded as handled, kept as discarded)
         * @description **Access:** a bearer token with the role `admin`.
         */
        post: operations["discardDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/dead-letters/{service}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: put dead events back in the service's retry queue (ids, or all)
         * @description **Access:** a bearer token with the role `admin`.
         */
        post: operations["replayDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: every service's readiness (its /readyz checks) and its failed events by state
         * @description **Access:** a bearer token with the role `admin`.
         */
        get: operations["listServiceHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's orders, newest first (staff: everyone's, or one customer's with userId), filtered by status, date, currency, total, or an order id or email prefix
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["listOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order: for its owner, staff, or with a guest order's access token (?token= or X-Order-Token)
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order before it ships (its owner, a guest with its token, or staff): the stock goes back, a payment is refunded
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: a shipped order was delivered (OrderDelivered)
         * @description **Access:** a bearer token with the role `admin`.
         */
        post: operations["deliverOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: refund a paid order, in full or in part (RefundRequested; the order becomes refunded when all is given back)
         * @description `amount` is money, `{ amount, currency }` in minor units of the order's currency (400 for another); all that is left to refund when absent.
         *
         *     **Access:** a bearer token with the role `admin`.
         */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: a confirmed order ships (OrderShipped; the customer gets the tracking number)
         * @description **Access:** a bearer token with the role `admin`.
         */
        post: operations["shipOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff (admin, support): revenue, orders, average order value, conversion and orders by status over a date range, per currency
         * @description Over the orders placed on the shop's days from–to (both included, in its time zone): per currency, revenue (totals of orders that reached confirmed), refunds, average order value, conversion of checkouts (orders placed) to confirmed orders, and a series per day or week (empty intervals as zeros); over all currencies, the orders by their current status. Read from a roll-up refreshed every few seconds (`asOf`).
         *
         *     **Access:** a bearer token with the role `admin` or `support`.
         */
        get: operations["getOrderStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order's payment (its owner, admin or support)
         * @description An empty list for an order with no payment yet, or one that is not the caller's. Sandbox test cards (checkout with `payment: { provider: "sandbox", paymentMethod }`): `pm_card_visa` succeeds; `pm_card_chargeDeclined` is declined (the order is cancelled `payment_declined`); `pm_card_authenticationRequired` needs a 3-D Secure step (the order and payment show `nextActionUrl`, a page with Complete and Fail). `GET /payments/providers` lists every test card and what it does, when the shop has the sandbox (on only in the embedded demo or with `PAYMENT_SANDBOX=true`).
         *
         *     **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["listOrderPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment (its owner, admin or support)
         * @description Someone else's payment answers 404, like one that does not exist. Sandbox test cards (checkout with `payment: { provider: "sandbox", paymentMethod }`): `pm_card_visa` succeeds; `pm_card_chargeDeclined` is declined (the order is cancelled `payment_declined`); `pm_card_authenticationRequired` needs a 3-D Secure step (the order and payment show `nextActionUrl`, a page with Complete and Fail). `GET /payments/providers` lists every test card and what it does, when the shop has the sandbox (on only in the embedded demo or with `PAYMENT_SANDBOX=true`).
         *
         *     **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund part or all of a payment (admin); never more than was captured (409)
         * @description `amount` is money, `{ amount, currency }` in minor units of the payment's currency (400 for another).
         *
         *     **Access:** a bearer token with the role `admin`.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The payment providers this shop takes (public): checkout refuses any other; with the sandbox, its test cards and what each does
         * @description **Access:** public, no token needed.
         */
        get: operations["listPaymentProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/razorpay/checkout/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Razorpay Checkout for a payment waiting for the customer
         * @description **Access:** public, no token needed.
         */
        get: operations["getRazorpayCheckoutPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/sandbox/authenticate/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sandbox customer step: an HTML page with Complete and Fail
         * @description Where `nextActionUrl` leads for the sandbox card `pm_card_authenticationRequired`; the token in the URL is the capability. Sandbox test cards (checkout with `payment: { provider: "sandbox", paymentMethod }`): `pm_card_visa` succeeds; `pm_card_chargeDeclined` is declined (the order is cancelled `payment_declined`); `pm_card_authenticationRequired` needs a 3-D Secure step (the order and payment show `nextActionUrl`, a page with Complete and Fail). `GET /payments/providers` lists every test card and what it does, when the shop has the sandbox (on only in the embedded demo or with `PAYMENT_SANDBOX=true`).
         *
         *     **Access:** public, no token needed.
         */
        get: operations["getSandboxAuthenticationPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/sandbox/authenticate/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The sandbox customer step: complete
         * @description Posted by the buttons of the sandbox page (a form with its token).
         *
         *     **Access:** public, no token needed.
         */
        post: operations["completeSandboxAuthentication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/sandbox/authenticate/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The sandbox customer step: fail
         * @description Posted by the buttons of the sandbox page (a form with its token).
         *
         *     **Access:** public, no token needed.
         */
        post: operations["failSandboxAuthentication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/razorpay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * razorpay webhook (signed; each event id handled once)
         * @description X-Razorpay-Signature: hex HMAC-SHA256 of the body; X-Razorpay-Event-Id. payment.authorized (captured here) / payment.captured / order.paid / payment.failed.
         *
         *     **Access:** public, no token needed.
         */
        post: operations["receiveRazorpayWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * stripe webhook (signed; each event id handled once)
         * @description Stripe-Signature `t=…,v1=…`: HMAC-SHA256 over `${t}.${body}`, 300 s tolerance. payment_intent.succeeded / payment_failed / processing / requires_action / canceled.
         *
         *     **Access:** public, no token needed.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search and list products (published ones; managers may list any status)
         * @description Full-text search with prefix matching and typo tolerance (`q`: a word of four letters or more may have one typo, of eight or more two; a shorter one matches as a prefix only), category including sub-categories, price range in a currency, sorts, cursor pagination. The first page carries facet counts for the whole result.
         *
         *     **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product with its variants and prices
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product, by id or slug
         * @description Its ETag is the version a write names in If-Match.
         *
         *     **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /**
         * Delete a product (archive it instead to keep it out of sight)
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /**
         * Change product fields
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/v1/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        post: operations["addVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/variants/{variantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a variant (not the last one)
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        delete: operations["deleteVariant"];
        options?: never;
        head?: never;
        /**
         * Change a variant (its prices are replaced when given)
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        patch: operations["updateVariant"];
        trace?: never;
    };
    "/api/v1/products/{id}/variants/{variantId}/prices/{currency}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the price of a variant in one currency
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        put: operations["setVariantPrice"];
        post?: never;
        /**
         * Remove the price of a variant in one currency
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        delete: operations["removeVariantPrice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import products from JSON ({"products": [...]}) or CSV (text/csv), all or nothing
         * @description JSON: each item is a product body as POST /products takes it. CSV: one row per variant, rows with the same slug form one product; columns slug, title, description, status, categories (a|b), images (url|url), seo_title, seo_description, attr:<name>, option1_name…option3_name, option1_value…option3_value, sku, variant_title, price:<CURRENCY> in major units (19.99). Every row is validated; if any is rejected the answer is 422 with every rejected row (`rejected[].row`, CSV `lines`, field errors) and nothing is imported. With ?dryRun=true nothing is written and the answer is 200 with the same report (`rejected` empty when the file would import).
         *
         *     **Access:** a bearer token with the role `admin` or `catalog_manager`.
         */
        post: operations["importProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product's published reviews, newest, most helpful or highest rated first, by cursor
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        get: operations["listReviews"];
        put?: never;
        /**
         * Review a product I received: published at once, or held for a moderator with the rule that held it
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        post: operations["createReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One review (a held or rejected one only for its author and moderators)
         * @description **Access:** anonymous, or signed in with a bearer token (then what the caller creates is theirs; a token that does not verify is refused with 401).
         */
        get: operations["getReview"];
        put?: never;
        post?: never;
        /**
         * Delete my review (administrators: any review)
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        delete: operations["deleteReview"];
        options?: never;
        head?: never;
        /**
         * Edit my review: moderated again like a new one
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        patch: operations["editReview"];
        trace?: never;
    };
    "/api/v1/reviews/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Moderators: publish a held, hidden or rejected review (ReviewPublished)
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        post: operations["approveReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/helpful": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * "Was this helpful?": my one vote on a published review, set or taken back
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        put: operations["setReviewHelpful"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Moderators: take a published review off the page
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        post: operations["hideReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Moderators: reject a review with the reason the author is told (ReviewRejected)
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        post: operations["rejectReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Staff: the shop's public answer to a review (replaces an earlier one)
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager` or `support`.
         */
        put: operations["replyToReview"];
        post?: never;
        /**
         * Staff: remove the shop's answer
         * @description **Access:** a bearer token with the role `admin` or `catalog_manager` or `support`.
         */
        delete: operations["deleteReviewReply"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a published review, once; three reports hold it for a moderator
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        post: operations["reportReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether I may review this product (I received it and have not reviewed it yet), and my review if I have one
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["getReviewEligibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Moderators: reviews by status (pending by default: held by a rule or by reports), oldest first
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        get: operations["listReviewsForModeration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product's rating: how many published reviews, the average to one decimal, and how many per star
         * @description **Access:** public, no token needed.
         */
        get: operations["getReviewSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users, oldest first; search by email prefix or name (q), filter by role
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's profile and address book, for staff
         * @description **Access:** a bearer token with the role `admin` or `support`.
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        /**
         * Erase a user's account on their request (as DELETE /users/me does)
         * @description **Access:** a bearer token with the role `admin`.
         */
        delete: operations["eraseUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a user's roles
         * @description **Access:** a bearer token with the role `admin`.
         */
        put: operations["setUserRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My profile
         * @description 404 for a moment after sign-up, until the profile is made from the account (UserRegistered).
         *
         *     **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * Erase my account (GDPR): profile and addresses deleted, sign-in removed, orders kept anonymised, reviews anonymised
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        delete: operations["eraseMe"];
        options?: never;
        head?: never;
        /**
         * Change my name, phone, language or time zone
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/users/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My addresses
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["listMyAddresses"];
        put?: never;
        /**
         * Add an address (at most 20)
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        post: operations["addMyAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/addresses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of my addresses
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        get: operations["getMyAddress"];
        put?: never;
        post?: never;
        /**
         * Delete one of my addresses
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        delete: operations["deleteMyAddress"];
        options?: never;
        head?: never;
        /**
         * Change one of my addresses
         * @description **Access:** signed in: any valid bearer token (a customer reaches only their own data).
         */
        patch: operations["updateMyAddress"];
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        Problem: {
            /** @description The same kind as a short slug, e.g. not_found */
            code: string;
            detail?: string;
            errors?: {
                in?: string;
                message: string;
                /** @description RFC 6901 pointer to the bad field */
                pointer: string;
            }[];
            /** @description The request id */
            instance?: string;
            status: number;
            title: string;
            /** @description Stable URI naming the kind of problem */
            type: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description Server error: `auth_unavailable`, `bad_gateway`, `internal_error`, `shutting_down`, `upstream_timeout`, `upstream_unavailable` */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "auth_unavailable" | "bad_gateway" | "internal_error" | "shutting_down" | "upstream_timeout" | "upstream_unavailable";
                };
            };
        };
        /** @description Too many requests: `rate_limited` */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "rate_limited";
                };
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            /** @enum {string} */
                            alg: "EdDSA";
                            /** @enum {string} */
                            crv: "Ed25519";
                            kid: string;
                            /** @enum {string} */
                            kty: "OKP";
                            /** @enum {string} */
                            use: "sig";
                            x: string;
                        }[];
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The email address is verified */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data`, `invalid_token`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "invalid_token" | "malformed_body";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    resendEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Accepted: a link is on its way if the address is registered and unverified */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Access-token lifetime in seconds */
                        expiresIn: number;
                        /** @description Opaque, single use: each refresh returns a new one */
                        refreshToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `invalid_credentials` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_credentials";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `login_throttled`, `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "login_throttled" | "rate_limited";
                    };
                };
            };
            /** @description Server error: `busy` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "busy";
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Signed out (also when the token was unknown or already ended) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    completeOAuthSignIn: {
        parameters: {
            query?: {
                authuser?: string;
                code?: string;
                error?: string;
                error_code?: string;
                error_description?: string;
                error_reason?: string;
                error_uri?: string;
                hd?: string;
                iss?: string;
                prompt?: string;
                scope?: string;
                session_state?: string;
                state?: string;
            };
            header?: never;
            path: {
                provider: "google" | "facebook";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description To the app (`AUTH_OAUTH_SUCCESS_URL`) with the tokens, or `error`, in the URL fragment */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data`, `invalid_state` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "invalid_state";
                    };
                };
            };
            /** @description Unauthorized: `oauth_refused` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "oauth_refused";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `account_exists_unverified_email`, `email_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "account_exists_unverified_email" | "email_taken";
                    };
                };
            };
            /** @description Unprocessable request: `email_required` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "email_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Server error: `oauth_provider_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "oauth_provider_error";
                    };
                };
            };
            /** @description Server error: `oauth_provider_unavailable` */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "oauth_provider_unavailable";
                    };
                };
            };
        };
    };
    startOAuthSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: "google" | "facebook";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description To the provider, with state and PKCE challenge */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Server error: `oauth_provider_error` */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "oauth_provider_error";
                    };
                };
            };
            /** @description Server error: `oauth_provider_unavailable` */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "oauth_provider_unavailable";
                    };
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Access-token lifetime in seconds */
                        expiresIn: number;
                        /** @description Opaque, single use: each refresh returns a new one */
                        refreshToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `wrong_password` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "wrong_password";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `login_throttled`, `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "login_throttled" | "rate_limited";
                    };
                };
            };
            /** @description Server error: `busy` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "busy";
                    };
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Accepted: a link is on its way if the account exists */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The password is changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data`, `invalid_token`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "invalid_token" | "malformed_body";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description Server error: `busy` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "busy";
                    };
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Access-token lifetime in seconds */
                        expiresIn: number;
                        /** @description Opaque, single use: each refresh returns a new one */
                        refreshToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `invalid_token` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_token";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JWT (EdDSA), for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Access-token lifetime in seconds */
                        expiresIn: number;
                        /** @description Opaque, single use: each refresh returns a new one */
                        refreshToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Conflict: `email_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "email_taken";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
            /** @description Server error: `busy` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "busy";
                    };
                };
            };
        };
    };
    createCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: iso4217
                     * @description ISO 4217 code; the configured default when absent
                     */
                    currency?: string;
                    /**
                     * Format: iso3166-alpha2
                     * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                     */
                    shippingCountry?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Conflict: `currency_mismatch` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "currency_mismatch";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The cart id (for a guest cart, the capability that opens it) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    addCartItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The cart id (for a guest cart, the capability that opens it) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description From 1 to 99 */
                    quantity: number;
                    sku: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `no_price_in_currency`, `product_unavailable`, `quantity_limit`, `too_many_lines`, `unknown_sku` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "no_price_in_currency" | "product_unavailable" | "quantity_limit" | "too_many_lines" | "unknown_sku";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeCartItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The cart id (for a guest cart, the capability that opens it) */
                id: string;
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    setCartItemQuantity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The cart id (for a guest cart, the capability that opens it) */
                id: string;
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description From 1 to 99 */
                    quantity: number;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `no_price_in_currency`, `product_unavailable`, `unknown_sku` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "no_price_in_currency" | "product_unavailable" | "unknown_sku";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    mergeCart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The cart id (for a guest cart, the capability that opens it) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `currency_mismatch` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "currency_mismatch";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    setCartShippingCountry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The cart id (for a guest cart, the capability that opens it) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: iso3166-alpha2
                     * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                     */
                    country: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        expiresAt: string | null;
                        /** @description The cart id (for a guest cart, the capability that opens it) */
                        id: string;
                        itemCount: number;
                        items: {
                            /** Format: date-time */
                            addedAt: string;
                            /** @description Whether the line can be bought now: for sale, priced in the cart currency, and its quantity in stock */
                            available: boolean;
                            availableQuantity: number | null;
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            previousUnitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            /** @description The price differs from the one last seen on this line (when it was added or changed) */
                            priceChanged: boolean;
                            productId: string | null;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string | null;
                            unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency" | "out_of_stock" | "insufficient_stock") | null;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            variantId: string | null;
                        }[];
                        /** @description Owned by a user (reachable only with their token); false for a guest cart */
                        owned: boolean;
                        shippingCountry: string | null;
                        /** @description Shipping and tax are null until a shipping country is set (or when no rate exists for it) */
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            taxRate: number | null;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCategoryTree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            children: {
                                children: {
                                    children: {
                                        children: {
                                            children: {
                                                children: {
                                                    children: {
                                                        children: {
                                                            children: {
                                                                children: unknown[];
                                                                id: string;
                                                                name: string;
                                                                position: number;
                                                                /** @description published products here or in a sub-category */
                                                                productCount: number;
                                                                /** @description lower-case words joined by hyphens */
                                                                slug: string;
                                                            }[];
                                                            id: string;
                                                            name: string;
                                                            position: number;
                                                            /** @description published products here or in a sub-category */
                                                            productCount: number;
                                                            /** @description lower-case words joined by hyphens */
                                                            slug: string;
                                                        }[];
                                                        id: string;
                                                        name: string;
                                                        position: number;
                                                        /** @description published products here or in a sub-category */
                                                        productCount: number;
                                                        /** @description lower-case words joined by hyphens */
                                                        slug: string;
                                                    }[];
                                                    id: string;
                                                    name: string;
                                                    position: number;
                                                    /** @description published products here or in a sub-category */
                                                    productCount: number;
                                                    /** @description lower-case words joined by hyphens */
                                                    slug: string;
                                                }[];
                                                id: string;
                                                name: string;
                                                position: number;
                                                /** @description published products here or in a sub-category */
                                                productCount: number;
                                                /** @description lower-case words joined by hyphens */
                                                slug: string;
                                            }[];
                                            id: string;
                                            name: string;
                                            position: number;
                                            /** @description published products here or in a sub-category */
                                            productCount: number;
                                            /** @description lower-case words joined by hyphens */
                                            slug: string;
                                        }[];
                                        id: string;
                                        name: string;
                                        position: number;
                                        /** @description published products here or in a sub-category */
                                        productCount: number;
                                        /** @description lower-case words joined by hyphens */
                                        slug: string;
                                    }[];
                                    id: string;
                                    name: string;
                                    position: number;
                                    /** @description published products here or in a sub-category */
                                    productCount: number;
                                    /** @description lower-case words joined by hyphens */
                                    slug: string;
                                }[];
                                id: string;
                                name: string;
                                position: number;
                                /** @description published products here or in a sub-category */
                                productCount: number;
                                /** @description lower-case words joined by hyphens */
                                slug: string;
                            }[];
                            id: string;
                            name: string;
                            position: number;
                            /** @description published products here or in a sub-category */
                            productCount: number;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                    };
                };
            };
            /** @description Not modified: the If-None-Match ETag is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    parentId?: string | null;
                    /** @description place among its siblings, from 0 */
                    position?: number;
                    /** @description lower-case words joined by hyphens */
                    slug?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        parentId: string | null;
                        /** @description ids from the top level down to this category */
                        path: string[];
                        position: number;
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `slug_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "slug_taken";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a category id or slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        parentId: string | null;
                        /** @description ids from the top level down to this category */
                        path: string[];
                        position: number;
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteCategory: {
        parameters: {
            query?: {
                /** @description move the products and sub-categories here first */
                reassignTo?: string;
            };
            header?: never;
            path: {
                /** @description a category id or slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `category_cycle`, `category_not_empty` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "category_cycle" | "category_not_empty";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a category id or slug */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description move under this category; null moves it to the top level */
                    parentId?: string | null;
                    /** @description place among its siblings, from 0 */
                    position?: number;
                    /** @description lower-case words joined by hyphens */
                    slug?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        parentId: string | null;
                        /** @description ids from the top level down to this category */
                        path: string[];
                        position: number;
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `category_cycle`, `slug_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "category_cycle" | "slug_taken";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    checkout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: 1 to 255 characters, one per checkout attempt */
                "idempotency-key"?: string;
                /** @description `wait=N`: hold the answer until the order settles, awaits a customer step (3-D Secure), or N seconds pass; N is lowered to the service limit (ORDER_CHECKOUT_MAX_WAIT_SECONDS, 8 by default), and Preference-Applied says what applied */
                prefer?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    billingAddress?: {
                        city: string;
                        /**
                         * Format: iso3166-alpha2
                         * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                         */
                        country: string;
                        line1: string;
                        line2?: string;
                        name: string;
                        phone?: string;
                        postalCode?: string;
                        region?: string;
                    };
                    /** @description Signed-in buyers: one of their saved addresses instead of billingAddress */
                    billingAddressId?: string;
                    /** @description The cart to check out */
                    cartId: string;
                    /**
                     * Format: email
                     * @description Where the order emails go: required for a guest; a signed-in buyer's profile email when absent
                     */
                    email?: string;
                    payment: {
                        /** @description The provider's payment method reference (e.g. a token from its client SDK). Sandbox test cards (checkout with `payment: { provider: "sandbox", paymentMethod }`): `pm_card_visa` succeeds; `pm_card_chargeDeclined` is declined (the order is cancelled `payment_declined`); `pm_card_authenticationRequired` needs a 3-D Secure step (the order and payment show `nextActionUrl`, a page with Complete and Fail). `GET /payments/providers` lists every test card and what it does, when the shop has the sandbox (on only in the embedded demo or with `PAYMENT_SANDBOX=true`). */
                        paymentMethod: string;
                        provider: "sandbox" | "stripe" | "razorpay";
                    };
                    /** @description Where to ship; or shippingAddressId (one of the two) */
                    shippingAddress?: {
                        city: string;
                        /**
                         * Format: iso3166-alpha2
                         * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                         */
                        country: string;
                        line1: string;
                        line2?: string;
                        name: string;
                        phone?: string;
                        postalCode?: string;
                        region?: string;
                    };
                    /** @description Signed-in buyers: one of their saved addresses (GET /users/me/addresses) instead of shippingAddress */
                    shippingAddressId?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string | null;
                        nextActionUrl: string | null;
                        /** @description Opaque, prefixed, time-sortable id */
                        orderId: string;
                        status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        totals: {
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                    };
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string | null;
                        nextActionUrl: string | null;
                        /** @description Opaque, prefixed, time-sortable id */
                        orderId: string;
                        status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        totals: {
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `cart_checked_out`, `prices_changed`, `request_in_flight` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "cart_checked_out" | "prices_changed" | "request_in_flight";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `address_not_found`, `empty_cart`, `idempotency_key_reused`, `lines_unavailable`, `no_shipping_to_country`, `payment_method_invalid`, `payment_provider_unavailable` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "address_not_found" | "empty_cart" | "idempotency_key_reused" | "lines_unavailable" | "no_shipping_to_country" | "payment_method_invalid" | "payment_provider_unavailable";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Server error: `payment_unavailable` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payment_unavailable";
                    };
                };
            };
        };
    };
    listStock: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                /** @description Also SKUs whose product was deleted (default false) */
                includeDiscontinued?: boolean;
                limit?: number;
                /** @description Only SKUs whose available stock, over every warehouse, is at or below their threshold */
                lowStock?: boolean;
                productId?: string;
                /** @description A prefix of the SKU (case-insensitive) */
                q?: string;
                /** @description sku (default), or available: least first */
                sort?: "sku" | "available";
                /** @description Only SKUs stocked in this warehouse; their levels show it alone (totals stay over every warehouse) */
                warehouse?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            available: number;
                            discontinued: boolean;
                            /** @description available ≤ threshold */
                            low: boolean;
                            onHand: number;
                            productId: string | null;
                            reserved: number;
                            sku: string;
                            threshold: number;
                            warehouses: {
                                available: number;
                                code: string;
                                name: string;
                                onHand: number;
                                reserved: number;
                            }[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAvailability: {
        parameters: {
            query: {
                /** @description Repeat for several: ?sku=A&sku=B (at most 100) */
                sku: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            available: number;
                            inStock: boolean;
                            sku: string;
                        }[];
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        available: number;
                        discontinued: boolean;
                        movements: {
                            actorUserId: string | null;
                            adjustmentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            eventId: string | null;
                            id: string;
                            kind: string;
                            onHandDelta: number;
                            orderId: string | null;
                            reason: string | null;
                            reservedDelta: number;
                            warehouse: string;
                        }[];
                        onHand: number;
                        productId: string | null;
                        reserved: number;
                        sku: string;
                        threshold: number;
                        warehouses: {
                            available: number;
                            code: string;
                            name: string;
                            onHand: number;
                            priority: number;
                            reserved: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    adjustStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Units added (positive) or removed (negative); never 0 */
                    delta: number;
                    reason: string;
                    /** @description Lower-case letters, digits and dashes */
                    warehouse: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adjustmentId: string;
                        available: number;
                        onHand: number;
                        reserved: number;
                        sku: string;
                        total: {
                            available: number;
                            onHand: number;
                            reserved: number;
                        };
                        warehouse: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `stock_below_reserved` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "stock_below_reserved";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listStockMovements: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                kind?: "adjustment" | "seed" | "reservation" | "release" | "expiry" | "commit" | "restock";
                limit?: number;
                /** @description Lower-case letters, digits and dashes */
                warehouse?: string;
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            actorUserId: string | null;
                            adjustmentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            eventId: string | null;
                            id: string;
                            kind: string;
                            onHandDelta: number;
                            orderId: string | null;
                            reason: string | null;
                            reservedDelta: number;
                            warehouse: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    setStockThreshold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description LowStock when available falls to this or below */
                    threshold: number;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        available: number;
                        discontinued: boolean;
                        movements: {
                            actorUserId: string | null;
                            adjustmentId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            eventId: string | null;
                            id: string;
                            kind: string;
                            onHandDelta: number;
                            orderId: string | null;
                            reason: string | null;
                            reservedDelta: number;
                            warehouse: string;
                        }[];
                        onHand: number;
                        productId: string | null;
                        reserved: number;
                        sku: string;
                        threshold: number;
                        warehouses: {
                            available: number;
                            code: string;
                            name: string;
                            onHand: number;
                            priority: number;
                            reserved: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWarehouses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            isDefault: boolean;
                            name: string;
                            priority: number;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: null;
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createWarehouse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Lower-case letters, digits and dashes */
                    code: string;
                    name: string;
                    /** @description Reservations draw from lower numbers first */
                    priority: number;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        priority: number;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `too_many_warehouses`, `warehouse_code_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "too_many_warehouses" | "warehouse_code_taken";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateWarehouse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case letters, digits and dashes */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Reservations draw from lower numbers first */
                    priority?: number;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        isDefault: boolean;
                        name: string;
                        priority: number;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDemoImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    uploadImage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        height: number;
                        id: string;
                        /** @description What was uploaded (it is not kept: only the re-encoded renditions are) */
                        originalType: string;
                        /** @description One WebP per storefront width up to the original, narrowest first (for srcset) */
                        renditions: {
                            bytes: number;
                            height: number;
                            /** @enum {string} */
                            type: "image/webp";
                            url: string;
                            width: number;
                        }[];
                        /** @description The largest rendition: what a product image links to */
                        url: string;
                        width: number;
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `image_unreadable` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "image_unreadable";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        height: number;
                        id: string;
                        /** @description What was uploaded (it is not kept: only the re-encoded renditions are) */
                        originalType: string;
                        /** @description One WebP per storefront width up to the original, narrowest first (for srcset) */
                        renditions: {
                            bytes: number;
                            height: number;
                            /** @enum {string} */
                            type: "image/webp";
                            url: string;
                            width: number;
                        }[];
                        /** @description The largest rendition: what a product image links to */
                        url: string;
                        width: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getImageFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The rendition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                channel?: "email" | "sms" | "push";
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
                /** @description One order */
                orderId?: string;
                status?: "queued" | "sent" | "failed" | "bounced" | "suppressed";
                /** @description One customer */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            category: string;
                            channel: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Opaque, prefixed, time-sortable id */
                            id: string;
                            lastError: string | null;
                            notBefore: string | null;
                            orderId: string | null;
                            providerId: string | null;
                            recipient: string;
                            resentFrom: string | null;
                            sentAt: string | null;
                            status: "queued" | "sent" | "failed" | "bounced" | "suppressed";
                            subject: string;
                            template: string;
                            userId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    resendNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque, prefixed, time-sortable id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        category: string;
                        channel: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        lastError: string | null;
                        notBefore: string | null;
                        orderId: string | null;
                        providerId: string | null;
                        recipient: string;
                        resentFrom: string | null;
                        sentAt: string | null;
                        status: "queued" | "sent" | "failed" | "bounced" | "suppressed";
                        subject: string;
                        template: string;
                        userId: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Channel → category → whether such messages reach me that way */
                        channels: {
                            email: {
                                account: boolean;
                                marketing: boolean;
                                stock_alerts: boolean;
                                transactional: boolean;
                            };
                            push: {
                                account: boolean;
                                marketing: boolean;
                                stock_alerts: boolean;
                                transactional: boolean;
                            };
                            sms: {
                                account: boolean;
                                marketing: boolean;
                                stock_alerts: boolean;
                                transactional: boolean;
                            };
                        };
                        /** @description Choices that cannot be changed: transactional email (orders, password resets) always goes */
                        locked: {
                            category: string;
                            channel: string;
                        }[];
                        push: {
                            /** @description Browsers subscribed to push */
                            subscriptions: number;
                        };
                        sms: {
                            /** @description The shop sends SMS and a valid phone number is on my profile */
                            available: boolean;
                        };
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    putNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Only the choices to change; the rest stay as they are */
        requestBody: {
            content: {
                "application/json": {
                    email?: {
                        account?: boolean;
                        marketing?: boolean;
                        stock_alerts?: boolean;
                        transactional?: boolean;
                    };
                    push?: {
                        account?: boolean;
                        marketing?: boolean;
                        stock_alerts?: boolean;
                        transactional?: boolean;
                    };
                    sms?: {
                        account?: boolean;
                        marketing?: boolean;
                        stock_alerts?: boolean;
                        transactional?: boolean;
                    };
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Channel → category → whether such messages reach me that way */
                        channels: {
                            email: {
                                account: boolean;
                                marketing: boolean;
                                stock_alerts: boolean;
                                transactional: boolean;
                            };
                            push: {
                                account: boolean;
                                marketing: boolean;
                                stock_alerts: boolean;
                                transactional: boolean;
                            };
                            sms: {
                                account: boolean;
                                marketing: boolean;
                                stock_alerts: boolean;
                                transactional: boolean;
                            };
                        };
                        /** @description Choices that cannot be changed: transactional email (orders, password resets) always goes */
                        locked: {
                            category: string;
                            channel: string;
                        }[];
                        push: {
                            /** @description Browsers subscribed to push */
                            subscriptions: number;
                        };
                        sms: {
                            /** @description The shop sends SMS and a valid phone number is on my profile */
                            available: boolean;
                        };
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `transactional_email_required` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "transactional_email_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description The push service URL from the browser's PushSubscription
                     */
                    endpoint: string;
                    expirationTime?: number | null;
                    keys: {
                        /** @description The 16-byte auth secret, base64url */
                        auth: string;
                        /** @description The browser's P-256 public key, base64url */
                        p256dh: string;
                    };
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `push_endpoint_refused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "push_endpoint_refused";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePushSubscription: {
        parameters: {
            query: {
                /** @description The PushSubscription's endpoint (what the browser knows once it unsubscribes) */
                endpoint: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPushPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description applicationServerKey for the browser's pushManager.subscribe() */
                        publicKey: string;
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    twilioStatusCallback: {
        parameters: {
            query?: never;
            header?: {
                "x-twilio-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listStockSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Opaque, prefixed, time-sortable id */
                            id: string;
                            notifiedAt: string | null;
                            sku: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createStockSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sku: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        notifiedAt: string | null;
                        sku: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteStockSubscription: {
        parameters: {
            query: {
                sku: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    previewNotificationTemplate: {
        parameters: {
            query?: {
                /** @description Language, e.g. en or pt-BR (falls back to English) */
                lang?: string;
            };
            header?: never;
            path: {
                name: "welcome" | "email_verification" | "password_reset" | "password_changed" | "order_confirmed" | "order_shipped" | "order_delivered" | "order_cancelled" | "payment_failed" | "refunded" | "back_in_stock" | "abandoned_cart" | "low_stock";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        html: string;
                        name: string;
                        push: {
                            body: string;
                            title: string;
                        } | null;
                        sms: string | null;
                        subject: string;
                        text: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    showUnsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description A page with one button that unsubscribes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    oneClickUnsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    "List-Unsubscribe"?: "One-Click";
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Done (a page saying so when the client accepts text/html) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        category: string;
                        channel: string;
                        unsubscribed: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description An OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "retrying" | "dead" | "resolved" | "discarded";
            };
            header?: never;
            path: {
                service: "auth" | "user" | "catalog" | "inventory" | "order" | "payment" | "review" | "notification";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: ({
                            attemptLog: unknown[];
                            attempts: number;
                            consumer: string;
                            /** @description The event as it was delivered */
                            envelope: unknown;
                            eventId: string;
                            firstFailedAt: string;
                            id: number;
                            lastError: string;
                            nextAttemptAt: string | null;
                            status: "retrying" | "dead" | "resolved" | "discarded";
                            type: string;
                            updatedAt: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
        };
    };
    getDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                service: "auth" | "user" | "catalog" | "inventory" | "order" | "payment" | "review" | "notification";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptLog: unknown[];
                        attempts: number;
                        consumer: string;
                        /** @description The event as it was delivered */
                        envelope: unknown;
                        eventId: string;
                        firstFailedAt: string;
                        id: number;
                        lastError: string;
                        nextAttemptAt: string | null;
                        status: "retrying" | "dead" | "resolved" | "discarded";
                        type: string;
                        updatedAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
        };
    };
    discardDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service: "auth" | "user" | "catalog" | "inventory" | "order" | "payment" | "review" | "notification";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: number[];
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        discarded: number[];
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
        };
    };
    replayDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service: "auth" | "user" | "catalog" | "inventory" | "order" | "payment" | "review" | "notification";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {boolean} */
                    all?: true;
                    ids?: number[];
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replayed: number[];
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
        };
    };
    listServiceHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Each readiness check: ok, or why it failed */
                            checks: {
                                [key: string]: string;
                            };
                            /** @description Failed events by state; null when they could not be read */
                            deadLetters: {
                                dead: number;
                                discarded: number;
                                resolved: number;
                                retrying: number;
                            } | null;
                            /** @description Why the service could not be asked, when it could not */
                            detail: string | null;
                            ready: boolean;
                            service: "auth" | "user" | "catalog" | "inventory" | "order" | "payment" | "review" | "notification";
                        }[];
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Too many requests: `rate_limited` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    };
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description ISO 4217 code */
                currency?: string;
                /** @description The previous page's nextCursor */
                cursor?: string;
                /** @description Placed at or after */
                from?: string;
                limit?: number;
                /** @description Total at most, in minor units */
                maxTotal?: number;
                /** @description Total at least, in minor units */
                minTotal?: number;
                /** @description A prefix of the order id or of the email (case-insensitive) */
                q?: string;
                status?: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                /** @description Placed before */
                to?: string;
                /** @description Staff only: one customer's orders */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            billingAddress: {
                                city: string;
                                /**
                                 * Format: iso3166-alpha2
                                 * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                                 */
                                country: string;
                                line1: string;
                                line2?: string;
                                name: string;
                                phone?: string;
                                postalCode?: string;
                                region?: string;
                            } | null;
                            cancelledAt: string | null;
                            cancelReason: string | null;
                            confirmedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 code, upper case (a currency in circulation)
                             */
                            currency: string;
                            email: string;
                            /** @description Every move of the order, oldest first (on a single order only) */
                            history?: {
                                /** @description Staff only: who made the move: user:<id>, guest, event:<type>:<id> or system:<job> */
                                actor?: string;
                                /** Format: date-time */
                                at: string;
                                from: ("pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded") | null;
                                reason: string | null;
                                to: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                            }[];
                            /** @description Opaque, prefixed, time-sortable id */
                            id: string;
                            items: {
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                /** @description Opaque, prefixed, time-sortable id */
                                productId: string;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                /** @description Opaque, prefixed, time-sortable id */
                                variantId: string;
                            }[];
                            payment: {
                                deadline: string | null;
                                nextActionUrl: string | null;
                                paid: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                paymentId: string | null;
                                provider: "sandbox" | "stripe" | "razorpay";
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                refundPending: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                /** @description Where the money stands, from the order's own record of the payment */
                                status: "unpaid" | "action_required" | "paid" | "partially_refunded" | "refunded";
                            };
                            /** @description Staff only, on a single order: every refund asked for, oldest first */
                            refunds?: {
                                amount: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                id: string;
                                reason: string;
                                refundedAt: string | null;
                                /** Format: date-time */
                                requestedAt: string;
                                requestedBy: string;
                                status: "requested" | "refunded";
                            }[];
                            shipment: {
                                carrier: string;
                                deliveredAt: string | null;
                                /** Format: date-time */
                                shippedAt: string;
                                trackingNumber: string;
                            } | null;
                            shippingAddress: {
                                city: string;
                                /**
                                 * Format: iso3166-alpha2
                                 * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                                 */
                                country: string;
                                line1: string;
                                line2?: string;
                                name: string;
                                phone?: string;
                                postalCode?: string;
                                region?: string;
                            };
                            status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                            totals: {
                                pricesIncludeTax: boolean;
                                shipping: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                taxRate: number;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_cursor`, `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_cursor" | "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOrder: {
        parameters: {
            query?: {
                /** @description A guest order's access token (or header X-Order-Token) */
                token?: string;
            };
            header?: never;
            path: {
                /** @description Opaque, prefixed, time-sortable id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        } | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        confirmedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        email: string;
                        /** @description Every move of the order, oldest first (on a single order only) */
                        history?: {
                            /** @description Staff only: who made the move: user:<id>, guest, event:<type>:<id> or system:<job> */
                            actor?: string;
                            /** Format: date-time */
                            at: string;
                            from: ("pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded") | null;
                            reason: string | null;
                            to: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        }[];
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        items: {
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            variantId: string;
                        }[];
                        payment: {
                            deadline: string | null;
                            nextActionUrl: string | null;
                            paid: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            paymentId: string | null;
                            provider: "sandbox" | "stripe" | "razorpay";
                            refunded: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            refundPending: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Where the money stands, from the order's own record of the payment */
                            status: "unpaid" | "action_required" | "paid" | "partially_refunded" | "refunded";
                        };
                        /** @description Staff only, on a single order: every refund asked for, oldest first */
                        refunds?: {
                            amount: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            id: string;
                            reason: string;
                            refundedAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            status: "requested" | "refunded";
                        }[];
                        shipment: {
                            carrier: string;
                            deliveredAt: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                            trackingNumber: string;
                        } | null;
                        shippingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        };
                        status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            taxRate: number;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelOrder: {
        parameters: {
            query?: {
                /** @description A guest order's access token (or header X-Order-Token) */
                token?: string;
            };
            header?: never;
            path: {
                /** @description Opaque, prefixed, time-sortable id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        } | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        confirmedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        email: string;
                        /** @description Every move of the order, oldest first (on a single order only) */
                        history?: {
                            /** @description Staff only: who made the move: user:<id>, guest, event:<type>:<id> or system:<job> */
                            actor?: string;
                            /** Format: date-time */
                            at: string;
                            from: ("pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded") | null;
                            reason: string | null;
                            to: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        }[];
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        items: {
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            variantId: string;
                        }[];
                        payment: {
                            deadline: string | null;
                            nextActionUrl: string | null;
                            paid: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            paymentId: string | null;
                            provider: "sandbox" | "stripe" | "razorpay";
                            refunded: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            refundPending: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Where the money stands, from the order's own record of the payment */
                            status: "unpaid" | "action_required" | "paid" | "partially_refunded" | "refunded";
                        };
                        /** @description Staff only, on a single order: every refund asked for, oldest first */
                        refunds?: {
                            amount: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            id: string;
                            reason: string;
                            refundedAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            status: "requested" | "refunded";
                        }[];
                        shipment: {
                            carrier: string;
                            deliveredAt: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                            trackingNumber: string;
                        } | null;
                        shippingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        };
                        status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            taxRate: number;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `illegal_transition` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "illegal_transition";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deliverOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque, prefixed, time-sortable id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        } | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        confirmedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        email: string;
                        /** @description Every move of the order, oldest first (on a single order only) */
                        history?: {
                            /** @description Staff only: who made the move: user:<id>, guest, event:<type>:<id> or system:<job> */
                            actor?: string;
                            /** Format: date-time */
                            at: string;
                            from: ("pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded") | null;
                            reason: string | null;
                            to: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        }[];
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        items: {
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            variantId: string;
                        }[];
                        payment: {
                            deadline: string | null;
                            nextActionUrl: string | null;
                            paid: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            paymentId: string | null;
                            provider: "sandbox" | "stripe" | "razorpay";
                            refunded: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            refundPending: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Where the money stands, from the order's own record of the payment */
                            status: "unpaid" | "action_required" | "paid" | "partially_refunded" | "refunded";
                        };
                        /** @description Staff only, on a single order: every refund asked for, oldest first */
                        refunds?: {
                            amount: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            id: string;
                            reason: string;
                            refundedAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            status: "requested" | "refunded";
                        }[];
                        shipment: {
                            carrier: string;
                            deliveredAt: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                            trackingNumber: string;
                        } | null;
                        shippingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        };
                        status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            taxRate: number;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `illegal_transition` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "illegal_transition";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque, prefixed, time-sortable id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description In the order's currency; all that is left to refund when absent */
                    amount?: {
                        /** @description Integer minor units */
                        amount: number;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                    };
                    reason?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        } | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        confirmedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        email: string;
                        /** @description Every move of the order, oldest first (on a single order only) */
                        history?: {
                            /** @description Staff only: who made the move: user:<id>, guest, event:<type>:<id> or system:<job> */
                            actor?: string;
                            /** Format: date-time */
                            at: string;
                            from: ("pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded") | null;
                            reason: string | null;
                            to: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        }[];
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        items: {
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            variantId: string;
                        }[];
                        payment: {
                            deadline: string | null;
                            nextActionUrl: string | null;
                            paid: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            paymentId: string | null;
                            provider: "sandbox" | "stripe" | "razorpay";
                            refunded: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            refundPending: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Where the money stands, from the order's own record of the payment */
                            status: "unpaid" | "action_required" | "paid" | "partially_refunded" | "refunded";
                        };
                        /** @description Staff only, on a single order: every refund asked for, oldest first */
                        refunds?: {
                            amount: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            id: string;
                            reason: string;
                            refundedAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            status: "requested" | "refunded";
                        }[];
                        shipment: {
                            carrier: string;
                            deliveredAt: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                            trackingNumber: string;
                        } | null;
                        shippingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        };
                        status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            taxRate: number;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `illegal_transition`, `refund_exceeds_payment` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "illegal_transition" | "refund_exceeds_payment";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    shipOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque, prefixed, time-sortable id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description e.g. UPS, DHL */
                    carrier: string;
                    trackingNumber: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        billingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        } | null;
                        cancelledAt: string | null;
                        cancelReason: string | null;
                        confirmedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                        email: string;
                        /** @description Every move of the order, oldest first (on a single order only) */
                        history?: {
                            /** @description Staff only: who made the move: user:<id>, guest, event:<type>:<id> or system:<job> */
                            actor?: string;
                            /** Format: date-time */
                            at: string;
                            from: ("pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded") | null;
                            reason: string | null;
                            to: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        }[];
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        items: {
                            lineTotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            quantity: number;
                            sku: string;
                            slug: string | null;
                            title: string;
                            unitPrice: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            variantId: string;
                        }[];
                        payment: {
                            deadline: string | null;
                            nextActionUrl: string | null;
                            paid: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            paymentId: string | null;
                            provider: "sandbox" | "stripe" | "razorpay";
                            refunded: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            refundPending: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            /** @description Where the money stands, from the order's own record of the payment */
                            status: "unpaid" | "action_required" | "paid" | "partially_refunded" | "refunded";
                        };
                        /** @description Staff only, on a single order: every refund asked for, oldest first */
                        refunds?: {
                            amount: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            id: string;
                            reason: string;
                            refundedAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            status: "requested" | "refunded";
                        }[];
                        shipment: {
                            carrier: string;
                            deliveredAt: string | null;
                            /** Format: date-time */
                            shippedAt: string;
                            trackingNumber: string;
                        } | null;
                        shippingAddress: {
                            city: string;
                            /**
                             * Format: iso3166-alpha2
                             * @description ISO 3166-1 alpha-2 code, upper case (assigned codes only)
                             */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        };
                        status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        totals: {
                            pricesIncludeTax: boolean;
                            shipping: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            subtotal: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            tax: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            taxRate: number;
                            total: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `illegal_transition` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "illegal_transition";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOrderStats: {
        parameters: {
            query?: {
                /** @description ISO 4217 code */
                currency?: string;
                /** @description The first day (default: 29 days before to): a day of the shop (in its time zone, ORDER_TIME_ZONE), YYYY-MM-DD */
                from?: string;
                /** @description The series step (default day; weeks start on Monday) */
                interval?: "day" | "week";
                /** @description The last day, included (default: the shop's today): a day of the shop (in its time zone, ORDER_TIME_ZONE), YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf: string | null;
                        byStatus: {
                            count: number;
                            status: "pending" | "awaiting_payment" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
                        }[];
                        /** @description Of those, orders that reached confirmed */
                        confirmedOrders: number;
                        conversionRate: number | null;
                        currencies: {
                            averageOrderValue: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            } | null;
                            confirmedOrders: number;
                            conversionRate: number | null;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 code, upper case (a currency in circulation)
                             */
                            currency: string;
                            netRevenue: {
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            orders: number;
                            refunded: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            revenue: {
                                /** @description Integer minor units */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 code, upper case (a currency in circulation)
                                 */
                                currency: string;
                            };
                            series: {
                                confirmedOrders: number;
                                orders: number;
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                revenue: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 code, upper case (a currency in circulation)
                                     */
                                    currency: string;
                                };
                                /**
                                 * Format: date
                                 * @description The first day of the interval
                                 */
                                start: string;
                            }[];
                        }[];
                        /** Format: date */
                        from: string;
                        interval: "day" | "week";
                        /** @description Orders placed (checkouts) in the range, every currency */
                        orders: number;
                        /** @description The time zone the days are counted in */
                        timeZone: string;
                        /** Format: date */
                        to: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listOrderPayments: {
        parameters: {
            query: {
                /** @description Order id */
                orderId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            amount: {
                                amount: number;
                                currency: string;
                            };
                            captured: {
                                amount: number;
                                currency: string;
                            };
                            card: {
                                brand: string | null;
                                last4: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            id: string;
                            nextActionUrl: string | null;
                            orderId: string;
                            provider: "sandbox" | "stripe" | "razorpay";
                            providerRef: string | null;
                            refunded: {
                                amount: number;
                                currency: string;
                            };
                            refunds: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                failureCode: string | null;
                                id: string;
                                paymentId: string;
                                reason: string;
                                refundRequestId: string | null;
                                state: "pending" | "succeeded" | "failed";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            state: "created" | "requires_action" | "processing" | "succeeded" | "failed" | "refunded" | "partially_refunded" | "unknown";
                            /** Format: date-time */
                            updatedAt: string;
                            userId: string | null;
                        }[];
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Payment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: {
                            amount: number;
                            currency: string;
                        };
                        captured: {
                            amount: number;
                            currency: string;
                        };
                        card: {
                            brand: string | null;
                            last4: string | null;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        failure: {
                            code: string;
                            message: string;
                        } | null;
                        id: string;
                        nextActionUrl: string | null;
                        orderId: string;
                        provider: "sandbox" | "stripe" | "razorpay";
                        providerRef: string | null;
                        refunded: {
                            amount: number;
                            currency: string;
                        };
                        refunds: {
                            amount: {
                                amount: number;
                                currency: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            failureCode: string | null;
                            id: string;
                            paymentId: string;
                            reason: string;
                            refundRequestId: string | null;
                            state: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        state: "created" | "requires_action" | "processing" | "succeeded" | "failed" | "refunded" | "partially_refunded" | "unknown";
                        /** Format: date-time */
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Payment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: {
                        /** @description Integer minor units */
                        amount: number;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 code, upper case (a currency in circulation)
                         */
                        currency: string;
                    };
                    reason: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: {
                            amount: number;
                            currency: string;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        failureCode: string | null;
                        id: string;
                        paymentId: string;
                        reason: string;
                        refundRequestId: string | null;
                        state: "pending" | "succeeded" | "failed";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `payment_not_refundable`, `refund_exceeds_capture` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payment_not_refundable" | "refund_exceeds_capture";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPaymentProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providers: {
                            /** @description false for the sandbox and test-mode keys: no money moves */
                            live: boolean;
                            name: "sandbox" | "stripe" | "razorpay";
                            /** @description The sandbox's test payment methods (pass the id as paymentMethod) and what each does; empty for the other providers */
                            paymentMethods: {
                                brand: string | null;
                                description: string;
                                id: string;
                                last4: string | null;
                                outcome: "succeeds" | "declines" | "needs_action" | "answer_lost";
                            }[];
                            publishableKey: string | null;
                        }[];
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRazorpayCheckoutPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Payment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSandboxAuthenticationPage: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path: {
                /** @description Payment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    completeSandboxAuthentication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Payment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    token: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The outcome, as a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    failSandboxAuthentication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Payment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    token: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description The outcome, as a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    receiveRazorpayWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicate: boolean;
                        paymentId: string | null;
                        received: boolean;
                        state: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_signature` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_signature";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicate: boolean;
                        paymentId: string | null;
                        received: boolean;
                        state: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_signature` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_signature";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description a category id or slug; includes its sub-categories */
                category?: string;
                /** @description ISO 4217 code */
                currency?: string;
                cursor?: string;
                limit?: number;
                /** @description minor units of `currency` */
                maxPrice?: number;
                /** @description minor units of `currency` */
                minPrice?: number;
                q?: string;
                sort?: "relevance" | "newest" | "price_asc" | "price_desc" | "rating";
                /** @description default published; the others, and any (every status: the back office list), for catalog managers only */
                status?: "draft" | "published" | "archived" | "any";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facets?: {
                            categories: {
                                count: number;
                                id: string;
                                name: string;
                                /** @description lower-case words joined by hyphens */
                                slug: string;
                            }[];
                            /** @description ISO 4217 code */
                            currency: string;
                            options: {
                                name: string;
                                values: {
                                    count: number;
                                    value: string;
                                }[];
                            }[];
                            priceBands: {
                                count: number;
                                max: number | null;
                                min: number;
                            }[];
                        };
                        items: {
                            id: string;
                            image: {
                                alt: string;
                                height?: number;
                                /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                                mediaId?: string;
                                /** @description WebP renditions, narrowest first, for srcset */
                                renditions?: {
                                    height: number;
                                    /** @description an http(s) URL or a path on this shop */
                                    url: string;
                                    width: number;
                                }[];
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width?: number;
                            } | null;
                            /** @description in the requested currency; null when the product has no price in it */
                            price: {
                                max: {
                                    /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                min: {
                                    /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            } | null;
                            publishedAt: string | null;
                            rating: {
                                average: number;
                                count: number;
                            };
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                            status: "draft" | "published" | "archived";
                            title: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified: the If-None-Match ETag is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        [key: string]: string;
                    };
                    categories?: string[];
                    description?: string;
                    images?: {
                        /** @description what the image shows, for people who cannot see it */
                        alt: string;
                        /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                        mediaId?: string;
                        /** @description an http(s) URL or a path on this shop */
                        url?: string;
                    }[];
                    options?: {
                        name: string;
                        values: string[];
                    }[];
                    seo?: {
                        description?: string;
                        title?: string;
                    };
                    /** @description lower-case words joined by hyphens */
                    slug?: string;
                    status?: "draft" | "published" | "archived";
                    title: string;
                    variants: {
                        options?: {
                            [key: string]: string;
                        };
                        prices: {
                            /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                            amount: number;
                            /** @description ISO 4217 code */
                            currency: string;
                        }[];
                        sku: string;
                        title?: string | null;
                    }[];
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Conflict: `sku_taken`, `slug_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "sku_taken" | "slug_taken";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Not modified: the If-None-Match ETag is still current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now) */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Precondition failed: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Precondition required: `precondition_required` */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now) */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        [key: string]: string;
                    };
                    categories?: string[];
                    description?: string;
                    images?: {
                        /** @description what the image shows, for people who cannot see it */
                        alt: string;
                        /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                        mediaId?: string;
                        /** @description an http(s) URL or a path on this shop */
                        url?: string;
                    }[];
                    options?: {
                        name: string;
                        values: string[];
                    }[];
                    seo?: {
                        description?: string;
                        title?: string;
                    };
                    /** @description lower-case words joined by hyphens */
                    slug?: string;
                    status?: "draft" | "published" | "archived";
                    title?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `slug_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "slug_taken";
                    };
                };
            };
            /** @description Precondition failed: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Precondition required: `precondition_required` */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    addVariant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now) */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    options?: {
                        [key: string]: string;
                    };
                    prices: {
                        /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                        amount: number;
                        /** @description ISO 4217 code */
                        currency: string;
                    }[];
                    sku: string;
                    title?: string | null;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `sku_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "sku_taken";
                    };
                };
            };
            /** @description Precondition failed: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Precondition required: `precondition_required` */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteVariant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now) */
                "if-match"?: string;
            };
            path: {
                id: string;
                variantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Precondition failed: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Precondition required: `precondition_required` */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateVariant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now) */
                "if-match"?: string;
            };
            path: {
                id: string;
                variantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    options?: {
                        [key: string]: string;
                    };
                    prices?: {
                        /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                        amount: number;
                        /** @description ISO 4217 code */
                        currency: string;
                    }[];
                    sku?: string;
                    title?: string | null;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `sku_taken` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "sku_taken";
                    };
                };
            };
            /** @description Precondition failed: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Precondition required: `precondition_required` */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    setVariantPrice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now) */
                "if-match"?: string;
            };
            path: {
                /** @description ISO 4217 code */
                currency: string;
                id: string;
                variantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                    amount: number;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Precondition failed: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Precondition required: `precondition_required` */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeVariantPrice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the product as last read (428 without it; 412 if it has changed since; `*` overwrites whatever it is now) */
                "if-match"?: string;
            };
            path: {
                /** @description ISO 4217 code */
                currency: string;
                id: string;
                variantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attributes: {
                            [key: string]: string;
                        };
                        categories: {
                            id: string;
                            name: string;
                            /** @description lower-case words joined by hyphens */
                            slug: string;
                        }[];
                        createdAt: string;
                        description: string;
                        id: string;
                        images: {
                            alt: string;
                            height?: number;
                            /** @description an uploaded image (POST /media/images); its URL, size and renditions are filled in */
                            mediaId?: string;
                            /** @description WebP renditions, narrowest first, for srcset */
                            renditions?: {
                                height: number;
                                /** @description an http(s) URL or a path on this shop */
                                url: string;
                                width: number;
                            }[];
                            /** @description an http(s) URL or a path on this shop */
                            url: string;
                            width?: number;
                        }[];
                        options: {
                            name: string;
                            values: string[];
                        }[];
                        priceRanges: {
                            max: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            min: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        }[];
                        publishedAt: string | null;
                        rating: {
                            average: number;
                            count: number;
                        };
                        seo: {
                            description?: string;
                            title?: string;
                        };
                        /** @description lower-case words joined by hyphens */
                        slug: string;
                        status: "draft" | "published" | "archived";
                        title: string;
                        updatedAt: string;
                        variants: {
                            id: string;
                            options: {
                                [key: string]: string;
                            };
                            prices: {
                                /** @description integer minor units (cents for USD, yen for JPY, fils for KWD) */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            }[];
                            sku: string;
                            title: string | null;
                        }[];
                        version: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Precondition failed: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                    };
                };
            };
            /** @description Precondition required: `precondition_required` */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_required";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    importProducts: {
        parameters: {
            query?: {
                /** @description check every row and report, write nothing (200 with the report, rejected rows included) */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        dryRun: true;
                        rejected: {
                            errors: {
                                message: string;
                                pointer: string;
                            }[];
                            /** @description CSV: the lines of the file it came from */
                            lines?: number[];
                            /** @description the product’s position in the file, from 1 */
                            row: number;
                            slug: string | null;
                        }[];
                        /** @description products in the file */
                        total: number;
                        /** @description products that would be imported */
                        valid: number;
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imported: number;
                        products: {
                            id: string;
                            slug: string;
                        }[];
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `import_rejected` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "import_rejected";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listReviews: {
        parameters: {
            query: {
                /** @description The previous page's nextCursor (same sort) */
                cursor?: string;
                limit?: number;
                /** @description The product */
                productId: string;
                /** @description Only reviews with this many stars */
                rating?: number;
                /** @description newest (default), helpful (most votes), rating (highest) */
                sort?: "newest" | "helpful" | "rating";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Display name: first name and initial */
                            author: string;
                            body: string;
                            cons: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /** @description Opaque, prefixed, time-sortable id */
                            id: string;
                            /** @description Why it is held or rejected (author and moderators) */
                            moderation?: {
                                reason: string | null;
                                reportCount: number;
                                rule: string | null;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            pros: string | null;
                            publishedAt: string | null;
                            /** @description Stars, 1 to 5 */
                            rating: number;
                            reply: {
                                body: string;
                                /** Format: date-time */
                                repliedAt: string;
                            } | null;
                            /** @description Shown to the author and moderators */
                            status?: "pending" | "published" | "rejected" | "hidden";
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The author received this product from the shop */
                            verifiedPurchase: boolean;
                            /** @description Whether the signed-in caller marked it helpful */
                            votedHelpful?: boolean;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    createReview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Up to 5,000 characters; plain text, shown escaped (no HTML is ever rendered from it) */
                    body: string;
                    cons?: string | null;
                    /** @description The product reviewed */
                    productId: string;
                    pros?: string | null;
                    /** @description Stars, 1 to 5 */
                    rating: number;
                    /** @description Up to 120 characters */
                    title: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `purchase_required` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "purchase_required";
                    };
                };
            };
            /** @description Conflict: `already_reviewed` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "already_reviewed";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    editReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Up to 5,000 characters */
                    body?: string;
                    cons?: string | null;
                    pros?: string | null;
                    /** @description Stars, 1 to 5 */
                    rating?: number;
                    /** @description Up to 120 characters */
                    title?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    approveReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `illegal_transition` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "illegal_transition";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    setReviewHelpful: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true to mark helpful, false to take the vote back */
                    helpful: boolean;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        helpful: boolean;
                        helpfulCount: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `cannot_report_own` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "cannot_report_own";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    hideReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why it is hidden (kept for staff) */
                    reason?: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `illegal_transition` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "illegal_transition";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    rejectReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Told to the author (reject) or kept for staff (hide) */
                    reason: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `illegal_transition` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "illegal_transition";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    replyToReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The shop's public answer, up to 2,000 characters */
                    body: string;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteReviewReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Display name: first name and initial */
                        author: string;
                        body: string;
                        cons: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        helpfulCount: number;
                        /** @description Opaque, prefixed, time-sortable id */
                        id: string;
                        /** @description Why it is held or rejected (author and moderators) */
                        moderation?: {
                            reason: string | null;
                            reportCount: number;
                            rule: string | null;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                        pros: string | null;
                        publishedAt: string | null;
                        /** @description Stars, 1 to 5 */
                        rating: number;
                        reply: {
                            body: string;
                            /** Format: date-time */
                            repliedAt: string;
                        } | null;
                        /** @description Shown to the author and moderators */
                        status?: "pending" | "published" | "rejected" | "hidden";
                        title: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The author received this product from the shop */
                        verifiedPurchase: boolean;
                        /** @description Whether the signed-in caller marked it helpful */
                        votedHelpful?: boolean;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    reportReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Review id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the review should be looked at */
                    reason: "spam" | "offensive" | "off_topic" | "fake" | "personal_information" | "other";
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The review was held for a moderator */
                        held: boolean;
                        reportCount: number;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `already_reported` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "already_reported";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable request: `cannot_report_own` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "cannot_report_own";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReviewEligibility: {
        parameters: {
            query: {
                /** @description The product */
                productId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        canReview: boolean;
                        reason: "eligible" | "already_reviewed" | "purchase_required";
                        review: {
                            /** @description Display name: first name and initial */
                            author: string;
                            body: string;
                            cons: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /** @description Opaque, prefixed, time-sortable id */
                            id: string;
                            /** @description Why it is held or rejected (author and moderators) */
                            moderation?: {
                                reason: string | null;
                                reportCount: number;
                                rule: string | null;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            pros: string | null;
                            publishedAt: string | null;
                            /** @description Stars, 1 to 5 */
                            rating: number;
                            reply: {
                                body: string;
                                /** Format: date-time */
                                repliedAt: string;
                            } | null;
                            /** @description Shown to the author and moderators */
                            status?: "pending" | "published" | "rejected" | "hidden";
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The author received this product from the shop */
                            verifiedPurchase: boolean;
                            /** @description Whether the signed-in caller marked it helpful */
                            votedHelpful?: boolean;
                        } | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listReviewsForModeration: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
                /** @description Only this product */
                productId?: string;
                status?: "pending" | "published" | "rejected" | "hidden";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Display name: first name and initial */
                            author: string;
                            body: string;
                            cons: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            helpfulCount: number;
                            /** @description Opaque, prefixed, time-sortable id */
                            id: string;
                            /** @description Why it is held or rejected (author and moderators) */
                            moderation?: {
                                reason: string | null;
                                reportCount: number;
                                rule: string | null;
                            };
                            /** @description Opaque, prefixed, time-sortable id */
                            productId: string;
                            pros: string | null;
                            publishedAt: string | null;
                            /** @description Stars, 1 to 5 */
                            rating: number;
                            reply: {
                                body: string;
                                /** Format: date-time */
                                repliedAt: string;
                            } | null;
                            /** @description Shown to the author and moderators */
                            status?: "pending" | "published" | "rejected" | "hidden";
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The author received this product from the shop */
                            verifiedPurchase: boolean;
                            /** @description Whether the signed-in caller marked it helpful */
                            votedHelpful?: boolean;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReviewSummary: {
        parameters: {
            query: {
                /** @description The product */
                productId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Mean rating to one decimal; 0 with no reviews */
                        average: number;
                        /** @description Published reviews */
                        count: number;
                        /** @description Published reviews per star rating */
                        distribution: {
                            1: number;
                            2: number;
                            3: number;
                            4: number;
                            5: number;
                        };
                        /** @description Opaque, prefixed, time-sortable id */
                        productId: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUsers: {
        parameters: {
            query: {
                cursor?: string;
                /** @description Prefix of the email, any case */
                email?: string;
                limit: number;
                /** @description A prefix of the email or any part of the name, any case */
                q?: string;
                role?: "customer" | "admin" | "catalog_manager" | "support";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description Whether the user proved they own the address (the emailed link, or Google/Facebook vouching for it) */
                            emailVerified: boolean;
                            id: string;
                            locale: string | null;
                            name: string;
                            phone: string | null;
                            roles: string[];
                            timeZone: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The address book, oldest first */
                        addresses: {
                            city: string;
                            country: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            isDefaultBilling: boolean;
                            isDefaultShipping: boolean;
                            line1: string;
                            line2: string | null;
                            name: string;
                            phone: string | null;
                            postalCode: string | null;
                            region: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** @description Whether the user proved they own the address (the emailed link, or Google/Facebook vouching for it) */
                        emailVerified: boolean;
                        id: string;
                        locale: string | null;
                        name: string;
                        phone: string | null;
                        roles: string[];
                        timeZone: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    eraseUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    setUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: ("customer" | "admin" | "catalog_manager" | "support")[];
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** @description Whether the user proved they own the address (the emailed link, or Google/Facebook vouching for it) */
                        emailVerified: boolean;
                        id: string;
                        locale: string | null;
                        name: string;
                        phone: string | null;
                        roles: string[];
                        timeZone: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Forbidden: `forbidden` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** @description Whether the user proved they own the address (the emailed link, or Google/Facebook vouching for it) */
                        emailVerified: boolean;
                        id: string;
                        locale: string | null;
                        name: string;
                        phone: string | null;
                        roles: string[];
                        timeZone: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    eraseMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Erased */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    locale?: string | null;
                    name?: string;
                    /** @description International form (+ and country code); kept in E.164; null clears it */
                    phone?: string | null;
                    timeZone?: string | null;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** @description Whether the user proved they own the address (the emailed link, or Google/Facebook vouching for it) */
                        emailVerified: boolean;
                        id: string;
                        locale: string | null;
                        name: string;
                        phone: string | null;
                        roles: string[];
                        timeZone: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMyAddresses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            city: string;
                            country: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            isDefaultBilling: boolean;
                            isDefaultShipping: boolean;
                            line1: string;
                            line2: string | null;
                            name: string;
                            phone: string | null;
                            postalCode: string | null;
                            region: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    addMyAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    city: string;
                    /** @description ISO 3166-1 alpha-2, upper case (assigned codes only) */
                    country: string;
                    isDefaultBilling?: boolean;
                    isDefaultShipping?: boolean;
                    line1: string;
                    line2?: string | null;
                    name: string;
                    phone?: string | null;
                    postalCode?: string | null;
                    region?: string | null;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        city: string;
                        country: string;
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        isDefaultBilling: boolean;
                        isDefaultShipping: boolean;
                        line1: string;
                        line2: string | null;
                        name: string;
                        phone: string | null;
                        postalCode: string | null;
                        region: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict: `address_limit_reached` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "address_limit_reached";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMyAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Address id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        city: string;
                        country: string;
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        isDefaultBilling: boolean;
                        isDefaultShipping: boolean;
                        line1: string;
                        line2: string | null;
                        name: string;
                        phone: string | null;
                        postalCode: string | null;
                        region: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteMyAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Address id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `invalid_data` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateMyAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Address id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    city?: string;
                    /** @description ISO 3166-1 alpha-2, upper case (assigned codes only) */
                    country?: string;
                    isDefaultBilling?: boolean;
                    isDefaultShipping?: boolean;
                    line1?: string;
                    line2?: string | null;
                    name?: string;
                    phone?: string | null;
                    postalCode?: string | null;
                    region?: string | null;
                };
            };
        };
        responses: {
            "5XX": components["responses"]["ServerError"];
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        city: string;
                        country: string;
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        isDefaultBilling: boolean;
                        isDefaultShipping: boolean;
                        line1: string;
                        line2: string | null;
                        name: string;
                        phone: string | null;
                        postalCode: string | null;
                        region: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad request: `invalid_data`, `malformed_body` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_data" | "malformed_body";
                    };
                };
            };
            /** @description Unauthorized: `unauthorized` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthorized";
                    };
                };
            };
            /** @description Not found: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Payload too large: `payload_too_large` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported media type: `unsupported_media_type` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
}
