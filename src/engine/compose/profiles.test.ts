import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';

// The project `docker compose config --services` was asked about in
// src/cli/fixtures/profiles (see src/cli/compose-oracle.test.ts).
const COMPOSE = `services:
  web:
    image: nginx:1.30-alpine
    depends_on:
      cache:
        condition: service_started
        required: false
  cache:
    image: redis:8-alpine
    profiles: [cache]
  debug:
    image: alpine:3.22
    profiles: [debug, tools]
    volumes:
      - debug-data:/data
    networks: [debug-net]
`;

function run(profiles: string[] | undefined) {
  return checkProject([{ path: 'compose.yaml', text: COMPOSE }], profiles === undefined ? {} : { profiles });
}

describe('Compose profiles', () => {
  it('keeps only the services without profiles when none is active', () => {
    const { compose } = run([]);
    expect([...compose!.model.services.keys()]).toEqual(['web']);
    expect([...compose!.inactiveServices.keys()]).toEqual(['cache', 'debug']);
  });

  it('starts a service when any of its profiles is active, and every service with *', () => {
    expect([...run(['tools']).compose!.model.services.keys()]).toEqual(['web', 'debug']);
    expect([...run(['*']).compose!.model.services.keys()]).toEqual(['web', 'cache', 'debug']);
  });

  it('keeps every service when no profile list is given (the workshop)', () => {
    expect([...run(undefined).compose!.model.services.keys()]).toEqual(['web', 'cache', 'debug']);
  });

  it('does not check the references of a service the profiles leave out, as compose-go checks only active ones', () => {
    const ids = (profiles: string[]) => run(profiles).diagnostics.map((d) => d.ruleId);
    expect(ids([])).not.toContain('undefined-volume');
    expect(ids([])).not.toContain('undefined-network');
    expect(ids(['debug'])).toEqual(expect.arrayContaining(['undefined-volume', 'undefined-network']));
  });

  it('still reports a required dependency on a left-out service, as `docker compose` refuses it', () => {
    const text = 'services:\n  api:\n    image: node:24-alpine\n    depends_on: [db]\n  db:\n    image: postgres:17-alpine\n    profiles: [db]\n';
    const inactive = checkProject([{ path: 'compose.yaml', text }], { profiles: [] }).diagnostics.filter((d) => d.ruleId === 'unknown-dependency');
    expect(inactive.map((d) => [d.messageId, d.range.start.line])).toEqual([['inactive', 4]]);
    expect(inactive[0]!.message).toContain('--profile db');
    expect(checkProject([{ path: 'compose.yaml', text }], { profiles: ['db'] }).diagnostics.filter((d) => d.ruleId === 'unknown-dependency')).toEqual([]);
  });

  it('still interpolates a left-out service: its missing required variable is an error', () => {
    const text = 'services:\n  web:\n    image: nginx:1.30-alpine\n  db:\n    image: postgres:17-alpine\n    profiles: [db]\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?}\n';
    const ids = checkProject([{ path: 'compose.yaml', text }], { profiles: [] }).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('required-variable');
  });
});
