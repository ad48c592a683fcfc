import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Lists every built file in dist/precache.json so that public/sw.js can cache the app for offline use. */
function precacheList(): Plugin {
  let outDir = 'dist';
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return {
    name: 'homnet-precache-list',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = walk(outDir)
        .map((file) => relative(outDir, file).split('\\').join('/'))
        .filter(
          (file) => !['precache.json', 'sw.js', 'index.html'].includes(file) && !file.startsWith('models/'),
        )
        .sort();
      writeFileSync(join(outDir, 'precache.json'), JSON.stringify(files));
    },
  };
}

/**
 * Only the app's own origin: scripts, workers, fetches (models), images; WebAssembly compilation for the
 * tfjs WASM backend; blob:/data: for images, downloads and workers made from blobs; inline styles for
 * React/d3 style attributes. Nothing else may load, so no request can leave the origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
].join('; ');

/**
 * The policy as a header adds `frame-ancestors 'none'`: no page of any origin may frame the app (a framed
 * review screen could be overlaid to trick clicks on its decisions). Browsers ignore, with a console error,
 * frame-ancestors in a <meta> policy, so the meta keeps the rest and only the header carries it.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * What a server of dist/ must send with every response (docs/review-screens.md, "Deployment"): the policy
 * (the worker scripts get theirs from this header alone), X-Frame-Options for browsers without
 * frame-ancestors, and nosniff so that nothing served is run as a script unless it is labelled as one.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
};

/** Puts the policy into the built index.html (the dev server's React refresh preamble is inline, so not there). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'homnet-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The app is served from its own origin only; workers are ES modules so comlink and tfjs load as modules. */
export default defineConfig({
  plugins: [react(), precacheList(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { port: 5173, strictPort: false },
  // The preview server (npm start) sends the headers a deployment must send; they cover the workers too.
  preview: { port: 4173, strictPort: false, headers: { ...SECURITY_HEADERS } },
});
