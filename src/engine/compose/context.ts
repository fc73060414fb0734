// Placeholder until the compose parser lands: it only records the files.
import type { CheckOptions, ProjectFile } from '../types.ts';

export interface ComposeContext {
  files: ProjectFile[];
  env: ProjectFile | undefined;
  options: CheckOptions;
}

export function createComposeContext(files: ProjectFile[], env: ProjectFile | undefined, options: CheckOptions): ComposeContext {
  return { files, env, options };
}
