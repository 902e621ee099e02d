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
        /** Public keys of access tokens (JWKS) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Confirm the email address with the emailed token */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Email a new verification link (202 whatever the email) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Sign in with email and password */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** End the session of a refresh token */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Where the provider sends the browser back; 302 to the app with the tokens in the URL fragment */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Start a sign-in with Google or Facebook (302 to the provider) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
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
        /** Email a password-reset link (202 whether or not the account exists) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Set a new password with the emailed token; signs out everywhere */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** Exchange a refresh token for a new pair */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Create an account and sign in */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Start a cart: a guest cart when anonymous, the caller's cart when signed in (their open cart, 200, when they have one) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 4217 code; the configured default when absent */
                        currency?: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        shippingCountry?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** A cart, priced from the catalog now, with its totals */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** Add a quantity of a SKU (to its line when there is one) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** Remove a line */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Set the quantity of a line */
        patch: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** After login: merge this guest cart into the caller's cart (or make it theirs); answers the caller's cart */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** Set the country shipped to (shipping and tax follow it) */
        put: {
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
                        /** @description ISO 3166-1 alpha-2 country code */
                        country: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            expiresAt: string | null;
                            /** @description The cart id (for a guest cart, the capability that opens it) */
                            id: string;
                            itemCount: number;
                            items: {
                                /** Format: date-time */
                                addedAt: string;
                                available: boolean;
                                lineTotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                previousUnitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                /** @description The price differs from the one last seen on this line (when it was added or changed) */
                                priceChanged: boolean;
                                productId: string | null;
                                quantity: number;
                                sku: string;
                                slug: string | null;
                                title: string | null;
                                unavailableReason: ("unknown_sku" | "product_unavailable" | "no_price_in_currency") | null;
                                unitPrice: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                } | null;
                                taxRate: number | null;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** The category tree, with published product counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Create a category */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** One category, by id or slug */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        /** Delete a category: only when empty, or with reassignTo for its products and sub-categories */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, move (with its sub-categories) or reorder a category */
        patch: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Place an order from a cart, once per Idempotency-Key: 202 with its state while it is on its way, 200 once settled; Prefer: wait=N holds the answer until it settles or awaits a customer step (Preference-Applied says the wait applied) */
        post: {
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
                            /** @description ISO 3166-1 alpha-2 country code */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        };
                        /** @description The cart to check out */
                        cartId: string;
                        /**
                         * Format: email
                         * @description Where the order confirmation goes; required (access tokens carry no email)
                         */
                        email: string;
                        payment: {
                            /** @description The provider's payment method reference (e.g. a token from its client SDK) */
                            paymentMethod: string;
                            provider: "sandbox" | "stripe" | "razorpay";
                        };
                        shippingAddress: {
                            city: string;
                            /** @description ISO 3166-1 alpha-2 country code */
                            country: string;
                            line1: string;
                            line2?: string;
                            name: string;
                            phone?: string;
                            postalCode?: string;
                            region?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                        };
                    };
                };
            };
        };
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
        /** SKUs with their stock per warehouse: search by SKU, filter by product, warehouse or low stock; by SKU or least available first (the low-stock list) */
        get: operations["listStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A SKU's stock per warehouse, its threshold and its latest movements */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or remove units on hand in a warehouse; never below what is reserved there (409) */
        post: {
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
                /** @description Default Response */
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A SKU's ledger, newest first: every movement of its stock, by warehouse or kind */
        get: operations["listStockMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}/threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a SKU's low-stock threshold */
        put: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Available units per SKU, over all warehouses (public). Unknown SKUs answer 0. */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
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
        /** Every warehouse, in reservation order (at most 100: one page) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Add a warehouse */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Rename a warehouse or change its priority */
        patch: {
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
                /** @description Default Response */
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
            };
        };
        trace?: never;
    };
    "/api/v1/media/demo/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A demo product image (SVG) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** An uploaded image's renditions */
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
        /** One rendition of an uploaded image (cached for a year: it never changes) */
        get: operations["getImageFile"];
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
        /** The caller's orders, newest first (staff: everyone's, or one customer's with userId), filtered by status, date, currency, total, or an order id or email prefix */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                billingAddress: {
                                    city: string;
                                    /** @description ISO 3166-1 alpha-2 country code */
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
                                /** @description ISO 4217 code */
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
                                        /** @description ISO 4217 code */
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
                                        /** @description ISO 4217 code */
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
                                        /** @description ISO 4217 code */
                                        currency: string;
                                    };
                                    paymentId: string | null;
                                    provider: "sandbox" | "stripe" | "razorpay";
                                    refunded: {
                                        /** @description Integer minor units */
                                        amount: number;
                                        /** @description ISO 4217 code */
                                        currency: string;
                                    };
                                    refundPending: {
                                        /** @description Integer minor units */
                                        amount: number;
                                        /** @description ISO 4217 code */
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
                                        /** @description ISO 4217 code */
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
                                    /** @description ISO 3166-1 alpha-2 country code */
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
                                        /** @description ISO 4217 code */
                                        currency: string;
                                    };
                                    subtotal: {
                                        /** @description Integer minor units */
                                        amount: number;
                                        /** @description ISO 4217 code */
                                        currency: string;
                                    };
                                    tax: {
                                        /** @description Integer minor units */
                                        amount: number;
                                        /** @description ISO 4217 code */
                                        currency: string;
                                    };
                                    taxRate: number;
                                    total: {
                                        /** @description Integer minor units */
                                        amount: number;
                                        /** @description ISO 4217 code */
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
            };
        };
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
        /** An order: for its owner, staff, or with a guest order's access token (?token= or X-Order-Token) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billingAddress: {
                                city: string;
                                /** @description ISO 3166-1 alpha-2 country code */
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
                            /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                paymentId: string | null;
                                provider: "sandbox" | "stripe" | "razorpay";
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                refundPending: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                /** @description ISO 3166-1 alpha-2 country code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                taxRate: number;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** Cancel an order before it ships (its owner, a guest with its token, or staff): the stock goes back, a payment is refunded */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billingAddress: {
                                city: string;
                                /** @description ISO 3166-1 alpha-2 country code */
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
                            /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                paymentId: string | null;
                                provider: "sandbox" | "stripe" | "razorpay";
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                refundPending: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                /** @description ISO 3166-1 alpha-2 country code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                taxRate: number;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** Admin: a shipped order was delivered (OrderDelivered) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billingAddress: {
                                city: string;
                                /** @description ISO 3166-1 alpha-2 country code */
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
                            /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                paymentId: string | null;
                                provider: "sandbox" | "stripe" | "razorpay";
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                refundPending: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                /** @description ISO 3166-1 alpha-2 country code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                taxRate: number;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** Admin: refund a paid order, in full or in part (RefundRequested; the order becomes refunded when all is given back) */
        post: {
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
                        /** @description Minor units; all that is left to refund when absent */
                        amount?: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billingAddress: {
                                city: string;
                                /** @description ISO 3166-1 alpha-2 country code */
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
                            /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                paymentId: string | null;
                                provider: "sandbox" | "stripe" | "razorpay";
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                refundPending: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                /** @description ISO 3166-1 alpha-2 country code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                taxRate: number;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** Admin: a confirmed order ships (OrderShipped; the customer gets the tracking number) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billingAddress: {
                                city: string;
                                /** @description ISO 3166-1 alpha-2 country code */
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
                            /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                paymentId: string | null;
                                provider: "sandbox" | "stripe" | "razorpay";
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                refundPending: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
                                    /** @description ISO 4217 code */
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
                                /** @description ISO 3166-1 alpha-2 country code */
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
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                subtotal: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                tax: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                taxRate: number;
                                total: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** An order's payment (its owner, admin or support) */
        get: {
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
                /** @description Default Response */
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
            };
        };
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
        /** A payment (its owner, admin or support) */
        get: {
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
                /** @description Default Response */
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
            };
        };
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
        /** Refund part or all of a payment (admin or support); never more than was captured (409) */
        post: {
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
                            /** @description ISO 4217 code, the payment's */
                            currency: string;
                        };
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
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
            };
        };
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
        /** Razorpay Checkout for a payment waiting for the customer */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** The sandbox customer step: an HTML page with Complete and Fail */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** The sandbox customer step: complete */
        post: {
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
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        /** The sandbox customer step: fail */
        post: {
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
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
         * @description Full-text search with prefix matching and typo tolerance (`q`), category including sub-categories, price range in a currency, sorts, cursor pagination. The first page carries facet counts for the whole result.
         */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Create a product with its variants and prices */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** One product, by id or slug */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        /** Delete a product (archive it instead to keep it out of sight) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag of the product as last read; 412 if it has changed since */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change product fields */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag of the product as last read; 412 if it has changed since */
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
                /** @description Default Response */
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
            };
        };
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
        /** Add a variant */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag of the product as last read; 412 if it has changed since */
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
                /** @description Default Response */
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
            };
        };
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
        /** Delete a variant (not the last one) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag of the product as last read; 412 if it has changed since */
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
                /** @description Default Response */
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
            };
        };
        options?: never;
        head?: never;
        /** Change a variant (its prices are replaced when given) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag of the product as last read; 412 if it has changed since */
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
                /** @description Default Response */
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
            };
        };
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
        /** Set the price of a variant in one currency */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag of the product as last read; 412 if it has changed since */
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
                /** @description Default Response */
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
            };
        };
        post?: never;
        /** Remove the price of a variant in one currency */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the ETag of the product as last read; 412 if it has changed since */
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
                /** @description Default Response */
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
            };
        };
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
         */
        post: {
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
                /** @description Default Response */
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
                /** @description Default Response */
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
            };
        };
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
        /** List users, oldest first; search by email prefix or name (q), filter by role */
        get: {
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
                /** @description Default Response */
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
                                id: string;
                                name: string;
                                phone: string | null;
                                roles: string[];
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
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
        /** A user's profile and address book, for staff */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
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
        /** Replace a user's roles */
        put: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                            phone: string | null;
                            roles: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
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
        /** My profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                            phone: string | null;
                            roles: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my name or phone */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            id: string;
                            name: string;
                            phone: string | null;
                            roles: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My addresses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
        put?: never;
        /** Add an address (at most 20) */
        post: {
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
                /** @description Default Response */
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
            };
        };
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
        /** One of my addresses */
        get: {
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
                /** @description Default Response */
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
            };
        };
        put?: never;
        post?: never;
        /** Delete one of my addresses */
        delete: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of my addresses */
        patch: {
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
                /** @description Default Response */
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
            };
        };
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
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
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
            /** @description Default Response */
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
            /** @description Default Response */
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
            /** @description Default Response */
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
            /** @description Default Response */
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
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            /** @description Default Response */
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
                                /** @description ISO 4217 code */
                                currency: string;
                            } | null;
                            confirmedOrders: number;
                            conversionRate: number | null;
                            /** @description ISO 4217 code */
                            currency: string;
                            netRevenue: {
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            orders: number;
                            refunded: {
                                /** @description Integer minor units */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            revenue: {
                                /** @description Integer minor units */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            series: {
                                confirmedOrders: number;
                                orders: number;
                                refunded: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                revenue: {
                                    /** @description Integer minor units */
                                    amount: number;
                                    /** @description ISO 4217 code */
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
            /** @description Default Response */
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
                        id: string;
                        name: string;
                        phone: string | null;
                        roles: string[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
}
