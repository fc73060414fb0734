import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyFile } from '../../engine/classify-file.ts';
import { listStacks, stackFiles, STACKS_DIR } from '../../pages/telechargements/_stack-archive.ts';

// Build-time only: the files of each chapter's stack the engine reads, with
// `.env.example` offered as the `.env` a learner would copy it to.

export interface StackChoice {
  stack: string;
  files: Record<string, string>;
}

export function playgroundStacks(stacksDir: string = STACKS_DIR): StackChoice[] {
  return listStacks(stacksDir).map((stack) => {
    const files: Record<string, string> = {};
    for (const path of stackFiles(stack, stacksDir)) {
      const target = path === '.env.example' ? '.env' : path;
      if (classifyFile(target) === 'other') continue;
      const full = join(stacksDir, stack, path);
      if (existsSync(full)) files[target] = readFileSync(full, 'utf8');
    }
    return { stack, files };
  }).filter((choice) => Object.keys(choice.files).length > 0);
}
