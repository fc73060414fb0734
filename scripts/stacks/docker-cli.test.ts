// The Docker CLI and Compose grammar recorded from the real tools, and the
// parser that reads the lessons' commands against it.
import { describe, expect, it } from 'vitest';
import { parseHelp } from '../oracle/record-docker-cli.ts';
import { versions } from '../../src/data/versions.ts';
import { loadCliTable, parseDocker, usageSlots } from './docker-cli.ts';
import { shellCommands } from './shell-words.ts';

const table = loadCliTable();
const parse = (line: string) => {
  const [command] = shellCommands(line);
  return parseDocker(command!.words.map((w) => w.text), table, { dynamic: command!.words.map((w) => w.dynamic) });
};

describe('the recorded grammar', () => {
  it('comes from the oracle release of Compose and from a Docker CLI', () => {
    expect(table.recordedWith.compose).toMatch(new RegExp(`^${versions.compose.oracle.replace(/\./g, '\\.')}\\b`));
    expect(table.recordedWith.docker).toMatch(/^\d+\.\d+\.\d+/);
    for (const command of ['docker compose up', 'docker compose exec', 'docker compose watch', 'docker network inspect', 'docker stack deploy', 'docker node update']) {
      expect(table.commands[command], command).toBeDefined();
    }
  });

  it('reads pflag usage lines: short and long names, and a type word for flags that take a value', () => {
    const help = [
      'Usage:  docker compose logs [OPTIONS] [SERVICE...]',
      '',
      'View output from containers',
      '',
      'Aliases:',
      '  docker compose logs, docker compose log',
      '',
      'Options:',
      '  -f, --follow            Follow log output',
      '      --since string      Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or',
      '                          relative (e.g. 42m for 42 minutes)',
      '  -n, --tail string       Number of lines to show from the end of the logs',
      '',
    ].join('\n');
    expect(parseHelp(help)).toEqual({
      usage: 'docker compose logs [OPTIONS] [SERVICE...]',
      aliases: ['docker compose logs', 'docker compose log'],
      flags: [{ long: 'follow', short: 'f' }, { long: 'since', value: 'string' }, { long: 'tail', short: 'n', value: 'string' }],
      subcommands: [],
    });
  });

  it('reads the positional slots of a usage line', () => {
    expect(usageSlots('docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]')).toEqual([
      { name: 'SERVICE', optional: false, variadic: false },
      { name: 'COMMAND', optional: false, variadic: false },
      { name: 'ARGS', optional: true, variadic: true },
    ]);
  });
});

describe('a docker command line parsed as the tools would', () => {
  it('accepts what Compose 2.40 and the Docker CLI accept', () => {
    for (const line of [
      'docker compose up --wait --scale api=3',
      'docker compose -f compose.yaml -f compose.dev.yaml up -d',
      'docker compose logs -f --since 10m api',
      'docker compose logs --tail 20 api',
      'docker compose --profile outils run --rm psql -c "SELECT 1"',
      `docker compose exec db sh -c 'psql -U "$POSTGRES_USER"'`,
      'docker compose ps -a',
      `docker inspect --format '{{json .State.Health}}' $(docker compose ps -q api)`,
      'docker ps -q',
      'docker stack deploy --detach=false -c compose.yaml atelier',
      'docker node update --availability drain worker-2',
    ]) {
      expect(parse(line).problems, line).toEqual([]);
    }
  });

  it('names the container command of exec and run, and stops reading flags there', () => {
    expect(parse(`docker compose exec -T db psql -c 'SELECT 1'`)).toMatchObject({ path: 'docker compose exec', positionals: [{ text: 'db', slot: 'SERVICE' }], inner: ['psql', '-c', 'SELECT 1'] });
    expect(parse('docker compose run --rm psql -c x').inner).toEqual(['-c', 'x']);
  });

  it('refuses what the tools refuse', () => {
    const problems = (line: string): string => parse(line).problems.join(' | ');
    expect(problems('docker compose up --detached')).toMatch(/option inconnue --detached/);
    expect(problems('docker compose up -f compose.yaml')).toMatch(/option inconnue -f/); // root flags are not persistent
    expect(problems('docker compose exec')).toMatch(/il manque SERVICE COMMAND/);
    expect(problems('docker compose logs --tail')).toMatch(/--tail attend une valeur/);
    expect(problems('docker compose up --wait-timeout soon')).toMatch(/nombre entier/);
    expect(problems('docker compose stop --timeout 10s')).toMatch(/nombre entier/);
    expect(problems('docker compose upp')).toMatch(/commande inconnue « upp »/);
    expect(problems('docker network')).toMatch(/il manque la sous-commande/);
    expect(problems('docker compose version extra')).toMatch(/argument en trop/);
  });
});
