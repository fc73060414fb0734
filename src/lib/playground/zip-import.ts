import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { acceptFiles, emptyOutcome, MAX_FILE_BYTES, MAX_PROJECT_BYTES, stripCommonFolder, type ImportOutcome } from './files.ts';

// A brought .zip is read in two passes so a zip bomb (1 MB that inflates to
// 1 GiB, or 100,000 entries) is refused in French within milliseconds and
// never inflated: first the central directory only (entry count, declared
// sizes), then the wanted entries streamed in small chunks with a running
// total, stopping as soon as it passes the project's limit (declared sizes can
// lie). fflate's sync stream is used, not its worker-based async one: the
// caps keep the work small enough for the main thread.

/** A stack's archive holds a few dozen entries; a repository's, a few thousand. */
export const MAX_ARCHIVE_ENTRIES = 5_000;
/** Read before anything else: larger archives are refused without reading them. */
export const MAX_ARCHIVE_BYTES = 20 * 1024 * 1024;
/** Compressed bytes given to the inflater at a time: deflate expands at most ~1,032×, so one push stays near 1 MB. */
const CHUNK = 1024;

function isWanted(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /\.ya?ml$/.test(name) || name === '.env' || /^\.env\.(example|sample|dist|template)$/.test(name) || /\.conf(\.template)?$/.test(name);
}

function refuse(name: string, reason: 'archive-unreadable' | 'archive-too-many-entries' | 'archive-too-large'): ImportOutcome {
  const outcome = emptyOutcome();
  outcome.refused.push({ name, reason });
  return outcome;
}

/** Unzips a brought archive; a damaged archive or a bomb is a French refusal, not an exception. */
export function importZip(name: string, bytes: Uint8Array): ImportOutcome {
  if (bytes.length > MAX_ARCHIVE_BYTES) return refuse(name, 'archive-too-large');
  // Pass 1: the central directory, nothing inflated.
  const wanted = new Set<string>();
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        entries += 1;
        if (!file.name.endsWith('/') && !file.name.startsWith('__MACOSX/') && isWanted(file.name)) {
          wanted.add(file.name);
          declared += file.originalSize;
        }
        return false;
      },
    });
  } catch {
    return refuse(name, 'archive-unreadable');
  }
  if (entries > MAX_ARCHIVE_ENTRIES) return refuse(name, 'archive-too-many-entries');
  if (declared > MAX_PROJECT_BYTES) return refuse(name, 'archive-too-large');

  // Pass 2: only the wanted entries, streamed with a running total.
  const inflated = new Map<string, Uint8Array[]>();
  let total = 0;
  let overflow = false;
  let broken = false;
  const unzipper = new Unzip();
  unzipper.register(UnzipInflate);
  unzipper.onfile = (file) => {
    if (!wanted.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    inflated.set(file.name, chunks);
    file.ondata = (error, data) => {
      if (error) {
        broken = true;
        return;
      }
      size += data.length;
      total += data.length;
      // One byte over the per-file limit is enough for acceptFiles to name the file as too large.
      if (size <= MAX_FILE_BYTES + 1) chunks.push(data);
      if (total > MAX_PROJECT_BYTES + MAX_FILE_BYTES) overflow = true;
    };
    file.start();
  };
  try {
    for (let offset = 0; offset < bytes.length && !overflow && !broken; offset += CHUNK) {
      unzipper.push(bytes.subarray(offset, offset + CHUNK), offset + CHUNK >= bytes.length);
    }
  } catch {
    return refuse(name, 'archive-unreadable');
  }
  if (overflow) return refuse(name, 'archive-too-large');
  if (broken) return refuse(name, 'archive-unreadable');

  const paths = [...inflated.keys()];
  const strip = stripCommonFolder(paths);
  return acceptFiles(
    paths.map((path) => {
      const chunks = inflated.get(path)!;
      const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        joined.set(chunk, at);
        at += chunk.length;
      }
      return { path: strip(path), bytes: joined };
    }),
  );
}
