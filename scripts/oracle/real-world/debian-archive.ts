// Debian's archive, the one outside source the collectors can reach, and the
// folder where what they download from it is kept between runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MIRROR = 'http://deb.debian.org/debian';
export const DEBIAN_WORK = join(tmpdir(), 'atelier-debian');

/** `path` of the archive (`dists/trixie/main/source/Sources.xz`), downloaded once into DEBIAN_WORK as `name`. */
export function fromArchive(name: string, path: string): string {
  mkdirSync(DEBIAN_WORK, { recursive: true });
  const to = join(DEBIAN_WORK, name);
  if (!existsSync(to)) execFileSync('curl', ['-fsSL', '-o', to, `${MIRROR}/${path}`]);
  return to;
}
