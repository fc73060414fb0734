// Starts every chapter's stack with a real Docker Engine, one after the other,
// and proves it works: static checks (docker compose config, the project's
// engine, nginx -t), `up --wait`, a smoke test through the public entry point,
// network isolation, the API surviving the loss of Redis, the restart policy
// bringing a killed API back, and for the stacks with backups a dump, destroy,
// restore round trip; then the commands its README and its lesson tell the
// learner to type, in order, as written (scripts/stacks/readme-commands.ts,
// lesson-commands.ts). Which checks apply to which stack: support/plans.ts.
//   npm run test:stacks                          all stacks
//   ATELIER_STACKS=05,08 npm run test:stacks     some stacks
//   ATELIER_STACKS_STATIC_ONLY=1                 static checks only (no Docker)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/check.ts';
import { ComposeProject, composeBinary, dockerAvailable, repoRoot, run } from './support/compose-project.ts';
import { hostPsql } from './support/host-psql.ts';
import { json, negotiatedProtocol, request, type HttpResponse } from './support/http.ts';
import { plans, type StackPlan } from './support/plans.ts';
import { readmeCommands } from '../../scripts/stacks/readme-commands.ts';
import { loadCliTable } from '../../scripts/stacks/docker-cli.ts';
import { lessonCommands } from '../../scripts/stacks/lesson-commands.ts';
import { planLessonCommand } from '../../scripts/stacks/lesson-command-plan.ts';
import { asRun, docEnv, runDocCommand, runUntilInterrupted } from './support/doc-commands.ts';

interface Health {
  status: string;
  db: string;
  cache: string;
}
interface User {
  id: number;
  username: string;
  email: string;
}
interface Product {
  id: number;
  price: string;
  stock_quantity: number;
}
interface Order {
  id: number;
  total_price: string;
}

const staticOnly = process.env['ATELIER_STACKS_STATIC_ONLY'] === '1';
const wanted = process.env['ATELIER_STACKS']?.split(',').map((s) => s.trim().padStart(2, '0'));
const selected = plans.filter((plan) => !wanted || wanted.includes(plan.slug.slice(0, 2)));
const dockerReady = staticOnly ? false : await dockerAvailable();

interface Timing {
  slug: string;
  buildMs?: number;
  upMs?: number;
  restartMs?: number;
  totalMs?: number;
}
const timings: Timing[] = [];
const seconds = (ms: number | undefined): string => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);

afterAll(() => {
  const lines = timings.map(
    (t) => `  ${t.slug.padEnd(30)} build ${seconds(t.buildMs).padStart(7)}  up→healthy ${seconds(t.upMs).padStart(7)}  restart ${seconds(t.restartMs).padStart(7)}  total ${seconds(t.totalMs).padStart(7)}`,
  );
  const total = timings.reduce((sum, t) => sum + (t.totalMs ?? 0), 0);
  console.log(`stacks: durations\n${lines.join('\n')}\n  total ${seconds(total)}`);
});

async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timeout (${timeoutMs} ms) waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Every file of a copied stack, relative paths. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, path)));
    else files.push(path);
  }
  return files;
}

function entryUrl(plan: StackPlan, project: ComposeProject): string {
  return plan.tls ? `https://localhost:${project.httpsPort}` : `http://localhost:${project.httpPort}`;
}

