import { describe, expect, it } from 'vitest';
import { shellCommands } from './shell-words.ts';

const words = (line: string): string[][] => shellCommands(line).map((c) => c.words.map((w) => w.text));

describe('the simple commands of a lesson line', () => {
  it('removes quotes as the shell does, keeping what is inside', () => {
    expect(words(`docker compose exec db sh -c 'psql -U "$POSTGRES_USER"'`)).toEqual([['docker', 'compose', 'exec', 'db', 'sh', '-c', 'psql -U "$POSTGRES_USER"']]);
    expect(words(`redis-cli -a "$REDIS_PASSWORD" ping`)).toEqual([['redis-cli', '-a', '$REDIS_PASSWORD', 'ping']]);
  });

  it('splits on && | ; and drops redirections with their targets', () => {
    expect(words('docker compose config -q && docker compose up --wait')).toEqual([['docker', 'compose', 'config', '-q'], ['docker', 'compose', 'up', '--wait']]);
    expect(words('docker stack config -c compose.yaml > /dev/null && echo "stack valide"')).toEqual([['docker', 'stack', 'config', '-c', 'compose.yaml'], ['echo', 'stack valide']]);
    expect(words('redis-cli ping 2>&1 | grep -q PONG')).toEqual([['redis-cli', 'ping'], ['grep', '-q', 'PONG']]);
  });

  it('parses $(…) substitutions as commands of their own and marks the word dynamic', () => {
    const [command] = shellCommands(`docker inspect --format '{{json .State.Health}}' $(docker compose ps -q api)`);
    expect(command!.words.map((w) => w.dynamic)).toEqual([false, false, false, false, true]);
    expect(command!.substitutions.map((c) => c.words.map((w) => w.text))).toEqual([['docker', 'compose', 'ps', '-q', 'api']]);
  });

  it('joins continued lines and reads <placeholders> as words', () => {
    expect(words('docker run -d \\\n  --name db postgres:17-alpine')).toEqual([['docker', 'run', '-d', '--name', 'db', 'postgres:17-alpine']]);
    expect(words('docker compose exec <service> which curl')).toEqual([['docker', 'compose', 'exec', '<service>', 'which', 'curl']]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => shellCommands(`echo 'oops`)).toThrow(/unclosed/);
  });
});
