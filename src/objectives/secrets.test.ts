import { describe, expect, it } from 'vitest';
import { serviceOf } from './objective-tester.ts';
import { requiresVariable, takesFromRequired } from './secrets.ts';

describe('requiresVariable', () => {
  it('accepts ${NAME:?message} and ${NAME?message}, nothing around them', () => {
    expect(requiresVariable('${DB_PASSWORD:?définissez-le}')).toBe(true);
    expect(requiresVariable(' ${DB_PASSWORD?} ')).toBe(true);
    expect(requiresVariable('${DB_PASSWORD:-secret}')).toBe(false);
    expect(requiresVariable('${DB_PASSWORD}')).toBe(false);
    expect(requiresVariable('x${DB_PASSWORD:?a}')).toBe(false);
    expect(requiresVariable('${DB_PASSWORD:?a}x')).toBe(false);
    expect(requiresVariable(undefined)).toBe(false);
  });

  it('checks the variable’s name when asked', () => {
    expect(requiresVariable('${POSTGRES_PASSWORD:?a}', 'POSTGRES_PASSWORD')).toBe(true);
    expect(requiresVariable('${POSTGRES_USER:?a}', 'POSTGRES_PASSWORD')).toBe(false);
  });
});

describe('takesFromRequired', () => {
  it('finds the variable set from a required one', () => {
    const app = serviceOf('    environment:\n      PGPASSWORD: ${POSTGRES_PASSWORD:?a}\n      OTHER: x\n');
    expect(takesFromRequired(app, 'PGPASSWORD', 'POSTGRES_PASSWORD')).toBe(true);
    expect(takesFromRequired(app, 'PGPASSWORD')).toBe(true);
    expect(takesFromRequired(app, 'PGPASSWORD', 'DB_PASSWORD')).toBe(false);
    expect(takesFromRequired(app, 'OTHER')).toBe(false);
    expect(takesFromRequired(undefined, 'PGPASSWORD')).toBe(false);
  });
});
