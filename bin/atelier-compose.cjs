#!/usr/bin/env node
// The engine as a command. The package ships lib/cli.cjs, the CLI and the
// engine bundled by scripts/cli/build.ts (npm pack runs it); a checkout where
// it was not built runs the TypeScript sources, which Node strips of their
// types outside node_modules.
// CommonJS rather than an ES module: Node starts a CommonJS entry point
// without its ES module loader, and require() of a built-in module skips the
// ES facade that loads every lazy export of node:fs (its streams among them),
// a few milliseconds of every run. Plain JavaScript that any Node parses, so
// an old Node reads the message below.
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const nodeModule = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(
    `atelier-compose demande Node.js 22 ou plus récent (ici ${process.versions.node}) : ` +
      'installez une version LTS depuis https://nodejs.org/ ou lancez l’image Docker du vérificateur.\n',
  );
  process.exit(2);
}

/**
 * Runs the bundle with a V8 code cache written after the first run. Node's
 * own compile cache (module.enableCompileCache) stores a module's code as
 * compiled before it runs, which leaves out every function V8 compiles
 * lazily on first call: most of the engine, a third of a whole check's time.
 * A cache created once the check has run holds them too (what the
 * v8-compile-cache package does for require; hand-written here, as that
 * package only hooks require and the launcher has no dependency). It lives
 * beside Node's (NODE_COMPILE_CACHE or the temporary folder), keyed by the
 * Node version and the bundle's size and date; V8 rejects a cache that does
 * not match, and then it is written again.
 *
 * The bundle is the body of a CommonJS module already inside Node's module
 * wrapper, `(function (exports, require, module, __filename, __dirname) {…})`,
 * so its text is compiled as read, without a second 1.2 MB copy; and it is
 * ASCII (the build checks it), so it is read as Latin-1, without UTF-8 decoding.
 */
function loadBundle(file) {
  const source = readFileSync(file, 'latin1');
  const { size, mtimeMs } = statSync(file);
  const cacheDir = join(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'node-compile-cache'), 'atelier-compose');
  const cacheFile = join(cacheDir, `${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, nodeModule.createRequire(file), module, file, dirname(file));
  const saveCache = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // A read-only or full disk only costs speed.
    }
  };
  return { runCli: module.exports.runCli, saveCache };
}

async function loadCli() {
  const bundle = join(__dirname, '../lib/cli.cjs');
  try {
    statSync(bundle);
  } catch {
    // A checkout without a build: the sources, with Node's compile cache.
    nodeModule.enableCompileCache?.();
    const { runCli } = await import('../src/cli/main.ts');
    return { runCli, saveCache: () => {} };
  }
  return loadBundle(bundle);
}

// `atelier-compose check | head` closes the pipe early: end quietly, as other commands do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

loadCli().then(({ runCli, saveCache }) => {
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
  });
  // After the run, so the cache holds the functions this run compiled.
  saveCache();
  // Everything written has reached the system (stdout and stderr are synchronous for files,
  // terminals and pipes on Linux): exit now rather than after Node tears the heap down.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
});
