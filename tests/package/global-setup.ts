// Packs the repository once for every test file of the `package` project.
import type { TestProject } from 'vitest/node';
import { packTarball } from './pack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the tarball `npm pack` made for this run. */
    tarball: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide('tarball', packTarball());
}
