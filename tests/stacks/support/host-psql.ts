import { join } from 'node:path';
import { repoRoot, run, type RunResult } from './compose-project.ts';

let client: Promise<string[]> | undefined;

/**
 * A real PostgreSQL client on the host (not in a container), to prove what a
 * learner's own `psql -h 127.0.0.1` sees: the host's psql when installed, else
 * psql 17 from the postgres stand-in's Debian rootfs (already cached by
 * scripts/images/build.sh), run with chroot, which keeps the host's network.
 */
export function hostPsqlCommand(): Promise<string[]> {
  client ??= (async () => {
    try {
      if ((await run('psql', ['--version'], { timeoutMs: 15_000 })).code === 0) return ['psql'];
    } catch {
      // not installed: use the rootfs below
    }
    const rootfs = await run(join(repoRoot, 'scripts/ci/rootfs.sh'), ['trixie', 'postgresql-17', 'busybox'], { timeoutMs: 900_000 });
    if (rootfs.code !== 0) throw new Error(`rootfs.sh trixie postgresql-17 failed:\n${rootfs.stderr}`);
    return ['chroot', rootfs.stdout.trim(), '/usr/lib/postgresql/17/bin/psql'];
  })();
  return client;
}

export async function hostPsql(options: { port: number; user: string; database: string; password: string }, sql: string): Promise<RunResult> {
  const [command, ...prefix] = await hostPsqlCommand();
  const args = [...prefix, '-h', '127.0.0.1', '-p', String(options.port), '-U', options.user, '-d', options.database, '-tAc', sql];
  return run(command ?? 'psql', args, { env: { ...process.env, PGPASSWORD: options.password, PGCONNECT_TIMEOUT: '5' }, timeoutMs: 30_000 });
}
