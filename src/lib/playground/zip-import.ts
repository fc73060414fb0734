import { unzipSync } from 'fflate';
import { acceptFiles, stripCommonFolder, type ImportOutcome } from './files.ts';

/** Unzips a brought archive; a damaged archive is a French refusal, not an exception. */
export function importZip(name: string, bytes: Uint8Array): ImportOutcome {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return { files: {}, refused: [`« ${name} » n'est pas une archive .zip lisible.`] };
  }
  const paths = Object.keys(entries).filter((path) => !path.endsWith('/') && !path.startsWith('__MACOSX/'));
  const strip = stripCommonFolder(paths);
  // Files of a stack the engine does not read (sources, Dockerfile) are skipped silently: refusing them would bury the useful messages.
  const wanted = paths.map((path) => ({ path: strip(path), bytes: entries[path]! }));
  const outcome = acceptFiles(wanted.filter((entry) => !isIgnoredInArchive(entry.path)));
  return outcome;
}

function isIgnoredInArchive(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !(/\.ya?ml$/.test(name) || name === '.env' || /\.conf(\.template)?$/.test(name));
}
