import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES } from './files.ts';
import { importZip, MAX_ARCHIVE_ENTRIES } from './zip-import.ts';

/** A one-entry zip whose local and central headers declare `declared` bytes for `name`, whatever the data holds. */
function lyingZip(name: string, content: Uint8Array, declared: number): Uint8Array {
  const zip = zipSync({ [name]: content }, { level: 1 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  view.setUint32(22, declared, true); // local header: uncompressed size
  const central = zip.length - 22 - (46 + name.length);
  view.setUint32(central + 24, declared, true); // central directory: uncompressed size
  return zip;
}

describe('importZip', () => {
  it('reads the engine files under the archive top folder, keeps their folders, and skips the rest', () => {
    const zip = zipSync({
      'stack/compose.yaml': strToU8('services: {}\n'),
      'stack/nginx/proxy.conf.template': strToU8('server {}\n'),
      'stack/api/src/index.js': strToU8('console.log(1)'),
    });
    expect(importZip('stack.zip', zip)).toEqual({
      files: { 'compose.yaml': 'services: {}\n', 'nginx/proxy.conf.template': 'server {}\n' },
      refused: [],
      renamed: [],
    });
  });
  it('names binary entries it refuses', () => {
    const zip = zipSync({ 'compose.yaml': strToU8('services: {}\n'), 'bad.conf': new Uint8Array([0, 0, 1]) });
    const outcome = importZip('p.zip', zip);
    expect(outcome.files).toEqual({ 'compose.yaml': 'services: {}\n' });
    expect(outcome.refused).toEqual([{ name: 'bad.conf', reason: 'binary' }]);
  });
  it('offers .env.example as .env', () => {
    const outcome = importZip('p.zip', zipSync({ 'p/compose.yaml': strToU8('services: {}\n'), 'p/.env.example': strToU8('A=1\n') }));
    expect(outcome.files['.env']).toBe('A=1\n');
    expect(outcome.renamed).toEqual([{ from: '.env.example', to: '.env' }]);
  });
  it('refuses a damaged archive', () => {
    expect(importZip('abime.zip', new Uint8Array([1, 2, 3, 4])).refused).toEqual([{ name: 'abime.zip', reason: 'archive-unreadable' }]);
  });
  it('refuses an archive of 100,000 entries from its directory, without inflating any', () => {
    const entries = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`f${i}.conf`, new Uint8Array(0)]));
    const zip = zipSync(entries, { level: 0 });
    const started = performance.now();
    expect(importZip('bombe.zip', zip).refused).toEqual([{ name: 'bombe.zip', reason: 'archive-too-many-entries' }]);
    console.log(`100,000 entries refused in ${Math.round(performance.now() - started)} ms (limit ${MAX_ARCHIVE_ENTRIES})`);
  }, 60_000);
  it('refuses a 1 GiB entry from its declared size', () => {
    const zip = lyingZip('compose.yaml', deflateSync(new Uint8Array(0)), 1024 ** 3);
    expect(importZip('bombe.zip', zip).refused).toEqual([{ name: 'bombe.zip', reason: 'archive-too-large' }]);
  });
  it('stops inflating an entry that lies about its size once past the project limit', () => {
    // 16 MiB of spaces deflate to ~16 KB; the headers claim 100 bytes.
    const zip = lyingZip('compose.yaml', new Uint8Array(16 * 1024 * 1024).fill(0x20), 100);
    const started = performance.now();
    expect(importZip('bombe.zip', zip).refused).toEqual([{ name: 'bombe.zip', reason: 'archive-too-large' }]);
    console.log(`lying 16 MiB entry refused in ${Math.round(performance.now() - started)} ms (project limit ${MAX_PROJECT_BYTES} bytes)`);
  });
});
