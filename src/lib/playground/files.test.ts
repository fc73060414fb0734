import { describe, expect, it } from 'vitest';
import { acceptFiles, decodeText, languageOf, MAX_FILE_BYTES, MAX_PROJECT_FILES, stripCommonFolder, summarizeRefusals, validateFileName } from './files.ts';

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
    if (!verdict.ok) expect(verdict.error).toContain('« Dockerfile »');
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
    expect(verdict).toEqual({ ok: false, reason: 'binary', error: expect.stringContaining('« image.conf » est un fichier binaire') });
  });
  it('refuses invalid UTF-8', () => {
    expect(decodeText('latin1.conf', new Uint8Array([0x63, 0xe9, 0x74])).ok).toBe(false);
  });
  it('refuses oversized files', () => {
    const verdict = decodeText('big.conf', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
    expect(verdict).toEqual({ ok: false, reason: 'too-large', error: expect.stringContaining('trop volumineux') });
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
    expect(outcome.refused).toEqual([
      { name: 'logo.png', reason: 'not-checked' },
      { name: 'nginx.conf', reason: 'binary' },
    ]);
  });

  it('offers .env.example as .env in its folder, unless a real .env comes along', () => {
    const alone = acceptFiles([{ path: 'api/.env.example', bytes: utf8('A=1\n') }]);
    expect(alone.files).toEqual({ 'api/.env': 'A=1\n' });
    expect(alone.renamed).toEqual([{ from: 'api/.env.example', to: 'api/.env' }]);
    const both = acceptFiles([
      { path: '.env.example', bytes: utf8('A=\n') },
      { path: '.env', bytes: utf8('A=secret\n') },
    ]);
    expect(both.files).toEqual({ '.env': 'A=secret\n' });
    expect(both.refused).toEqual([{ name: '.env.example', reason: 'duplicate' }]);
  });

  it('stops at the project limits', () => {
    const many = Array.from({ length: MAX_PROJECT_FILES + 2 }, (_, i) => ({ path: `conf.d/${i}.conf`, bytes: utf8('server {}\n') }));
    const outcome = acceptFiles(many);
    expect(Object.keys(outcome.files)).toHaveLength(MAX_PROJECT_FILES);
    expect(outcome.refused.map((r) => r.reason)).toEqual(['too-many-files', 'too-many-files']);
    const big = Array.from({ length: 5 }, (_, i) => ({ path: `${i}.conf`, bytes: new Uint8Array(MAX_FILE_BYTES).fill(0x61) }));
    expect(acceptFiles(big).refused).toEqual([{ name: '4.conf', reason: 'project-too-large' }]);
  });
});

describe('summarizeRefusals', () => {
  it('sums 25 refusals up in one French sentence grouped by reason', () => {
    const refused = [
      ...Array.from({ length: 24 }, (_, i) => ({ name: `src/f${i}.js`, reason: 'not-checked' as const })),
      { name: 'logo.conf', reason: 'binary' as const },
    ];
    expect(summarizeRefusals(refused)).toBe(
      'Non ouverts\u00a0: 24\u00a0fichiers que l’atelier ne vérifie pas («\u00a0src/f0.js\u00a0», «\u00a0src/f1.js\u00a0», «\u00a0src/f2.js\u00a0» et 21\u00a0autres)\u00a0; 1\u00a0fichier binaire («\u00a0logo.conf\u00a0»).',
    );
    expect(summarizeRefusals([])).toBe('');
  });
});

describe('stripCommonFolder', () => {
  it('strips the single top folder of a brought folder', () => {
    const strip = stripCommonFolder(['projet/compose.yaml', 'projet/conf.d/a.conf']);
    expect(strip('projet/conf.d/a.conf')).toBe('conf.d/a.conf');
  });
  it('keeps the folder of a brought folder that is not a project root (nginx/proxy.conf.template stays there)', () => {
    const strip = stripCommonFolder(['nginx/proxy.conf.template', 'nginx/client.conf']);
    expect(strip('nginx/proxy.conf.template')).toBe('nginx/proxy.conf.template');
  });
  it('keeps paths when files sit at the top', () => {
    const strip = stripCommonFolder(['compose.yaml', 'conf.d/a.conf']);
    expect(strip('conf.d/a.conf')).toBe('conf.d/a.conf');
  });
});
