// The chapter stacks' API sources, bundled at build time as lazy chunks: a
// lesson page downloads them only when the learner starts the API. Globs must
// be literals (Vite resolves them at build time), hence one entry per stack.
type Loaders = Record<string, () => Promise<string>>;

const LOADERS: Record<string, { api: Loaders; init: Loaders }> = {
  '05-api-nodejs': {
    api: import.meta.glob<string>(['/stacks/05-api-nodejs/api/**', '!**/node_modules/**', '!**/test/**', '!**/.env'], { query: '?raw', import: 'default' }),
    init: import.meta.glob<string>('/stacks/05-api-nodejs/db/init/*.sql', { query: '?raw', import: 'default' }),
  },
  '09-base-de-donnees': {
    api: import.meta.glob<string>(['/stacks/09-base-de-donnees/api/**', '!**/node_modules/**', '!**/test/**', '!**/.env'], { query: '?raw', import: 'default' }),
    init: import.meta.glob<string>('/stacks/09-base-de-donnees/db/init/*.sql', { query: '?raw', import: 'default' }),
  },
};

async function loadAll(loaders: Loaders): Promise<Record<string, string>> {
  const entries = await Promise.all(Object.entries(loaders).map(async ([path, load]) => [path, await load()] as const));
  return Object.fromEntries(entries);
}

/** `/stacks/<stack>/api/...` and `/stacks/<stack>/db/init/*.sql` → text, or null for a stack without an API. */
export async function loadStackFiles(stack: string): Promise<{ apiFiles: Record<string, string>; initFiles: Record<string, string> } | null> {
  const loaders = LOADERS[stack];
  if (!loaders) return null;
  const [apiFiles, initFiles] = await Promise.all([loadAll(loaders.api), loadAll(loaders.init)]);
  return { apiFiles, initFiles };
}
