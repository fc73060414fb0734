// Placeholder until the nginx parser lands: it only records the file.
import type { ProjectFile } from '../types.ts';

export interface NginxContext {
  file: ProjectFile;
  /** Every nginx file of the project, so `include` can be followed. */
  project: ProjectFile[];
}

export function createNginxContext(file: ProjectFile, project: ProjectFile[]): NginxContext {
  return { file, project };
}
