// Side-effect modules of monaco-editor that ship without type declarations.
declare module 'monaco-editor/editor/browser/coreCommands';
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestController';

declare module 'monaco-editor/internal/common/workers' {
  /** Monaco's helper for its own language workers: `createData` is posted to the worker on start. */
  export function createWebWorker(options: { moduleId?: string; label?: string; createData?: unknown; createWorker?: () => Worker }): unknown;
}
