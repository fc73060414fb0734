import { acceptFiles, emptyOutcome, MAX_FILE_BYTES, validateFileName, stripCommonFolder, type ImportOutcome } from './files.ts';
import { importZip, MAX_ARCHIVE_BYTES } from './zip-import.ts';

// What the learner brings (picked files, a picked folder, a drop, a .zip),
// turned into the project's files. Sizes are checked before any byte is read:
// reading a 2 GB file by mistake must not freeze the tab.

export interface BroughtFile {
  /** The path inside what was brought: `mon-projet/nginx/proxy.conf.template` for a folder, the name for a file. */
  path: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export async function readBrought(brought: readonly BroughtFile[]): Promise<ImportOutcome> {
  const outcome = emptyOutcome();
  const plain: { path: string; bytes: Uint8Array }[] = [];
  const strip = stripCommonFolder(brought.filter((file) => !file.path.toLowerCase().endsWith('.zip')).map((file) => file.path));
  for (const file of brought) {
    if (file.path.toLowerCase().endsWith('.zip')) {
      if (file.size > MAX_ARCHIVE_BYTES) {
        outcome.refused.push({ name: file.path, reason: 'archive-too-large' });
        continue;
      }
      const unzipped = importZip(file.path, await file.bytes());
      Object.assign(outcome.files, unzipped.files);
      outcome.refused.push(...unzipped.refused);
      outcome.renamed.push(...unzipped.renamed);
      continue;
    }
    const path = strip(file.path);
    // Refused by name or size without reading (acceptFiles would say the same after reading it all).
    const name = validateFileName(path);
    if (!name.ok && !/(^|\/)\.env\.(example|sample|dist|template)$/.test(path)) {
      outcome.refused.push({ name: path, reason: name.reason });
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      outcome.refused.push({ name: path, reason: 'too-large' });
      continue;
    }
    plain.push({ path, bytes: await file.bytes() });
  }
  return acceptFiles(plain, outcome);
}
