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
const { fstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } = require('node:fs');
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

/**
 * Standard output and error written straight to their descriptors.
 * process.stdout is a stream whose first use loads Node's whole stream
 * machinery (net, stream, tty: a tenth of a run); the CLI writes a few lines,
 * synchronously, as Node itself does for files, pipes and terminals on Linux.
 * A full non-blocking pipe (EAGAIN) is waited for; once the reader has gone
 * (`atelier-compose check | head`, EPIPE) the rest is dropped quietly and the
 * exit code is still the check's.
 */
function descriptorWriter(fd) {
  let closed = false;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  return (text) => {
    if (closed) return;
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset);
      } catch (error) {
        if (error.code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
        else if (error.code === 'EPIPE') return void (closed = true);
        else throw error;
      }
    }
  };
}

/**
 * Whether standard output is a terminal, without tty.isatty (its module loads
 * net and stream). Files, pipes and sockets are not character devices; of
 * character devices, the null device is not a terminal (the bench and most
 * scripts send output there); any other one is asked to tty.
 */
function stdoutIsTerminal() {
  try {
    const stats = fstatSync(1);
    if (!stats.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && stats.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  return require('node:tty').isatty(1);
}

loadCli().then(({ runCli, saveCache }) => {
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: descriptorWriter(1),
    stderr: descriptorWriter(2),
    isTTY: stdoutIsTerminal(),
  });
  // After the run, so the cache holds the functions this run compiled.
  saveCache();
  // Everything written has reached the system: exit now rather than after Node tears the heap down.
  process.exit();
});
