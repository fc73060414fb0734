// A deliberately tiny "build": real projects run Vite or similar here. It
// copies src/ to dist/ and stamps the build date, so the image only holds
// the output, which is what the chapter teaches.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
await cp('src', 'dist', { recursive: true });
const page = await readFile('dist/index.html', 'utf8');
await writeFile('dist/index.html', page.replace('%BUILD_DATE%', new Date().toISOString()));
console.log('build: dist/ ready');
