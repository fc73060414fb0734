import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importZip } from './zip-import.ts';

describe('importZip', () => {
  it('reads the engine files under the archive top folder and skips the rest', () => {
    const zip = zipSync({
      'stack/compose.yaml': strToU8('services: {}\n'),
      'stack/nginx/client.conf': strToU8('server {}\n'),
      'stack/api/src/index.js': strToU8('console.log(1)'),
    });
    expect(importZip('stack.zip', zip)).toEqual({ files: { 'compose.yaml': 'services: {}\n', 'nginx/client.conf': 'server {}\n' }, refused: [] });
  });
  it('names binary entries it refuses', () => {
    const zip = zipSync({ 'compose.yaml': strToU8('services: {}\n'), 'bad.conf': new Uint8Array([0, 0, 1]) });
    const outcome = importZip('p.zip', zip);
    expect(outcome.files).toEqual({ 'compose.yaml': 'services: {}\n' });
    expect(outcome.refused[0]).toContain('« bad.conf »');
  });
  it('refuses a damaged archive in French', () => {
    expect(importZip('abime.zip', new Uint8Array([1, 2, 3, 4]))).toEqual({ files: {}, refused: [expect.stringContaining('« abime.zip »')] });
  });
});
