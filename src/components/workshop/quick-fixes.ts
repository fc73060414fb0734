import type { editor, languages } from 'monaco-editor/editor/editor.api';
import type { Diagnostic } from '../../engine/types.ts';
import type { Monaco } from './monaco-setup.ts';

interface QuickFixSource {
  diagnosticsFor(model: editor.ITextModel): Diagnostic[];
  modelFor(path: string): editor.ITextModel | undefined;
}

function overlaps(d: Diagnostic, range: { startLineNumber: number; endLineNumber: number }): boolean {
  return d.range.start.line <= range.endLineNumber && d.range.end.line >= range.startLineNumber;
}

/** The engine's `fix` as Monaco quick fixes (the light bulb and Ctrl+.), on every language the workshop edits. */
export function registerQuickFixes(monaco: Monaco, source: QuickFixSource): void {
  const provider: languages.CodeActionProvider = {
    provideCodeActions(model, range) {
      const actions: languages.CodeAction[] = source
        .diagnosticsFor(model)
        .filter((d) => overlaps(d, range))
        .flatMap((d) => {
          if (!d.fix) return [];
          const edits: languages.IWorkspaceTextEdit[] = d.fix.edits.flatMap((edit) => {
            const target = source.modelFor(edit.file);
            if (!target) return [];
            return [
              {
                resource: target.uri,
                versionId: target.getVersionId(),
                textEdit: {
                  range: {
                    startLineNumber: edit.range.start.line,
                    startColumn: edit.range.start.column,
                    endLineNumber: edit.range.end.line,
                    endColumn: edit.range.end.column,
                  },
                  text: edit.text,
                },
              },
            ];
          });
          return [{ title: d.fix.title, kind: 'quickfix', isPreferred: true, edit: { edits } }];
        });
      return { actions, dispose: () => undefined };
    },
  };
  for (const language of ['yaml', 'nginx', 'dotenv', 'javascript', 'sql', 'shell']) {
    monaco.languages.registerCodeActionProvider(language, provider, { providedCodeActionKinds: ['quickfix'] });
  }
}
