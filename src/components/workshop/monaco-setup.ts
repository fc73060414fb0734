// Loads the editor core and only the parts the workshop uses, instead of
// `monaco-editor`'s main entry (every language, the TypeScript/CSS/HTML/JSON
// services): that keeps the lazily loaded chunk several times smaller.
// Monaco's own French messages (find widget, context menu, hovers' chrome):
// they set a global its modules read as they load, so this import comes first
// (monaco-editor's README, « nls »).
import 'monaco-editor/nls/lang/fr';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/sql/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { createWebWorker as createLanguageWorker } from 'monaco-editor/internal/common/workers';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import composeSchema from '../../engine/compose/schema/compose-spec.generated.json';
import { frenchSchema } from './compose-hover-fr.ts';
import { loadDirectiveDocs } from '../../engine/nginx/directive-docs.ts';
import { directiveHover, isDirectivePosition } from './nginx-hover.ts';
import { dotenvLanguage, NGINX_LANGUAGE_ID, nginxConfiguration, nginxLanguage } from './nginx-language.ts';
import YamlWorker from './yaml.worker.ts?worker';
import { DARK_THEME, darkTheme, LIGHT_THEME, lightTheme, siteTheme } from './workshop-themes.ts';

export type Monaco = typeof monaco;

const LANGUAGE_OF: Record<string, string> = {
  yaml: 'yaml',
  nginx: NGINX_LANGUAGE_ID,
  dotenv: 'dotenv',
  javascript: 'javascript',
  sql: 'sql',
  shell: 'shell',
};

export function monacoLanguage(language: string): string {
  return LANGUAGE_OF[language] ?? 'plaintext';
}

let configured = false;

export function setupMonaco(): Monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      return label === 'yaml' ? new YamlWorker() : new EditorWorker();
    },
  };
  monaco.languages.register({ id: NGINX_LANGUAGE_ID, extensions: ['.conf', '.template'], aliases: ['nginx'] });
  monaco.languages.setMonarchTokensProvider(NGINX_LANGUAGE_ID, nginxLanguage);
  monaco.languages.setLanguageConfiguration(NGINX_LANGUAGE_ID, nginxConfiguration);
  monaco.languages.register({ id: 'dotenv', aliases: ['.env'] });
  monaco.languages.setMonarchTokensProvider('dotenv', dotenvLanguage);
  monaco.languages.setLanguageConfiguration('dotenv', { comments: { lineComment: '#' } });
  monaco.editor.defineTheme(LIGHT_THEME, lightTheme);
  monaco.editor.defineTheme(DARK_THEME, darkTheme);
  monaco.editor.setTheme(siteTheme());
  new MutationObserver(() => monaco.editor.setTheme(siteTheme())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
  // The engine is the one source of diagnostics (French, exact ranges); the
  // YAML language service only brings completion and hover from the schema.
  // monaco-yaml 5 (through monaco-worker-manager 2) still calls the
  // createWebWorker({ moduleId, label, createData }) of Monaco < 0.55; Monaco
  // 0.57 keeps that protocol only in the helper its own JSON/CSS languages use.
  const monacoForYaml: Monaco = {
    ...monaco,
    editor: { ...monaco.editor, createWebWorker: createLanguageWorker as unknown as Monaco['editor']['createWebWorker'] },
  };
  configureMonacoYaml(monacoForYaml, {
    enableSchemaRequest: false,
    validate: false,
    format: { enable: false },
    completion: true,
    hover: true,
    schemas: [
      {
        // The engine's own copy of the Compose Specification schema (src/engine/compose/schema/README.md).
        uri: 'https://atelier-compose.invalid/compose-spec.json',
        fileMatch: ['**/compose.yaml', '**/compose.yml', '**/compose.*.yaml', '**/compose.*.yml', '**/docker-compose*.yaml', '**/docker-compose*.yml'],
        schema: frenchSchema(composeSchema) as JSONSchema,
      },
    ],
  });
  monaco.languages.registerHoverProvider(NGINX_LANGUAGE_ID, {
    async provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word || !isDirectivePosition(model.getLineContent(position.lineNumber), word.startColumn)) return null;
      const name = model.getLineContent(position.lineNumber).slice(word.startColumn - 1).match(/^[A-Za-z_][\w]*/)?.[0] ?? word.word;
      const docs = await loadDirectiveDocs(name);
      if (docs.length === 0) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.startColumn + name.length),
        contents: directiveHover(name, docs).map((value) => ({ value })),
      };
    },
  });
  return monaco;
}
