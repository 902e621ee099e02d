'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { api, must } from '@/lib/api';
import { forgetCart, rememberCart } from '@/lib/cart';
import { echo, field, formAction, type FormState } from '@/lib/form';
import { t } from '@/lib/i18n';
import { saveTokens, signOutEverywhere, type Tokens } from '@/lib/session';
import { CART_COOKIE } from '@/lib/session-cookies';
import { chosenCurrency } from '@/lib/shop';

/** After a sign-in: the guest cart merges into the shopper's cart, which becomes the cart of this browser. */
async function adoptCart(tokens: Tokens): Promise<void> {
  const client = await api({ token: tokens.accessToken });
  const guest = (await cookies()).get(CART_COOKIE)?.value;
  if (guest) {
    const merged = await client.POST('/api/v1/carts/{id}/merge', { params: { path: { id: guest } } });
    if (merged.data) return rememberCart(merged.data.id);
  }
  const mine = await client.POST('/api/v1/carts', { body: { currency: await chosenCurrency() } });
  if (mine.data && mine.data.items.length > 0) await rememberCart(mine.data.id);
  else if (mine.data) await rememberCart(mine.data.id);
  else await forgetCart();
}

/** Only paths of this site, so that a crafted link cannot send the shopper elsewhere after signing in. */
function next(form: FormData): string {
  const to = field(form, 'next');
  return to && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\') ? to : '/account';
}

export async function signIn(_prev: FormState, form: FormData): Promise<FormState> {
  let ok = false;
  const state = await formAction(
    async () => {
      const client = await api({ anonymous: true });
      const tokens = must(await client.POST('/api/v1/auth/login', { body: { email: field(form, 'email') ?? '', password: String(form.get('password') ?? '') } }), 'sign-in');
      await saveTokens(tokens);
      await adoptCart(tokens);
      ok = true;
      return {};
    },
    { invalid_credentials: t('signin.invalid'), login_throttled: t('signin.throttled'), rate_limited: t('signin.throttled') },
  );
  if (ok) redirect(next(form));
  return { ...state, values: echo(form) };
}

export async function signUp(_prev: FormState, form: FormData): Promise<FormState> {
  let ok = false;
  const state = await formAction(
    async () => {
      const client = await api({ anonymous: true });
      const tokens = must(
        await client.POST('/api/v1/auth/register', {
          body: { name: field(form, 'name') ?? '', email: field(form, 'email') ?? '', password: String(form.get('password') ?? '') },
        }),
        'sign-up',
      );
      await saveTokens(tokens);
      await adoptCart(tokens);
      ok = true;
      return {};
    },
    { email_taken: t('signup.taken') },
  );
  if (ok) redirect(next(form));
  return { ...state, values: echo(form) };
}

export async function signOut(): Promise<void> {
  await signOutEverywhere();
  await forgetCart();
  redirect('/');
}

/** The landing of an external sign-in (Google, Facebook): the tokens the page read from its fragment. */
export async function adoptExternalSession(form: FormData): Promise<void> {
  const accessToken = field(form, 'accessToken');
  const refreshToken = field(form, 'refreshToken');
  const expiresIn = Number(field(form, 'expiresIn') ?? '900');
  if (accessToken && refreshToken) {
    const tokens = { accessToken, refreshToken, expiresIn: Number.isFinite(expiresIn) ? expiresIn : 900 };
    await saveTokens(tokens);
    await adoptCart(tokens);
    redirect('/account');
  }
  redirect('/account/sign-in');
}

export async function verifyEmail(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(
    async () => {
      const client = await api({ anonymous: true });
      const r = await client.POST('/api/v1/auth/email/verify', { body: { token: field(form, 'token') ?? '' } });
      if (r.response.status === 400) return { error: t('verify.invalid') };
      must(r, 'verification');
      return { ok: t('verify.done') };
    },
    { invalid_token: t('verify.invalid') },
  );
}

export async function forgotPassword(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(async () => {
    const client = await api({ anonymous: true });
    must(await client.POST('/api/v1/auth/password/forgot', { body: { email: field(form, 'email') ?? '' } }), 'password reset');
    return { ok: t('forgot.sent') };
  });
}

export async function resetPassword(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(
    async () => {
      const client = await api({ anonymous: true });
      must(await client.POST('/api/v1/auth/password/reset', { body: { token: field(form, 'token') ?? '', password: String(form.get('password') ?? '') } }), 'password reset');
      return { ok: t('reset.done') };
    },
    { invalid_token: t('reset.invalid') },
  );
}

/** A signed-in shopper (or staff member) changes their password: the answer is a new session, kept here; other devices are signed out. */
export async function changePassword(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(
    async () => {
      const client = await api();
      const tokens = must(
        await client.POST('/api/v1/auth/password/change', {
          body: { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') },
        }),
        'password change',
      );
      await saveTokens(tokens);
      return { ok: t('account.passwordChanged') };
    },
    { login_throttled: t('signin.throttled') },
  );
}
