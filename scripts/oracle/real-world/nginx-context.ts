// Where an nginx file found in a project is meant to live, from its top-level
// directives: a whole nginx.conf (`main`), a file included inside `http`, or one
// included inside a `server`. Null when the text does not tokenize like nginx.
export type NginxCaseContext = 'main' | 'http' | 'server';

export function nginxContext(text: string): NginxCaseContext | null {
  const top = topLevel(text);
  if (!top) return null;
  if (top.has('events') || top.has('http') || top.has('stream') || top.has('mail')) return 'main';
  if (top.has('server') || top.has('upstream') || top.has('map')) return 'http';
  if (top.has('location') || top.has('listen') || top.has('server_name')) return 'server';
  return null;
}

/** Top-level directive names of an nginx file, or null if it does not tokenize like nginx. */
function topLevel(text: string): Set<string> | null {
  const names = new Set<string>();
  let depth = 0;
  let expectName = true;
  const tokens = text.replace(/#[^\n]*/g, '').match(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[{};]|[^\s{};"']+/g) ?? [];
  if (tokens.length === 0) return null;
  for (const t of tokens) {
    if (t === '{') { depth++; expectName = true; continue; }
    if (t === '}') { depth--; expectName = true; if (depth < 0) return null; continue; }
    if (t === ';') { expectName = true; continue; }
    if (expectName) { if (depth === 0) { if (!/^[a-z_][a-z0-9_]*$/.test(t)) return null; names.add(t); } expectName = false; }
  }
  return names;
}
