#!/usr/bin/env node
// The engine as a command. The package ships lib/cli.js, the CLI and the
// engine bundled by scripts/cli/build.ts (npm pack and npm install in the
// repository run it); a checkout where it was not built runs the TypeScript
// sources, which Node strips of their types outside node_modules.
// Plain JavaScript that any Node parses, so an old Node reads the message below.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(
    `atelier-compose demande Node.js 22 ou plus récent (ici ${process.versions.node}) : ` +
      'installez une version LTS depuis https://nodejs.org/ ou lancez l’image Docker du vérificateur.\n',
  );
  process.exit(2);
}

// Node keeps the compiled bundle on disk (in the system's temporary folder) for
// the next runs: parsing and compiling the engine costs more than checking a project.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();

async function loadCli() {
  try {
    return await import('../lib/cli.js');
  } catch (error) {
    const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('lib/cli.js');
    if (!missing) throw error;
    return import('../src/cli/main.ts');
  }
}

// `atelier-compose check | head` closes the pipe early: end quietly, as other commands do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { runCli } = await loadCli();
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
});
