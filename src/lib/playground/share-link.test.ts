import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from './files.ts';
import { decodeShare, encodeShare, MAX_FRAGMENT_CHARS, SHARE_PREFIX } from './share-link.ts';

const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27 # é\n', '.env': 'A=1\n' };

function fragmentOf(json: string): string {
  const bytes = deflateSync(strToU8(json));
  return SHARE_PREFIX + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share links', () => {
  it('round-trips the files', () => {
    const encoded = encodeShare(files);
    if (!encoded.ok) throw new Error(encoded.error);
    expect(encoded.fragment.startsWith('#p=')).toBe(true);
    expect(decodeShare(encoded.fragment)).toEqual({ ok: true, files });
  });
  it('ignores fragments that are not shares', () => {
    expect(decodeShare('')).toEqual({ ok: 'none' });
    expect(decodeShare('#graphe')).toEqual({ ok: 'none' });
  });
  it('explains a truncated link in French', () => {
    const encoded = encodeShare(files);
    if (!encoded.ok) throw new Error(encoded.error);
    const result = decodeShare(encoded.fragment.slice(0, encoded.fragment.length - 10));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('incomplet ou abîmé') });
  });
  it('explains a corrupted link', () => {
    expect(decodeShare('#p=AAAA$$').ok).toBe(false);
    expect(decodeShare('#p=bm90LWRlZmxhdGU').ok).toBe(false);
  });
  it('refuses well-formed payloads of the wrong shape or with forbidden names', () => {
    expect(decodeShare(fragmentOf('{"v":2,"files":{"compose.yaml":""}}')).ok).toBe(false);
    expect(decodeShare(fragmentOf('{"v":1,"files":{"../etc/passwd":"x"}}')).ok).toBe(false);
    expect(decodeShare(fragmentOf('{"v":1,"files":{"compose.yaml":"ok"}}'))).toEqual({ ok: true, files: { 'compose.yaml': 'ok' } });
  });
  it('refuses projects over the size limit, suggesting the zip', () => {
    // Random text barely compresses, so it crosses the limit.
    let seed = 1;
    const noise = Array.from({ length: 20_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const result = encodeShare({ 'compose.yaml': noise });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('.zip') });
    expect(MAX_FRAGMENT_CHARS).toBe(8000);
  });
});

describe('share link limits', () => {
  it('refuses a short link that carries a 5 MB file, as an import would', () => {
    const fragment = fragmentOf(JSON.stringify({ v: 1, files: { 'compose.yaml': `# ${'a'.repeat(5 * 1024 * 1024)}\n` } }));
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const started = performance.now();
    expect(decodeShare(fragment)).toEqual({ ok: false, error: expect.stringContaining('plus gros que ce que le bac à sable ouvre') });
    console.log(`${fragment.length}-character link of a 5 MB file refused in ${Math.round(performance.now() - started)} ms`);
  });
  it('refuses a file over the per-file limit of imports', () => {
    const fragment = fragmentOf(JSON.stringify({ v: 1, files: { 'compose.yaml': 'b'.repeat(MAX_FILE_BYTES + 1) } }));
    expect(decodeShare(fragment).ok).toBe(false);
    const fits = fragmentOf(JSON.stringify({ v: 1, files: { 'compose.yaml': 'b'.repeat(MAX_FILE_BYTES) } }));
    expect(decodeShare(fits).ok).toBe(true);
  });
});
