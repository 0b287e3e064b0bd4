import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

// One build for every shell: the Electron main process and the browser shell's server share src-main,
// the sandboxed preload is one CommonJS file, and the renderer is the same Svelte app for both.
export default defineConfig({
  main: {
    build: {
      // Bundled, not loaded from node_modules: the analysis worker is unpacked from the asar archive.
      externalizeDeps: { exclude: ['franc-min'] },
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          web: resolve('src-main/web/main.ts'),
          // Worker threads that read, extract and index a corpus; both entries above start it from beside them.
          'analyze-worker': resolve('src-main/core/analyze/analyzeWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [svelte()],
    build: {
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
