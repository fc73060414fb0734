// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// Instructors deploy under any sub-path: `BASE_PATH=/formation/ npm run build`.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  integrations: [mdx()],
});
