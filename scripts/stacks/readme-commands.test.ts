import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeCommands, splitComment, substitute } from './readme-commands.ts';

describe('the commands of a stack README', () => {
  it('are the lines of its sh blocks, in order, comments apart, continuation lines joined', () => {
    const markdown = ['Texte', '```sh', 'cp .env.example .env', "docker compose up --wait   # démarre", '```', '```yaml', 'a: 1', '```', '```sh', 'curl -X POST http://localhost:8080/api/users \\', "  -d '{\"a\": \"# pas un commentaire\"}'", '```'].join('\n');
    expect(readmeCommands(markdown).map((c) => [c.line, c.text, c.comment])).toEqual([
      [3, 'cp .env.example .env', ''],
      [4, 'docker compose up --wait', 'démarre'],
      [10, "curl -X POST http://localhost:8080/api/users \\\n  -d '{\"a\": \"# pas un commentaire\"}'", ''],
    ]);
  });

  it('mark, with their reason, the commands that never return: run, then interrupted with Ctrl+C', () => {
    const commands = readmeCommands('```sh\ndocker compose logs -f api\ndocker compose logs --tail 50\ndocker compose up\ndocker compose up -d api\ndocker compose -f a.yaml watch\n```\n');
    expect(commands.map((c) => c.interrupt !== undefined)).toEqual([true, false, true, false, true]);
    expect(commands.every((c) => c.skip === undefined)).toBe(true);
  });

  it('read what the comment promises: an HTTP status, or no output', () => {
    const commands = readmeCommands('```sh\ncurl -i http://localhost:8080/x # 404 : un vrai 404\ndocker compose config -q  # aucune sortie si tout va bien\n```\n');
    expect(commands.map((c) => c.expect)).toEqual([{ status: 404 }, { empty: true }]);
  });

  it('read a comment line above a command as speaking about it: a failure, a printed text', () => {
    const commands = readmeCommands("```sh\n# Le client ne peut pas joindre la base : la commande échoue.\ndocker compose exec client getent hosts db\n\n# Refusé : « permission denied ».\npsql -c 'CREATE TABLE t (id int)'\ndocker compose ps   # chaque service est « healthy »\n```\n");
    expect(commands.map((c) => c.expect)).toEqual([{ fails: true }, { fails: true, contains: 'permission denied' }, { contains: 'healthy' }]);
  });

  it('substitute the harness ports and placeholders, leaving the README as it is', () => {
    const values = { httpPort: 40001, httpsPort: 40002, dbPort: 40003, latestDump: '/backups/atelier-20261206T101010Z.dump' };
    expect(substitute('curl -k https://localhost:8443/api && curl http://localhost:8080/', values)).toBe('curl -k https://localhost:40002/api && curl http://localhost:40001/');
    expect(substitute('psql -h 127.0.0.1 -U atelier atelier', values)).toBe('psql -h 127.0.0.1 -p 40003 -U atelier atelier');
    expect(substitute('sh /backup/restore.sh /backups/atelier-AAAAMMJJTHHMMSSZ.dump', values)).toBe('sh /backup/restore.sh /backups/atelier-20261206T101010Z.dump');
    expect(splitComment("echo '#x' # y")).toEqual({ text: "echo '#x'", comment: 'y' });
  });

  it('find commands in every chapter README', () => {
    for (const slug of ['01-introduction', '04-client', '10-commandes']) {
      const readme = readFileSync(join(import.meta.dirname, '../../stacks', slug, 'README.md'), 'utf8');
      expect(readmeCommands(readme).length, slug).toBeGreaterThan(3);
    }
  });
});
