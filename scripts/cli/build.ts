// Builds what the npm package ships, into lib/ (ignored by git):
//   lib/cli.cjs                  the CLI (src/cli/main.ts and the engine), one CommonJS module
//                                already in Node's module wrapper (bin/atelier-compose.cjs compiles it)
//   lib/index.js, index.d.ts     the programmatic API (src/index.ts) and its types
//   lib/THIRD-PARTY-LICENSES.md  the licences of the code and data bundled in them
//   node scripts/cli/build.ts           (npm pack runs it through `prepack`)
//   node scripts/cli/build.ts --clean   removes lib/ (`postpack`): in a checkout the
//                                       CLI then runs the sources, never a stale bundle
// Node refuses to strip types under node_modules, and loading the engine's
// hundred TypeScript sources costs more than the checks: the package ships
// JavaScript bundles, with every dependency inside (it installs nothing else).
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const out = join(repo, 'lib');

/** Data the engine was generated from: not an npm input of the bundle, but shipped inside it. */
const DERIVED_DATA = [
  {
    name: 'Compose Specification JSON schema',
    source: 'https://github.com/compose-spec/compose-spec (schema/compose-spec.json), compiled to src/engine/compose/schema/validate-compose.generated.js',
    licence: 'Apache-2.0',
    copyright: 'The Compose Specification Authors',
    text: 'node_modules/typescript/LICENSE.txt',
  },
  {
    name: '@nginx/reference-lib',
    source: 'https://github.com/nginx/nginx-directive-reference, turned into src/engine/nginx/generated/directives.ts',
    licence: 'Apache-2.0',
    copyright: 'F5, Inc.',
    text: 'node_modules/typescript/LICENSE.txt',
  },
] as const;

/** The npm packages whose code ended in a bundle, from esbuild's metafile. */
function bundledPackages(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

function licenceFile(dir: string): string | undefined {
  for (const name of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license']) {
    if (existsSync(join(dir, name))) return readFileSync(join(dir, name), 'utf8').trim();
  }
  return undefined;
}

function thirdPartyLicences(packages: readonly string[]): string {
  const sections = ['# Third-party licences', '', 'The bundles in this folder contain the following code and data.', ''];
  for (const name of packages) {
    const dir = join(repo, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
    const text = licenceFile(dir);
    if (!text) throw new Error(`${name} is bundled but ships no licence file: add its notice to scripts/cli/build.ts`);
    sections.push(`## ${name} ${manifest.version} (${manifest.license ?? 'see below'})`, '', '```', text, '```', '');
  }
  const apache = new Map<string, string>();
  for (const data of DERIVED_DATA) {
    sections.push(`## ${data.name} (${data.licence})`, '', `Copyright ${data.copyright}. Source: ${data.source}.`, '');
    apache.set(data.text, readFileSync(join(repo, data.text), 'utf8').trim());
  }
  for (const text of apache.values()) sections.push('## Apache License 2.0', '', '```', text, '```', '');
  return sections.join('\n');
}

/**
 * lilconfig reads `fs.promises.readFile` when it loads, for its asynchronous
 * API, which the CLI does not use: that property loads Node's fs/promises
 * and, with it, readline and a dozen other internal modules at every run. The
 * CLI's copy reads it on first use instead. The build fails if lilconfig no
 * longer has that line, so an update cannot drop the change unnoticed.
 */
const lilconfigReadsPromisesLazily: Plugin = {
  name: 'lilconfig-reads-promises-lazily',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]node_modules[\\/]lilconfig[\\/]src[\\/]index\.js$/ }, ({ path }) => {
      const eager = 'const fsReadFileAsync = fs.promises.readFile;';
      const source = readFileSync(path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${path} no longer reads fs.promises.readFile as it loads: update lilconfigReadsPromisesLazily in scripts/cli/build.ts`);
      return { contents: source.replace(eager, 'const fsReadFileAsync = (...args) => fs.promises.readFile(...args);'), loader: 'js' };
    });
  },
};

/**
 * esbuild escapes non-ASCII characters in strings, not in every regular
 * expression: one left in the CLI's bundle makes V8 keep its whole source as
 * two-byte text, which each run then decodes and scans at twice the cost.
 */
function assertAscii(file: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at !== -1) throw new Error(`${file} has a non-ASCII character near ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}: write it as a \\u escape in the source`);
}

export async function buildPackage(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    absWorkingDir: repo,
    outdir: out,
    bundle: true,
    target: 'node22',
    // Packages' ES module builds (yaml's "default" export condition, the one
    // the site bundles) rather than their CommonJS builds.
    mainFields: ['module', 'main'],
    conditions: ['module'],
    // Whitespace and syntax only: names stay readable in a stack trace a user pastes in an issue.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  } satisfies BuildOptions;
  // The API runs anywhere the engine does (Node, a worker, a browser): no Node module in it.
  const api = await build({ ...common, entryPoints: { index: 'src/index.ts' }, format: 'esm', platform: 'neutral' });
  // The CLI is Node's, and CommonJS: bin/atelier-compose.cjs runs it as a
  // script with a V8 code cache (an ES module cannot take one), so the file
  // is the module's body inside Node's module wrapper, compiled as it is read.
  // Built-in modules stay requires; import.meta.url (a config loader's
  // createRequire) becomes the bundle's own URL.
  const cli = await build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    platform: 'node',
    // The same yaml build as the API's: the "node" export condition would pick its CommonJS one.
    alias: { yaml: './node_modules/yaml/browser/index.js' },
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "(function (exports, require, module, __filename, __dirname) {var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    footer: { js: '})' },
    plugins: [lilconfigReadsPromisesLazily],
  });
  assertAscii(join(out, 'cli.cjs'));
  const [types] = generateDtsBundle([{ filePath: join(repo, 'src/index.ts'), output: { noBanner: true } }], {
    preferredConfigPath: join(repo, 'tsconfig.json'),
  });
  writeFileSync(join(out, 'index.d.ts'), types!);
  writeFileSync(join(out, 'THIRD-PARTY-LICENSES.md'), thirdPartyLicences([...new Set([...bundledPackages(api.metafile!), ...bundledPackages(cli.metafile!)])].sort()));
}

export function cleanPackage(): void {
  rmSync(out, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--clean')) cleanPackage();
  else await buildPackage();
}
