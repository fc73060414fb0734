import type { Plugin } from 'vite';

// Astro links the CSS of every module a page's <script> can reach, through
// dynamic import() too, as render-blocking <link>s in the page's head
// (withastro/astro#9495). Monaco's stylesheets (178 KB) then delayed the
// first paint of every lesson, though they serve only once the workshop
// opens. So CSS imported by a script module, rather than by an .astro
// component, is built into that module as a string and applied when the
// module runs: it arrives with the code that needs it.

const PREFIX = '\0script-css:';
// The id must not end in .css, or Vite's CSS plugins would take the module for a stylesheet.
const SUFFIX = '.js';

/** A stylesheet import with no query (`?inline`, `?url` keep Vite's meaning). */
export function isPlainCssImport(source: string): boolean {
  return /\.css$/.test(source);
}

/**
 * A JavaScript or TypeScript module; not an .astro component, nor the <script>
 * of one (`x.astro?astro&type=script…`: its CSS is needed at first paint), nor
 * a virtual module.
 */
export function isScriptModule(id: string): boolean {
  return !id.startsWith('\0') && /^[^?]*\.(?:[cm]?js|ts)$/.test(id);
}

/** The module that stands for the stylesheet `file`: it adds the compiled CSS to the document. */
export function styleModule(file: string): string {
  return [
    `import css from ${JSON.stringify(`${file}?inline`)};`,
    `if (typeof document !== 'undefined') {`,
    `  const style = document.createElement('style');`,
    `  style.textContent = css;`,
    `  document.head.append(style);`,
    `}`,
    '',
  ].join('\n');
}

export function scriptCss(): Plugin {
  return {
    name: 'atelier:script-css',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    async resolveId(source, importer, options) {
      if (importer === undefined || !isPlainCssImport(source) || !isScriptModule(importer)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return null;
      return PREFIX + resolved.id + SUFFIX;
    },
    load(id) {
      return id.startsWith(PREFIX) && id.endsWith(SUFFIX) ? styleModule(id.slice(PREFIX.length, -SUFFIX.length)) : null;
    },
  };
}