function header(response: HttpResponse, name: string): string {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** The lesson whose frontmatter names each stack (`stack: 05-api-nodejs`). */
const lessonsDir = join(repoRoot, 'src/content/lessons');
const lessonOf = new Map(
  (await readdir(lessonsDir)).map((slug) => [/^stack:\s*(\S+)/m.exec(readFileSync(join(lessonsDir, slug, 'index.mdx'), 'utf8'))?.[1] ?? '', slug] as const),
);

for (const plan of selected) {
  describe(plan.slug, () => {
    const lesson = lessonOf.get(plan.slug);
    /** Documented commands run against this stack, as run → where (`README l.12`), so none runs twice. */
    const ran = new Map<string, string>();
    let project: ComposeProject | undefined;
    let started = false;
    const timing: Timing = { slug: plan.slug };
    let stackStart = 0;

    const running = (): ComposeProject => {
      if (!project || !started) throw new Error(`${plan.slug} n'a pas démarré : voir le test « up --wait »`);
      return project;
    };
    const api = (path: string, init?: Parameters<typeof request>[1]): Promise<HttpResponse> =>
      request(`${entryUrl(plan, running())}${path}`, init);
    const createUser = async (tag: string): Promise<User> => {
      const name = `${tag}-${Date.now()}`;
      const created = await api('/api/users', { method: 'POST', body: { username: name, email: `${name}@example.com` } });
      expect(created.status, created.text).toBe(201);
      return json<User>(created);
    };

    beforeAll(async () => {
      stackStart = performance.now();
      project = await ComposeProject.create(plan.slug);
    });

    afterAll(async () => {
      await project?.destroy();
      timing.totalMs = performance.now() - stackStart;
      timings.push(timing);
    });

    it('passes the real `docker compose config -q` (Compose 2.40 and the engine\'s own)', async () => {
      const reference = await project!.referenceCompose(['config', '-q']);
      expect(reference.code, reference.stderr).toBe(0);
      const local = await project!.compose(['config', '-q']);
      expect(local.code, local.stderr).toBe(0);
      // Overrides meant for `-f` (chapter 10's compose.dev.yaml) must merge cleanly too.
      for (const override of (await readdir(project!.dir)).filter((f) => /^compose\.[\w-]+\.ya?ml$/.test(f))) {
        const merged = await project!.referenceCompose(['-f', 'compose.yaml', '-f', override, 'config', '-q']);
        expect(merged.code, `${override} : ${merged.stderr}`).toBe(0);
      }
    });

    it.runIf(plan.api)('refuses to start without .env: secrets are required variables, never defaults', async () => {
      const result = await project!.referenceCompose(['--env-file', '/dev/null', 'config', '-q']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('copiez .env.example en .env');
    });

    it('has no error from the project engine (checkProject)', async () => {
      const files = await project!.projectFiles();
      expect(files.some((f) => f.path === 'compose.yaml')).toBe(true);
      const { diagnostics } = checkProject(files, { production: plan.production, environment: {} });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const others = diagnostics.filter((d) => d.severity !== 'error');
      if (others.length > 0) console.log(`${plan.slug}: engine notes\n${others.map((d) => `  ${d.severity} ${d.file}:${d.range.start.line} ${d.ruleId} ${d.message}`).join('\n')}`);
      expect(errors.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    });

    it('passes the real `nginx -t` (1.30) for every nginx file', async () => {
      const result = await run(join(repoRoot, 'scripts/stacks/nginx-check.sh'), [project!.dir], { timeoutMs: 600_000 });
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    });

    it('ships a French README with the commands, and no secret: dev-only .env.example, no private key', async () => {
      const p = project!;
      const readme = await readFile(join(p.dir, 'README.md'), 'utf8');
      for (const command of ['cp .env.example .env', 'docker compose up --wait', 'docker compose down']) {
        expect(readme, `README.md : « ${command} »`).toContain(command);
      }
      for (const [key, value] of Object.entries(p.envFile)) {
        if (/PASSWORD|SECRET|TOKEN/.test(key)) expect(value, key).toMatch(/^dev-only/);
      }
      const files = await listFiles(p.dir);
      expect(files.filter((f) => f === '.env.example')).toHaveLength(1);
      for (const file of files) {
        if (file === '.env') continue;
        const text = await readFile(join(p.dir, file), 'utf8');
        expect(text, file).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
      }
    });

    describe.skipIf(staticOnly)('running with Docker', () => {
      it('builds, then `up -d --wait` brings every service to healthy', async () => {
        expect(dockerReady, 'Docker Engine injoignable : lancez scripts/docker/ensure.sh (ou ATELIER_STACKS_STATIC_ONLY=1)').toBe(true);
        const build = await project!.composeOk(['build'], 900_000);
        timing.buildMs = build.ms;
        const up = await project!.composeOk(['up', '-d', '--wait', '--wait-timeout', '120'], 300_000);
        timing.upMs = up.ms;
        console.log(`${plan.slug}: build ${seconds(build.ms)}, up→healthy ${seconds(up.ms)}`);
        started = true;
      });

      it.runIf(!plan.api && !plan.spa)('serves its page', async () => {
        const page = await api('/');
        expect(page.status).toBe(200);
        expect(page.text).toContain('Bonjour depuis Docker Compose');
      });

      it.runIf(plan.spa)('serves the built client, with the SPA fallback and real 404s for assets', async () => {
        const home = await api('/');
        expect(home.status).toBe(200);
        expect(home.text).toContain('<main id="view"');
        expect(home.text).not.toContain('%BUILD_DATE%');
        const route = await api('/a-propos');
        expect(route.status).toBe(200);
        expect(route.text).toBe(home.text);
        const script = await api('/assets/app.js');
        expect(script.status).toBe(200);
        expect(header(script, 'content-type')).toContain('javascript');
        expect((await api('/assets/absent.js')).status).toBe(404);
        expect((await api('/health')).status).toBe(200);
      });

      it.runIf(plan.api)('smoke test through the entry point: health, create a user, read it back', async () => {
        const health = await api('/api/health');
        expect(health.status, health.text).toBe(200);
        expect(json<Health>(health)).toEqual({ status: 'ok', db: 'ok', cache: plan.cache ? 'ok' : 'disabled' });

        const user = await createUser('smoke');
        const read = await api(`/api/users/${user.id}`);
        expect(read.status).toBe(200);
        expect(json<User>(read)).toMatchObject({ id: user.id, username: user.username, email: user.email });
        const list = json<User[]>(await api('/api/users'));
        expect(list.map((u) => u.id)).toContain(user.id);
        expect((await api('/api/users', { method: 'POST', body: { username: '' } })).status).toBe(400);
        if (plan.cache) {
          const again = await api(`/api/users/${user.id}`);
          expect(header(again, 'x-cache')).toBe('HIT');
        }
        if (plan.entry !== 'api') {
          const page = await api('/');
          expect(page.status).toBe(200);
          expect(page.text).toContain('Atelier Compose');
        }
      });

      it.runIf(plan.tls)('proxy: HTTP redirects to HTTPS, HTTP/2, security headers, its own /health', async () => {
        const p = running();
        const redirect = await request(`http://localhost:${p.httpPort}/api/users?x=1`);
        expect(redirect.status).toBe(301);
        expect(header(redirect, 'location')).toBe(`https://localhost:${p.httpsPort}/api/users?x=1`);
        expect(await negotiatedProtocol(p.httpsPort)).toBe('h2');
        const page = await api('/');
        expect(header(page, 'strict-transport-security')).toMatch(/max-age=\d+/);
        expect(header(page, 'x-content-type-options')).toBe('nosniff');
        expect(header(page, 'x-frame-options')).toBe('DENY');
        expect(header(page, 'referrer-policy')).not.toBe('');
        expect(header(page, 'server')).toBe('nginx');
        const own = await api('/health');
        expect(own.status).toBe(200);
        expect(own.text.trim()).toBe('ok');
      });

      it.runIf(plan.shop)('products and orders: an order decrements the stock in one transaction', async () => {
        const products = json<Product[]>(await api('/api/products'));
        expect(products.length).toBeGreaterThanOrEqual(2);
        const product = products[0]!;
        const user = await createUser('buyer');
        const ordered = await api('/api/orders', { method: 'POST', body: { user_id: user.id, product_id: product.id, quantity: 2 } });
        expect(ordered.status, ordered.text).toBe(201);
        expect(Number(json<Order>(ordered).total_price)).toBeCloseTo(Number(product.price) * 2, 2);
        const after = json<Product>(await api(`/api/products/${product.id}`));
        expect(after.stock_quantity).toBe(product.stock_quantity - 2);
        const tooMany = await api('/api/orders', { method: 'POST', body: { user_id: user.id, product_id: product.id, quantity: 1_000_000 } });
        expect(tooMany.status).toBe(409);
      });

      it.runIf(plan.shop)('database: migrations applied once, the API role cannot change the schema', async () => {
        const p = running();
        const owner = p.envFile['POSTGRES_USER'] ?? 'atelier';
        const db = p.envFile['POSTGRES_DB'] ?? 'atelier';
        const appUser = p.envFile['APP_DB_USER'] ?? 'atelier_app';
        const migrations = await p.exec('db', `psql -U ${owner} -d ${db} -tAc 'SELECT count(*) FROM schema_migrations'`);
        expect(migrations.code, migrations.stderr).toBe(0);
        const files = (await readdir(join(p.dir, 'api/migrations'))).filter((f) => f.endsWith('.sql'));
        expect(Number(migrations.stdout.trim())).toBe(files.length);
        const reads = await p.exec('db', `psql -U ${appUser} -d ${db} -tAc 'SELECT count(*) FROM users'`);
        expect(reads.code, reads.stderr).toBe(0);
        const ddl = await p.exec('db', `psql -U ${appUser} -d ${db} -c 'CREATE TABLE intrusion (id int)'`);
        expect(ddl.code).not.toBe(0);
        expect(ddl.stderr).toMatch(/permission denied/);
        const drop = await p.exec('db', `psql -U ${appUser} -d ${db} -c 'DROP TABLE orders'`);
        expect(drop.code).not.toBe(0);
      });

      it.runIf(plan.slug.startsWith('10-'))('the `outils` profile: psql runs on demand, never with a plain `up`', async () => {
        const p = running();
        expect((await p.composeOk(['ps', '--services'])).stdout.split('\n')).not.toContain('psql');
        const query = await p.compose(['--profile', 'outils', 'run', '--rm', '-T', 'psql', '-tAc', 'SELECT count(*) > 0 FROM users'], 120_000);
        expect(query.code, query.stderr).toBe(0);
        expect(query.stdout.trim()).toBe('t');
      });

      it.runIf(plan.api)('the database and the cache publish no port on the host', async () => {
        const p = running();
        const services = (await p.composeOk(['config', '--services'])).stdout.split('\n');
        for (const [service, port] of [['db', '5432'], ['cache', '6379']] as const) {
          if (!services.includes(service)) continue;
          const published = await p.compose(['port', service, port]);
          expect(published.code !== 0 || published.stdout.trim() === '' || published.stdout.trim() === ':0', `${service} publié : ${published.stdout}`).toBe(true);
        }
      });

      it.runIf(plan.isolation)(`network isolation: ${plan.entry} cannot reach db, api can`, async () => {
        const p = running();
        // Positive controls first, so a probe that cannot work fails loudly instead of "proving" isolation.
        const tcp = "node -e \"require('node:net').connect(5432, 'db').on('connect', () => process.exit(0)).on('error', () => process.exit(1))\"";
        const fromApi = await p.exec('api', `getent hosts db && ${tcp}`);
        expect(fromApi.code, `api → db : ${fromApi.stdout}${fromApi.stderr}`).toBe(0);
        const entryToApi = await p.exec(plan.entry, 'getent hosts api');
        expect(entryToApi.code, `${plan.entry} → api : ${entryToApi.stderr}`).toBe(0);
        expect((await p.exec(plan.entry, 'getent hosts db')).code).not.toBe(0);
        expect((await p.exec(plan.entry, 'nc -w 2 db 5432 </dev/null')).code).not.toBe(0);
      });

      it.runIf(plan.cache)('cache down: the API answers from the database and /health says degraded', async () => {
        const p = running();
        const user = await createUser('nocache');
        await p.composeOk(['stop', 'cache']);
        try {
          const started = performance.now();
          const read = await api(`/api/users/${user.id}`);
          expect(read.status).toBe(200);
          expect(json<User>(read).username).toBe(user.username);
          expect(header(read, 'x-cache')).toBe('MISS');
          expect(performance.now() - started).toBeLessThan(2000);
          expect((await api('/api/users')).status).toBe(200);
          await createUser('nocache-write');
          const health = await api('/api/health');
          expect(health.status).toBe(200);
          expect(json<Health>(health)).toEqual({ status: 'degraded', db: 'ok', cache: 'down' });
        } finally {
          await p.composeOk(['start', 'cache']);
        }
        await poll('cache back in /health', 60_000, async () => {
          const health = json<Health>(await api('/api/health'));
          return health.cache === 'ok' ? health : undefined;
        });
      });

      it.runIf(plan.api)('a killed API process is restarted by the restart policy and healthy again', async () => {
        const p = running();
        expect(await p.inspect('api', '{{.HostConfig.RestartPolicy.Name}}')).toMatch(/unless-stopped|always|on-failure/);
        const before = Number(await p.inspect('api', '{{.RestartCount}}'));
        const pid = Number(await p.inspect('api', '{{.State.Pid}}'));
        expect(pid).toBeGreaterThan(0);
        // SIGKILL to the process itself, as a crash would. `docker compose kill`
        // would not do: the engine marks the container as stopped by hand, and
        // a stopped-by-hand container is not restarted by its policy.
        const killed = performance.now();
        try {
          process.kill(pid, 'SIGKILL');
        } catch (error) {
          throw new Error(`cannot signal the API's process ${pid} from here (is dockerd in another PID namespace?): ${String(error)}`);
        }
        await poll('api restarted and healthy', 90_000, async () => {
          const [count, health] = (await p.inspect('api', '{{.RestartCount}} {{.State.Health.Status}}')).split(' ');
          return Number(count) > before && health === 'healthy' ? true : undefined;
        });
        timing.restartMs = performance.now() - killed;
        const health = await poll('API answering through the entry point', 30_000, async () => {
          const response = await api('/api/health');
          return response.status === 200 ? response : undefined;
        });
        expect(json<Health>(health).db).toBe('ok');
      });

      it.runIf(plan.api)('the API stops gracefully on SIGTERM (exit code 0, well before the 10 s kill)', async () => {
        const p = running();
        const stop = await p.composeOk(['stop', 'api']);
        try {
          expect(await p.inspect('api', '{{.State.ExitCode}}')).toBe('0');
          expect(stop.ms).toBeLessThan(8000);
        } finally {
          await p.composeOk(['start', 'api']);
        }
        await poll('api healthy again', 60_000, async () =>
          (await p.inspect('api', '{{.State.Health.Status}}')) === 'healthy' ? true : undefined,
        );
      });

      it.runIf(plan.backup)('backup, `down -v`, `up`, restore: the same rows come back; old dumps are pruned', async () => {
        const p = running();
        // Independent of the tests before it: start from an API that answers.
        await poll('API answering', 60_000, async () => ((await api('/api/health')).status === 200 ? true : undefined));
        const user = await createUser('backup');
        let orderId: number | undefined;
        if (plan.shop) {
          const products = json<Product[]>(await api('/api/products'));
          const ordered = await api('/api/orders', { method: 'POST', body: { user_id: user.id, product_id: products[0]!.id, quantity: 1 } });
          expect(ordered.status, ordered.text).toBe(201);
          orderId = json<Order>(ordered).id;
        }
        // A dump older than the retention, dated from the host through the bind mount.
        const keepDays = Number(p.envFile['BACKUP_KEEP_DAYS'] ?? '7');
        const stale = join(p.dir, 'backups', 'atelier-20000101T000000Z.dump');
        await writeFile(stale, 'stale');
        const old = new Date(Date.now() - (keepDays + 3) * 86_400_000);
        await utimes(stale, old, old);

        const backup = await p.exec('backup', 'sh /backup/backup.sh');
        expect(backup.code, backup.stderr).toBe(0);
        const dump = /backup: (\/backups\/\S+\.dump)/.exec(backup.stdout)?.[1];
        expect(dump, backup.stdout).toBeDefined();
        const kept = await readdir(join(p.dir, 'backups'));
        expect(kept).toContain(dump!.replace('/backups/', ''));
        expect(kept).not.toContain('atelier-20000101T000000Z.dump');

        await p.composeOk(['down', '-v', '--timeout', '5']);
        started = false;
        await p.composeOk(['up', '-d', '--wait', '--wait-timeout', '120'], 300_000);
        started = true;
        expect((await api(`/api/users/${user.id}`)).status, 'la base neuve ne doit pas contenir la ligne').toBe(404);

        const restore = await p.exec('backup', `sh /backup/restore.sh ${dump!}`, 120_000);
        expect(restore.code, `${restore.stdout}\n${restore.stderr}`).toBe(0);
        const read = await api(`/api/users/${user.id}`);
        expect(read.status, read.text).toBe(200);
        expect(json<User>(read)).toMatchObject({ id: user.id, username: user.username, email: user.email });
        if (orderId !== undefined) {
          const orders = json<Order[]>(await api('/api/orders'));
          expect(orders.map((o) => o.id)).toContain(orderId);
        }
      });

      it.runIf(plan.slug.startsWith('11-'))('db reads its password from a Compose secret file (POSTGRES_PASSWORD_FILE), not from its environment', async () => {
        const p = running();
        const env = await p.inspect('db', '{{json .Config.Env}}');
        expect(env).toContain('POSTGRES_PASSWORD_FILE=/run/secrets/db-password');
        expect(env).not.toMatch(/"POSTGRES_PASSWORD=/);
        const secret = await p.exec('db', 'cat /run/secrets/db-password');
        expect(secret.stdout.trim()).toBe(p.envFile['POSTGRES_PASSWORD']);
      });

      it.runIf(plan.scale)("`up --scale api=3`: the proxy's `resolve` upstream spreads requests over the three replicas", async () => {
        const p = running();
        // Only the api service: the proxy keeps running and must find the new replicas by itself.
        await p.composeOk(['up', '-d', '--no-deps', '--scale', 'api=3', 'api'], 300_000);
        try {
          const ids = await poll('three healthy api replicas', 180_000, async () => {
            const listed = (await p.composeOk(['ps', '-q', 'api'])).stdout.trim().split('\n').filter(Boolean);
            const states = await Promise.all(listed.map(async (id) => (await run('docker', ['inspect', '--format', '{{.State.Health.Status}}', id])).stdout.trim()));
            return listed.length === 3 && states.every((state) => state === 'healthy') ? listed : undefined;
          }).catch(async (error: unknown) => {
            throw new Error(`${String(error)}\n${await p.diagnostics()}`);
          });
          // Connections from another container to :3000 (0BB8) in state ESTABLISHED (01), read right
          // after a burst of requests: nginx keeps them open (keepalive) until Node's idle timeout.
          const fromProxy = async (id: string): Promise<number> => {
            // Node listens on `::`: IPv4 peers appear in tcp6 as mapped addresses (…FFFF0000<ip>).
            const tcp = await run('docker', ['exec', id, 'cat', '/proc/net/tcp', '/proc/net/tcp6']);
            return tcp.stdout.split('\n').filter((line) => /:0BB8 [0-9A-F]+:[0-9A-F]{4} 01 /.test(line) && !/:0BB8 [0-9A-F]*0100007F:/.test(line)).length;
          };
          const counts = await poll('requests reaching every replica', 60_000, async () => {
            await Promise.all(Array.from({ length: 30 }, () => api('/api/health')));
            const perReplica = await Promise.all(ids.map(fromProxy));
            return perReplica.every((count) => count > 0) ? perReplica : undefined;
          });
          expect(counts).toHaveLength(3);
        } finally {
          await p.composeOk(['up', '-d', '--no-deps', '--scale', 'api=1', 'api'], 300_000);
        }
      });

      it.runIf(plan.devOverride)('compose.dev.yaml: `docker compose watch` syncs an edited source file into the running API as its user', async () => {
        const p = running();
        const dev = ['-f', 'compose.yaml', '-f', 'compose.dev.yaml'];
        // --no-deps: only the API takes the development settings (node --watch); db keeps running.
        await p.composeOk([...dev, 'up', '-d', '--wait', '--no-deps', 'api'], 300_000);
        const [command, ...prefix] = await composeBinary();
        const watcher = spawn(command ?? 'docker', [...prefix, '-p', p.name, ...dev, 'watch', '--no-up', 'api'], { cwd: p.dir, env: p.env, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        watcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        watcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        try {
          await poll('watch to start', 60_000, async () => (/watch/i.test(output) ? true : undefined));
          const stamp = `synchronise-${Date.now()}`;
          // Retried: the first writes may land before the watcher has finished listing the tree.
          const synced = await poll('the edited file inside the container', 60_000, async () => {
            await writeFile(join(p.dir, 'api/src/watch-probe.txt'), `${stamp}\n`);
            const inside = await p.exec('api', 'cat /app/src/watch-probe.txt && stat -c %U /app/src/watch-probe.txt');
            return inside.stdout.startsWith(stamp) ? inside.stdout : undefined;
          });
          expect(synced.trim().split('\n')).toEqual([stamp, 'node']);
          expect(await p.inspect('api', '{{.Config.User}}')).toBe('node');
        } finally {
          watcher.kill('SIGINT');
          await p.composeOk(['up', '-d', '--wait', '--no-deps', 'api'], 300_000);
        }
      }, 240_000);

      it.runIf(plan.devOverride)('compose.dev.yaml: a real psql on the host reaches db on 127.0.0.1; a `ports` line alone publishes nothing (backend is internal)', async () => {
        const p = running();
        const credentials = {
          port: p.dbPort,
          user: p.envFile['POSTGRES_USER'] ?? 'atelier',
          database: p.envFile['POSTGRES_DB'] ?? 'atelier',
          password: p.envFile['POSTGRES_PASSWORD'] ?? '',
        };
        // The belief the course used to teach: the override's `ports` line, db still on `backend` only.
        await writeFile(join(p.dir, 'ports-only.yaml'), 'services:\n  db:\n    ports:\n      - "127.0.0.1:${DB_PORT:-5432}:5432"\n');
        const portsOnly = ['-f', 'compose.yaml', '-f', 'ports-only.yaml'];
        const dev = ['-f', 'compose.yaml', '-f', 'compose.dev.yaml'];
        try {
          await p.composeOk([...portsOnly, 'up', '-d', '--wait', 'db'], 180_000);
          const none = await p.compose([...portsOnly, 'port', 'db', '5432']);
          expect(none.code !== 0 || ['', ':0'].includes(none.stdout.trim()), `publié malgré internal : ${none.stdout}`).toBe(true);
          const refused = await hostPsql(credentials, 'SELECT 1');
          expect(refused.code, refused.stdout).not.toBe(0);

          await p.composeOk([...dev, 'up', '-d', '--wait', 'db'], 180_000);
          const published = await p.composeOk([...dev, 'port', 'db', '5432']);
          expect(published.stdout.trim()).toBe(`127.0.0.1:${p.dbPort}`);
          const query = await hostPsql(credentials, 'SELECT count(*) > 0 FROM users');
          expect(query.code, query.stderr).toBe(0);
          expect(query.stdout.trim()).toBe('t');
        } finally {
          await p.composeOk(['up', '-d', '--wait', 'db'], 180_000);
          await run('docker', ['network', 'rm', `${p.name}_poste-dev`]);
        }
      });

      // Last, as a learner would: the README's commands, in order, as written (ports and
      // placeholders substituted; a command that never returns is interrupted with Ctrl+C
      // once it has shown it works).
      // Its closing block (the `docker compose down…` lines that end it) runs after the
      // lesson's commands, so the stack is not started a second time for them.
      const readmeRun = async (p: ComposeProject, part: 'body' | 'closing'): Promise<void> => {
        const commands = readmeCommands(await readFile(join(p.dir, 'README.md'), 'utf8'));
        // The closing block: the `docker compose down…` commands that end the README.
        let closingStart = Infinity;
        for (const command of [...commands].reverse()) {
          if (!command.text.startsWith('docker compose down')) break;
          closingStart = command.line;
        }
        const report: string[] = [];
        try {
          for (const command of commands.filter((c) => (c.line < closingStart) === (part === 'body'))) {
            if (command.skip) {
              report.push(`  sauté  l.${command.line} ${command.text} (${command.skip})`);
              continue;
            }
            const where = `README l.${command.line}`;
            report.push(`  ÉCHEC  l.${command.line} ${command.text}${command.expect?.fails ? ' (doit échouer)' : ''}${command.interrupt ? ' (puis Ctrl+C)' : ''}`);
            if (command.interrupt) await runUntilInterrupted(p, where, command.text, command.expect);
            else await runDocCommand(p, where, command.text, command.expect);
            report[report.length - 1] = report.at(-1)!.replace('ÉCHEC ', 'ok    ');
            ran.set(await asRun(p, command.text), where);
            // A reference guide may stop the stack mid-way (Ctrl+C stops a foreground `up`): the harness starts it again, as the next command needs.
            if ((/^docker compose( -f \S+)* (down|stop)\b/.test(command.text) || (command.interrupt && /^docker compose( -f \S+)* up\b/.test(command.text))) && part === 'body') {
              const again = command.text.includes(' stop') ? null : await run('docker', ['compose', 'up', '--wait'], { cwd: p.dir, env: docEnv(p), timeoutMs: 300_000 });
              if (again) expect(again.code, again.stderr).toBe(0);
            }
          }
        } finally {
          console.log(`${plan.slug}: commandes du README${part === 'closing' ? ', la fin' : ''}\n${report.join('\n')}`);
        }
      };
      it.runIf(plan.readme)('runs every command of its README, in order, as written', () => readmeRun(running(), 'body'), 1_800_000);

      // Then the lesson's own commands, against the same stack: its « Terminal » blocks and
      // the complete commands of its prose, in order (scripts/stacks/lesson-commands.ts; what
      // is not run says why, scripts/stacks/lesson-command-plan.ts). A command the README
      // already ran as written is not run twice, unless the lesson says what it prints.
      it.runIf(lesson !== undefined)('runs the commands its lesson shows, in order, as written', async () => {
        const p = running();
        const table = loadCliTable();
        const commands = lessonCommands(await readFile(join(repoRoot, 'src/content/lessons', lesson!, 'index.mdx'), 'utf8'));
        const report: string[] = [];
        // A command left containers stopped, removed or restarting: the next one that needs them finds the stack
        // started and healthy again, as a learner would wait before typing on.
        let stale = true;
        const started = async (): Promise<void> => {
          const up = await run('docker', ['compose', 'up', '-d', '--wait', '--wait-timeout', '120'], { cwd: p.dir, env: docEnv(p), timeoutMs: 300_000 });
          expect(up.code, up.stderr).toBe(0);
          stale = false;
        };
        const counts = { run: 0, skipped: 0, again: 0 };
        try {
          for (const planned of commands.map((command) => planLessonCommand(lesson!, command, table))) {
            const { command } = planned;
            const label = `l.${command.line}${command.source === 'inline' ? ' (texte)' : ''} ${command.text.replace(/\s*\\\n\s*/g, ' ')}`;
            if (!planned.run) {
              counts.skipped += 1;
              report.push(`  sauté  ${label} (${planned.why})`);
              continue;
            }
            // Given to run elsewhere or with a value to choose: what the plan runs instead, each checked.
            if (planned.runs) {
              for (const instead of planned.runs) {
                if (stale) await started();
                const where = `leçon ${lesson} l.${command.line}`;
                report.push(`  ÉCHEC  ${label} → ${instead.text}${instead.expect?.fails ? ' (doit échouer)' : ''}`);
                await runDocCommand(p, where, instead.text, instead.expect);
                report[report.length - 1] = report.at(-1)!.replace('ÉCHEC ', 'ok    ');
                counts.run += 1;
              }
              continue;
            }
            const key = await asRun(p, command.text);
            // Already run, unless it is an `up` or a `start`: what came since (Ctrl+C on `up`, a `down`, a README
            // scaling back to one replica) may have changed the state it sets, and running it again is cheap.
            const sets = /^docker compose( -f \S+)* (up|start)\b/.test(command.text);
            if (ran.has(key) && !planned.expect && !sets) {
              counts.again += 1;
              report.push(`  déjà   ${label} (${ran.get(key)})`);
              continue;
            }
            const needsStack = !/^(cp |docker compose( -f \S+)* (up|start|config|ls|version|down|ps)\b)/.test(command.text);
            if (stale && needsStack) await started();
            const where = `leçon ${lesson} l.${command.line}`;
            report.push(`  ÉCHEC  ${label}${planned.expect?.fails ? ' (doit échouer)' : ''}${planned.interrupt ? ' (puis Ctrl+C)' : ''}`);
            if (planned.interrupt) await runUntilInterrupted(p, where, command.text, planned.expect);
            else await runDocCommand(p, where, command.text, planned.expect);
            report[report.length - 1] = report.at(-1)!.replace('ÉCHEC ', 'ok    ');
            counts.run += 1;
            ran.set(key, where);
            if (/^docker compose( -f \S+)* (up|start)\b/.test(command.text)) stale = false;
            // Ctrl+C on a foreground `up` stops the containers, as on a learner's machine.
            if (/^docker compose( -f \S+)* (down|stop|kill|rm|restart)\b|\bexec \S+ kill\b/.test(command.text) || (planned.interrupt && /^docker compose( -f \S+)* up\b/.test(command.text))) stale = true;
          }
        } finally {
          console.log(`${plan.slug}: commandes de la leçon ${lesson} (${counts.run} exécutées, ${counts.again} déjà exécutées, ${counts.skipped} sautées)\n${report.join('\n')}`);
        }
      }, 1_800_000);

      it.runIf(plan.readme)('ends as its README ends: its closing commands, as written', () => readmeRun(running(), 'closing'), 600_000);
    });
  });
}
