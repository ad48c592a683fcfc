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

/** The app is served from its own origin only; workers are ES modules so comlink and tfjs load as modules. */
export default defineConfig({
  plugins: [react(), precacheList()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
