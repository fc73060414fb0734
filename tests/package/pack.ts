// Packs the repository as `npm pack` does for a user (prepack builds lib/,
// postpack removes it) and installs the tarball into an empty prefix, offline:
// the package must need nothing but itself. Shared by the package test and the
// container image test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));

/** npm and the tools it starts run on the repository's Node 24, whatever the system's is. */
export const toolEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${join(repo, 'node_modules/.bin')}:${process.env['PATH'] ?? '/usr/bin:/bin'}` };

export function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', ['--no-audit', '--no-fund', '--loglevel=error', ...args], { cwd, env: toolEnv, encoding: 'utf8' });
}

/** `npm pack` into a fresh folder under .cache/; returns the tarball's path. */
export function packTarball(): string {
  const destination = join(repo, '.cache/package');
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  npm(['pack', '--pack-destination', destination], repo);
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no tarball in ${destination}`);
  return join(destination, tarball);
}

/** Installs the tarball into a new empty prefix without the network; returns the prefix. */
export function installOffline(tarball: string, prefix = mkdtempSync(join(tmpdir(), 'atelier-install-'))): string {
  npm(['install', '--offline', '--prefix', prefix, tarball], prefix);
  return prefix;
}

/** Bytes and files under a folder, as `du -sb` counts file contents. */
export function treeSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}
