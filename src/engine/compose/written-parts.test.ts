import { describe, expect, it } from 'vitest';
import { splitOutsideVariables } from './written-parts.ts';

describe('splitOutsideVariables', () => {
  it('splits a port mapping without cutting its variable default', () => {
    expect(splitOutsideVariables('${HTTP_PORT:-8080}:80')).toEqual(['${HTTP_PORT:-8080}', '80']);
    expect(splitOutsideVariables('127.0.0.1:8080:80')).toEqual(['127.0.0.1', '8080', '80']);
  });

  it('keeps nested defaults and escaped dollars in one part', () => {
    expect(splitOutsideVariables('${DATA:-${HOME:-/root}/data}:/data:ro')).toEqual(['${DATA:-${HOME:-/root}/data}', '/data', 'ro']);
    expect(splitOutsideVariables('$${literal}:80')).toEqual(['$${literal}', '80']);
  });
});
