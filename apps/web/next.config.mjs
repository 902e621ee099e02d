import { fileURLToPath } from 'node:url';

// The storefront's Next.js configuration. Security headers that carry a nonce (CSP) are set per
// request in src/middleware.ts; the fixed ones are here so that every answer has them.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(self)' },
];

/**
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
const config = (phase) => ({
  // Development (`npm run dev`) builds elsewhere, so the production build `npm start` reuses stays whole.
  distDir: phase === 'phase-development-server' ? '.next-dev' : '.next',
  // Also a self-contained copy (.next/standalone) for the container image.
  output: 'standalone',
  outputFileTracingRoot: new URL('../../', import.meta.url).pathname,
  poweredByHeader: false,
  // forbidden() answers a real 403 page (src/app/forbidden.tsx) when a role may not open an admin page.
  // Server actions take product images (the catalog refuses over 10 MB with 413, said in words).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '16mb' } },
  reactStrictMode: true,
  transpilePackages: ['@mercato/client'],
  // The build is checked by `npm run typecheck` and `npm run lint` at the root.
  typescript: { ignoreBuildErrors: true },
  eslint: { ignoreDuringBuilds: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  webpack(cfg) {
    // The workspace packages import their TypeScript siblings with `.js`, as NodeNext wants.
    cfg.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] };
    // React 19.3's fix for a spurious hydration mismatch (#418) on large pages, in the React 19.2
    // that Next.js bundles: see webpack/react-hydration-replay.cjs.
    cfg.module.rules.push({
      test: /[\\/]next[\\/]dist[\\/]compiled[\\/]react-dom(-experimental)?[\\/]cjs[\\/]react-dom-(client|profiling)\.[a-z]+\.js$/,
      use: [{ loader: fileURLToPath(new URL('./webpack/react-hydration-replay.cjs', import.meta.url)) }],
    });
    return cfg;
  },
});

export default config;
