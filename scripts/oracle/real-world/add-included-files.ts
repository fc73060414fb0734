// Adds to nginx cases the files of their project they include (issue #13),
// staged by hand from the search tools' file look-ups (repository, the file's
// own commit, path) or from the case's Debian source package (same version):
// a JSON list of { case, target, origin, file } where `target` is the include
// target as the case writes it, `origin` where the file comes from and `file`
// the staged text. Writes the text under the case's `files/` folder and the
// origin in its case.json's `files` map (nginx-project-files.ts reads both).
//   node scripts/oracle/real-world/add-included-files.ts <staged.json>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FileOrigin, storedPath } from './nginx-project-files.ts';
import { corpusDir } from './paths.ts';

const list = process.argv[2];
if (!list) throw new Error('usage: node scripts/oracle/real-world/add-included-files.ts <staged.json>');
const staged = JSON.parse(readFileSync(list, 'utf8')) as { case: string; target: string; origin: FileOrigin; file: string }[];
for (const s of staged) {
  const dir = join(corpusDir('nginx'), s.case);
  const metaFile = join(dir, 'case.json');
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { files?: Record<string, FileOrigin> };
  meta.files = Object.fromEntries(Object.entries({ ...meta.files, [s.target]: s.origin }).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(dirname(join(dir, storedPath(s.target))), { recursive: true });
  writeFileSync(join(dir, storedPath(s.target)), readFileSync(s.file, 'utf8'));
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
}
console.log(staged.length, 'files added to', new Set(staged.map((s) => s.case)).size, 'cases');
