// Contract of postgres:17-alpine as the stacks rely on it (the official image's
// documented environment variables, init scripts, command and tools).
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerDisabled, dockerOk, logs, requireImage, Scratch, waitFor } from './support/docker.ts';

const image = 'postgres:17-alpine';
const fixtures = resolve(import.meta.dirname, 'fixtures/postgres');
const scratch = new Scratch();

/** Ready over TCP: during initialisation the server listens on its socket only. */
async function waitReady(container: string, user: string): Promise<void> {
  await waitFor(
    `${container} to accept TCP connections`,
    async () => (await docker(['exec', container, 'pg_isready', '-h', '127.0.0.1', '-U', user])).code === 0,
    () => logs(container),
  );
}

let network: string;

/**
 * psql from another container on the same network, as a stack's API connects:
 * from 127.0.0.1 the image trusts every connection, from elsewhere it asks for
 * the password.
 */
function psqlOverTcp(container: string, user: string, database: string, password: string, sql: string) {
  return docker([
    'run', '--rm', '--network', network, '-e', `PGPASSWORD=${password}`, image,
    'psql', '-h', container, '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-tA', '-c', sql,
  ]);
}

describe.skipIf(dockerDisabled)(image, () => {
  beforeAll(async () => {
    await requireImage(image);
    network = await scratch.network();
  });
  afterAll(() => scratch.cleanup());

  it('refuses to initialise without POSTGRES_PASSWORD and says which variable to set', async () => {
    const result = await docker(['run', '--rm', image]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('POSTGRES_PASSWORD');
  });

  it('refuses a variable given both directly and as _FILE', async () => {
    const result = await docker(['run', '--rm', '-e', 'POSTGRES_PASSWORD=a', '-e', 'POSTGRES_PASSWORD_FILE=/etc/hostname', image]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/POSTGRES_PASSWORD.*POSTGRES_PASSWORD_FILE/);
  });

  describe('first start with _FILE secrets and init scripts', () => {
    let db: string;

    beforeAll(async () => {
      db = await scratch.start('pg', [
        '--network', network,
        '-e', 'POSTGRES_PASSWORD_FILE=/run/secrets/password',
        '-e', 'POSTGRES_USER_FILE=/run/secrets/user',
        '-e', 'POSTGRES_DB_FILE=/run/secrets/database',
        '-v', `${fixtures}/secrets:/run/secrets:ro`,
        '-v', `${fixtures}/initdb:/docker-entrypoint-initdb.d:ro`,
        image,
      ]);
      await waitReady(db, 'atelier');
    });

    it('creates the user and database named in the files, with the password from the file', async () => {
      const result = await psqlOverTcp(db, 'atelier', 'boutique', 'fichier-secret-42', 'SELECT current_user, current_database()');
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('atelier|boutique');
    });

    it('rejects a wrong password over the network', async () => {
      const result = await psqlOverTcp(db, 'atelier', 'boutique', 'not-the-password', 'SELECT 1');
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('password authentication failed');
    });

    it('runs *.sql, *.sh (executable or sourced), *.sql.gz and *.sql.xz in name order, as the postgres user', async () => {
      const rows = await psqlOverTcp(db, 'atelier', 'boutique', 'fichier-secret-42', 'SELECT step, os_user FROM init_log ORDER BY id');
      expect(rows.stdout.trim().split('\n')).toEqual([
        '01-schema.sql|sql',
        '02-os-user.sh|postgres',
        '03-data.sql.gz|sql',
        '04-sourced.sh|sql',
        '05-data.sql.xz|sql',
      ]);
      expect(await logs(db)).toContain('ignoring /docker-entrypoint-initdb.d/README.txt');
    });

    it('answers pg_isready and has the client tools, bash, busybox wget and no curl on PATH', async () => {
      expect((await docker(['exec', db, 'pg_isready'])).code).toBe(0);
      const tools = await dockerOk(['exec', db, 'sh', '-c', 'for t in psql pg_dump pg_restore pg_isready bash wget curl; do command -v "$t" >/dev/null && echo "$t"; done; true']);
      expect(tools.trim().split('\n')).toEqual(['psql', 'pg_dump', 'pg_restore', 'pg_isready', 'bash', 'wget']);
    });

    it('runs the server as the postgres user and keeps its data in /var/lib/postgresql/data', async () => {
      const owner = await dockerOk(['exec', db, 'sh', '-c', 'stat -c %U /proc/1 && id -u postgres && echo "$PGDATA" && stat -c %U "$PGDATA/PG_VERSION"']);
      expect(owner.trim().split('\n')).toEqual(['postgres', expect.stringMatching(/^(70|999)$/), '/var/lib/postgresql/data', 'postgres']);
      const volumes = await dockerOk(['image', 'inspect', '--format', '{{json .Config.Volumes}}', image]);
      expect(JSON.parse(volumes)).toHaveProperty(['/var/lib/postgresql/data']);
    });

    it('does not run the init scripts again when the data directory holds a database', async () => {
      await dockerOk(['restart', db]);
      await waitReady(db, 'atelier');
      const count = await psqlOverTcp(db, 'atelier', 'boutique', 'fichier-secret-42', 'SELECT count(*) FROM init_log');
      expect(count.stdout.trim()).toBe('5');
      expect(await logs(db)).toMatch(/skipping initiali[sz]ation/i);
    });
  });

  it('defaults the database to the user, honours PGDATA and POSTGRES_INITDB_ARGS, passes postgres -c options through (init included)', async () => {
    const db = await scratch.start('pg', [
      '--network', network,
      '-e', 'POSTGRES_PASSWORD=motdepasse',
      '-e', 'POSTGRES_USER=alice',
      '-e', 'POSTGRES_INITDB_ARGS=--data-checksums',
      // The documented pattern for a mount point that is not empty (lost+found).
      '-e', 'PGDATA=/var/lib/postgresql/data/pgdata',
      '-v', `${fixtures}/initdb-settings:/docker-entrypoint-initdb.d:ro`,
      image, 'postgres', '-c', 'max_connections=42', '-c', 'shared_buffers=64MB',
    ]);
    await waitReady(db, 'alice');
    const settings = ['data_directory', 'data_checksums', 'max_connections', 'shared_buffers'].map((name) => `current_setting('${name}')`);
    const result = await psqlOverTcp(db, 'alice', 'alice', 'motdepasse', `SELECT current_database(), ${settings.join(', ')}`);
    expect(result.stdout.trim()).toBe('alice|/var/lib/postgresql/data/pgdata|on|42|64MB');
    const duringInit = await psqlOverTcp(db, 'alice', 'alice', 'motdepasse', 'SELECT max_connections FROM init_settings');
    expect(duringInit.stdout.trim()).toBe('42');
  });

  // Lesson 09: since PostgreSQL 16, initdb writes its -c settings into
  // postgresql.conf. They persist, frozen: changing the variable later does nothing.
  it('writes POSTGRES_INITDB_ARGS -c settings into postgresql.conf once: they persist, a changed value is ignored', async () => {
    const volume = scratch.volume();
    const start = (connections: number) =>
      scratch.start('pg', [
        '--network', network, '-e', 'POSTGRES_PASSWORD=motdepasse', '-e', `POSTGRES_INITDB_ARGS=-c max_connections=${connections}`,
        '-v', `${volume}:/var/lib/postgresql/data`, image,
      ]);
    const first = await start(33);
    await waitReady(first, 'postgres');
    expect((await psqlOverTcp(first, 'postgres', 'postgres', 'motdepasse', 'SHOW max_connections')).stdout.trim()).toBe('33');
    expect(await dockerOk(['exec', first, 'cat', '/var/lib/postgresql/data/postgresql.conf'])).toMatch(/^max_connections = 33\b/m);
    await dockerOk(['rm', '-f', first]);
    const second = await start(77);
    await waitReady(second, 'postgres');
    expect((await psqlOverTcp(second, 'postgres', 'postgres', 'motdepasse', 'SHOW max_connections')).stdout.trim()).toBe('33');
  });

  // Lesson 09's callout: an audit trigger that returns NEW on DELETE, as BEFORE ... FOR EACH ROW,
  // returns NULL and so silently cancels the delete; AFTER ignores the return value.
  it('a BEFORE DELETE row trigger that returns NEW cancels the delete; an AFTER trigger does not', async () => {
    const db = await scratch.start('pg', ['--network', network, '-e', 'POSTGRES_PASSWORD=motdepasse', image]);
    await waitReady(db, 'postgres');
    const sql = (statement: string) => psqlOverTcp(db, 'postgres', 'postgres', 'motdepasse', statement);
    const setup = await sql(`
      CREATE TABLE items (id int PRIMARY KEY);
      CREATE TABLE audit (op text, id int);
      INSERT INTO items VALUES (1), (2);
      CREATE FUNCTION audit_items() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit VALUES (TG_OP, COALESCE(NEW.id, OLD.id));
        RETURN NEW;
      END $$;
      CREATE TRIGGER before_audit BEFORE DELETE ON items FOR EACH ROW EXECUTE FUNCTION audit_items();`);
    expect(setup.code, setup.stderr).toBe(0);
    await sql('DELETE FROM items WHERE id = 1');
    expect((await sql('SELECT count(*) FROM items WHERE id = 1')).stdout.trim()).toBe('1');
    await sql('DROP TRIGGER before_audit ON items; CREATE TRIGGER after_audit AFTER DELETE ON items FOR EACH ROW EXECUTE FUNCTION audit_items();');
    await sql('DELETE FROM items WHERE id = 1');
    expect((await sql('SELECT count(*) FROM items WHERE id = 1')).stdout.trim()).toBe('0');
  });

  it('accepts options alone as the command (`-c ...` means `postgres -c ...`) and trust without a password', async () => {
    const db = await scratch.start('pg', ['--network', network, '-e', 'POSTGRES_HOST_AUTH_METHOD=trust', image, '-c', 'max_connections=17']);
    await waitReady(db, 'postgres');
    const result = await psqlOverTcp(db, 'postgres', 'postgres', '', 'SHOW max_connections');
    expect(result.stdout.trim()).toBe('17');
  });
});
