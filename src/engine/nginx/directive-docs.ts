// Long directive descriptions for editor hovers. They weigh far more than the
// table, so they live in their own module, fetched only when first needed.

export interface DirectiveDoc {
  /** Module without `ngx_` / `_module` (`http_proxy`). */
  module: string;
  /** The reference's syntax lines (Markdown). */
  syntax: string[];
  default: string;
  /** English Markdown, as nginx.org publishes it. */
  description: string;
}

/** Every documented variant of `name` (empty when nginx documents no such directive). */
export async function loadDirectiveDocs(name: string): Promise<readonly DirectiveDoc[]> {
  const { DIRECTIVE_DOCS } = await import('./generated/directive-docs.ts');
  return Object.hasOwn(DIRECTIVE_DOCS, name) ? (DIRECTIVE_DOCS[name] ?? []) : [];
}
