import { describe, expect, it } from 'vitest';
import { isPlainCssImport, isScriptModule, styleModule } from './script-css.ts';

describe('CSS imported by scripts', () => {
  it('takes plain stylesheet imports from script modules, Monaco’s included', () => {
    expect(isPlainCssImport('./service-graph.css')).toBe(true);
    expect(isScriptModule('/site/src/components/workshop/service-graph-view.ts')).toBe(true);
    expect(isScriptModule('/site/node_modules/monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js')).toBe(true);
  });

  it('leaves components, queries and its own modules to Vite and Astro', () => {
    expect(isScriptModule('/site/src/components/workshop/workshop.astro')).toBe(false);
    expect(isScriptModule('/site/src/components/workshop/workshop.astro?astro&type=script&index=0&lang.ts')).toBe(false);
    expect(isScriptModule('\0script-css:/site/a.css.js')).toBe(false);
    expect(isPlainCssImport('./editor.css?inline')).toBe(false);
    expect(isPlainCssImport('./editor.css?url')).toBe(false);
  });

  it('applies the compiled stylesheet to the document when the module runs', () => {
    const code = styleModule('/site/src/components/workshop/service-graph.css');
    expect(code).toContain('import css from "/site/src/components/workshop/service-graph.css?inline";');
    expect(code).toContain('document.head.append(style);');
  });
});
