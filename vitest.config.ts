import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'research/**/*.test.ts', '*.test.ts'],
    environment: 'node',
    // Model tests run real TensorFlow.js kernels on WASM; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
