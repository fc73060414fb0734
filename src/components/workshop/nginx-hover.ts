import type { DirectiveDoc } from '../../engine/nginx/directive-docs.ts';
import { NGINX_DOCS_FR, NGINX_IN_ENGLISH } from './nginx-docs-fr.ts';

/**
 * True when the word starting at `column` (1-based) is a directive name: the
 * first word of a statement, i.e. only blanks, or a `;`, `{` or `}`, before it
 * on its line. `proxy_pass` is hovered; `http://api` after it is not.
 */
export function isDirectivePosition(lineText: string, column: number): boolean {
  const before = lineText.slice(0, column - 1);
  const hash = before.indexOf('#');
  if (hash !== -1) return false;
  return /(^|[;{}])\s*$/.test(before);
}

/** The nginx.org page of a directive, from the module name the reference gives (`http_proxy`, `core`). */
export function directiveUrl(name: string, module: string): string {
  if (module === 'core') return `https://nginx.org/en/docs/ngx_core_module.html#${name}`;
  const area = module.startsWith('stream') ? 'stream' : module.startsWith('mail') ? 'mail' : 'http';
  return `https://nginx.org/en/docs/${area}/ngx_${module}_module.html#${name}`;
}

/**
 * Markdown for Monaco's hover: French headings, the French description of a
 * directive the course uses, or else nginx's own reference text labelled as English.
 */
export function directiveHover(name: string, docs: readonly DirectiveDoc[]): string[] {
  const french = NGINX_DOCS_FR[name];
  return docs.map((doc) =>
    [
      `**${name}** — module \`${doc.module}\``,
      `Syntaxe\u00a0: ${doc.syntax.map((syntax) => `\`${name}\` ${syntax}`).join('\u00a0; ')}`,
      doc.default === '' ? 'Pas de valeur par défaut.' : `Par défaut\u00a0: \`${doc.default}\``,
      french ?? `*${NGINX_IN_ENGLISH}* ${doc.description}`,
      `[Documentation nginx (en anglais)](${directiveUrl(name, doc.module)})`,
    ].join('\n\n'),
  );
}
