import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The app is served from its own origin only; workers are ES modules so comlink and tfjs load as modules. */
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
