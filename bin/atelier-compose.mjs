#!/usr/bin/env node
// The engine as a command. Node >= 22.18 runs the TypeScript sources directly
// (type stripping), so the CLI and the site share the very same engine files.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `atelier-compose demande Node.js 22.18 ou plus récent (ici ${process.versions.node}). ` +
      'Dans ce dépôt, lancez-le avec « npx atelier-compose … », qui utilise le Node 24 installé par npm install.\n',
  );
  process.exit(2);
}
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
