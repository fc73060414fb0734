// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { codeTitleTransformer } from './src/lib/site/code-title.ts';
import { scriptCss } from './src/lib/site/script-css.ts';

// Instructors deploy under any sub-path: `BASE_PATH=/formation/ npm run build`.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  // A second build (the sub-path link check) must not overwrite the main `dist/`.
  outDir: process.env.OUT_DIR ?? './dist',
  integrations: [mdx()],
  // Cross-origin isolation for `astro dev` and `astro preview`, as deploy/nginx sends it:
  // WebContainers (the in-browser API of chapters 05 and 09) need SharedArrayBuffer.
  server: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  markdown: {
    shikiConfig: {
      // Both palettes ship as CSS variables; the page's theme picks one, with no client JS.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      transformers: [codeTitleTransformer],
    },
  },
  vite: {
    // The editor's stylesheets come with the editor, not in every lesson's head.
    plugins: [scriptCss()],
    // Every script stays a file of its own, so the CSP needs no inline-script hash.
    build: { assetsInlineLimit: 0 },
    resolve: {
      // monaco-yaml's worker imports `monaco-editor/esm/vs/...`, a path that
      // monaco-editor 0.5x's `exports` map no longer allows (the workshop).
      alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url)) }],
    },
  },
});
