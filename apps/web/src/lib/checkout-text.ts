/** The words of the checkout form (client component), passed from the page (the message file is read on the server). */
export const CHECKOUT_TEXT = ['contact', 'email', 'emailHint', 'signedInAs', 'haveAccount', 'shipping', 'savedAddress', 'newAddress', 'name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone', 'payment', 'sandboxNote', 'placing', 'signIn', 'place'] as const;
export type CheckoutText = Record<(typeof CHECKOUT_TEXT)[number], string>;
