import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBrought, type BroughtFile } from './bring-files.ts';

function file(path: string, text: string, size = strToU8(text).length): BroughtFile & { reads: number } {
  const brought = {
    path,
    size,
    reads: 0,
    bytes: async () => {
      brought.reads += 1;
      return strToU8(text);
    },
  };
  return brought;
}

describe('readBrought', () => {
  it('keeps the folder structure of a picked project folder, without its top folder', async () => {
    const outcome = await readBrought([file('projet/compose.yaml', 'services: {}\n'), file('projet/nginx/proxy.conf.template', 'server {}\n')]);
    expect(Object.keys(outcome.files)).toEqual(['compose.yaml', 'nginx/proxy.conf.template']);
  });

  it('keeps nginx/ when the nginx folder is brought alone', async () => {
    const outcome = await readBrought([file('nginx/proxy.conf.template', 'server {}\n')]);
    expect(Object.keys(outcome.files)).toEqual(['nginx/proxy.conf.template']);
  });

  it('refuses a huge file or archive from its size, without reading it', async () => {
    const huge = file('compose.yaml', '', 2 * 1024 ** 3);
    const archive = file('bombe.zip', '', 1024 ** 3);
    const outcome = await readBrought([huge, archive]);
    expect(outcome.refused).toEqual([
      { name: 'compose.yaml', reason: 'too-large' },
      { name: 'bombe.zip', reason: 'archive-too-large' },
    ]);
    expect(huge.reads + archive.reads).toBe(0);
  });

  it('opens a .zip beside plain files, and .env.example as .env', async () => {
    const zip = zipSync({ 'stack/compose.yaml': strToU8('services: {}\n') });
    const brought: BroughtFile = { path: 'stack.zip', size: zip.length, bytes: async () => zip };
    const outcome = await readBrought([brought, file('.env.example', 'A=1\n')]);
    expect(outcome.files).toEqual({ 'compose.yaml': 'services: {}\n', '.env': 'A=1\n' });
    expect(outcome.renamed).toEqual([{ from: '.env.example', to: '.env' }]);
  });
});
