import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import { inlineSecret } from './inline-secret.ts';

describe('inline-secret in a connection URL', () => {
  const messagesFor = (line: string): string[] =>
    checkProject([{ path: 'compose.yaml', text: `services:\n  api:\n    image: node:24-alpine\n    environment:\n      - ${line}\n` }], { partial: true })
      .diagnostics.filter((d) => d.ruleId === inlineSecret.id)
      .map((d) => d.message);

  it('suggests the learner’s own Redis URL with a variable, not a PostgreSQL one', () => {
    const [message] = messagesFor('REDIS_URL=redis://:pass@cache:6379');
    expect(message).toContain('`redis://:${REDIS_PASSWORD}@cache:6379`');
    expect(message).not.toContain('postgresql');
  });

  it('keeps the user and the database of a PostgreSQL URL', () => {
    const [message] = messagesFor('DATABASE_URL=postgresql://atelier:motdepasse@db:5432/atelier');
    expect(message).toContain('`postgresql://atelier:${POSTGRES_PASSWORD}@db:5432/atelier`');
    expect(message).toContain('définissez `POSTGRES_PASSWORD`');
  });

  it('names the variable after the URL variable for other schemes, and shortens a long URL', () => {
    const [message] = messagesFor(`BROKER_URL=nats://u:p@${'h'.repeat(300)}:4222`);
    expect(message).toContain('`nats://u:${BROKER_PASSWORD}@hhh');
    expect(message).toContain('…`');
    expect(message!.length).toBeLessThan(400);
  });
});
