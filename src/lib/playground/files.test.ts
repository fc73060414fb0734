import { describe, expect, it } from 'vitest';
import { acceptFiles, decodeText, languageOf, MAX_FILE_BYTES, stripCommonFolder, validateFileName } from './files.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('validateFileName', () => {
  it.each(['compose.yaml', 'compose.override.yaml', '.env', 'nginx.conf', 'conf.d/site.conf', 'templates/proxy.conf.template'])('accepts %s', (name) => {
    expect(validateFileName(name)).toEqual({ ok: true, path: name });
  });
  it('normalizes a leading ./ and backslashes', () => {
    expect(validateFileName('.\\conf.d\\a.conf')).toEqual({ ok: true, path: 'conf.d/a.conf' });
  });
  it('refuses files the engine does not read, naming them in French', () => {
    const verdict = validateFileName('Dockerfile');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.error).toContain('« Dockerfile »');
  });
  it('refuses empty names and parent folders', () => {
    expect(validateFileName('  ').ok).toBe(false);
    expect(validateFileName('../compose.yaml').ok).toBe(false);
    expect(validateFileName('conf.d//a.conf').ok).toBe(false);
  });
  it('gives the editor language', () => {
    expect([languageOf('compose.yaml'), languageOf('.env'), languageOf('conf.d/a.conf')]).toEqual(['yaml', 'dotenv', 'nginx']);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 text and drops a BOM', () => {
    expect(decodeText('a.conf', utf8('\uFEFFserver {}\n'))).toEqual({ ok: true, text: 'server {}\n' });
  });
  it('refuses NUL bytes', () => {
    const verdict = decodeText('image.conf', new Uint8Array([0x73, 0, 0x74]));
    expect(verdict).toEqual({ ok: false, error: expect.stringContaining('« image.conf » est un fichier binaire') });
  });
  it('refuses invalid UTF-8', () => {
    expect(decodeText('latin1.conf', new Uint8Array([0x63, 0xe9, 0x74])).ok).toBe(false);
  });
  it('refuses oversized files', () => {
    const verdict = decodeText('big.conf', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
    expect(verdict).toEqual({ ok: false, error: expect.stringContaining('trop volumineux') });
  });
});

describe('acceptFiles', () => {
  it('keeps the good files and names each refused one', () => {
    const outcome = acceptFiles([
      { path: 'compose.yaml', bytes: utf8('services: {}\n') },
      { path: 'logo.png', bytes: new Uint8Array([0x89, 0x50, 0, 1]) },
      { path: 'nginx.conf', bytes: new Uint8Array([0, 1, 2]) },
    ]);
    expect(outcome.files).toEqual({ 'compose.yaml': 'services: {}\n' });
    expect(outcome.refused).toHaveLength(2);
    expect(outcome.refused[0]).toContain('logo.png');
    expect(outcome.refused[1]).toContain('nginx.conf');
  });
});

describe('stripCommonFolder', () => {
  it('strips the single top folder of a brought folder', () => {
    const strip = stripCommonFolder(['projet/compose.yaml', 'projet/conf.d/a.conf']);
    expect(strip('projet/conf.d/a.conf')).toBe('conf.d/a.conf');
  });
  it('keeps paths when files sit at the top', () => {
    const strip = stripCommonFolder(['compose.yaml', 'conf.d/a.conf']);
    expect(strip('conf.d/a.conf')).toBe('conf.d/a.conf');
  });
});
