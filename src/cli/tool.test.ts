import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_NAME, TOOL_VERSION } from './tool.ts';

describe('tool identity in the reports', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect({ name: TOOL_NAME, version: TOOL_VERSION }).toEqual({ name: pkg.name, version: pkg.version });
  });
});
