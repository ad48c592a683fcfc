/**
 * How this project starts Chromium, for Playwright tests and the browser benchmark alike: Debian's
 * build (Playwright cannot download its own here) with SwiftShader as a real, software WebGPU adapter,
 * and no background traffic (the machine has no internet; every attempt would only be refused).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
