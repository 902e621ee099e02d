'use client';

import { useActionState, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { placeOrder } from '@/actions/checkout';
import type { FormState } from '@/lib/form';
import { Field, Notice } from './ui';
import ui from './ui.module.css';
import s from './checkout.module.css';

import type { CheckoutText } from '@/lib/checkout-text';

interface SavedAddress {
  id: string;
  label: string;
}

function PlaceButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  // Disabled while the order is being placed; a second click that gets through anyway carries
  // the same Idempotency-Key and gets the same order.
  return (
    <button type="submit" className={`${ui.button} ${ui.wide}`} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

export function CheckoutForm({
  idempotencyKey,
  signedIn,
  addresses,
  payments,
  countries,
  defaultCountry,
  text,
}: {
  idempotencyKey: string;
  signedIn: boolean;
  addresses: SavedAddress[];
  payments: Array<{ value: string; label: string; group: string }>;
  countries: Array<{ value: string; label: string }>;
  defaultCountry: string;
  text: CheckoutText;
}) {
  const [state, action] = useActionState(placeOrder, {} as FormState);
  const [addressChoice, setAddressChoice] = useState(addresses[0]?.id ?? 'new');
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const addr = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={`shippingAddress.${name}`} label={label} defaultValue={v[`shippingAddress.${name}`]} error={e[`shippingAddress.${name}`]} {...extra} />
  );
  return (
    <form action={action} className={s.form} noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {state.error ? <Notice kind="error">{state.error}</Notice> : null}
      <section className={s.section}>
        <h2>{text.contact}</h2>
        {signedIn ? (
          <p>{text.signedInAs}</p>
        ) : (
          <>
            <Field name="email" type="email" label={text.email} autoComplete="email" required hint={text.emailHint} defaultValue={v.email} error={e.email} />
            <p className={s.small}>
              {text.haveAccount} <a href="/account/sign-in?next=/checkout">{text.signIn}</a>
            </p>
          </>
        )}
      </section>
      <section className={s.section}>
        <h2>{text.shipping}</h2>
        {addresses.length > 0 ? (
          <fieldset className={s.choices}>
            <legend className="visually-hidden">{text.savedAddress}</legend>
            {addresses.map((a) => (
              <label key={a.id} className={s.choice}>
                <input type="radio" name="shippingAddressId" value={a.id} checked={addressChoice === a.id} onChange={() => setAddressChoice(a.id)} />
                <span>{a.label}</span>
              </label>
            ))}
            <label className={s.choice}>
              <input type="radio" name="shippingAddressId" value="new" checked={addressChoice === 'new'} onChange={() => setAddressChoice('new')} />
              <span>{text.newAddress}</span>
            </label>
          </fieldset>
        ) : null}
        {addressChoice === 'new' ? (
          <div>
            {addr('name', text.name, { autoComplete: 'name', required: true })}
            {addr('line1', text.line1, { autoComplete: 'address-line1', required: true })}
            {addr('line2', text.line2, { autoComplete: 'address-line2' })}
            <div className={ui.grid2}>
              {addr('city', text.city, { autoComplete: 'address-level2', required: true })}
              {addr('postalCode', text.postalCode, { autoComplete: 'postal-code' })}
              {addr('region', text.region, { autoComplete: 'address-level1' })}
              {addr('country', text.country, { autoComplete: 'country', options: countries, defaultValue: v['shippingAddress.country'] ?? defaultCountry })}
            </div>
            {addr('phone', text.phone, { type: 'tel', autoComplete: 'tel' })}
          </div>
        ) : null}
      </section>
      <section className={s.section}>
        <h2>{text.payment}</h2>
        <fieldset className={s.choices}>
          <legend className={s.small}>{text.sandboxNote}</legend>
          {payments.map((p, i) => (
            <label key={p.value} className={s.choice}>
              <input type="radio" name="payment" value={p.value} defaultChecked={i === 0} />
              <span>{p.label}</span>
            </label>
          ))}
        </fieldset>
        {e.payment || e['payment.paymentMethod'] ? <p className={ui.error}>{e.payment ?? e['payment.paymentMethod']}</p> : null}
      </section>
      <PlaceButton label={text.place} pendingLabel={text.placing} />
    </form>
  );
}
