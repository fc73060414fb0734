// How the directive rules see a node: which table rows apply, and whether
// the node is checked at all. One place, so the rules agree with each other
// and with the order nginx checks things in (`ngx_conf_handler`: name, then
// context, then `;` or `{`, then the argument count).
import type { NginxNode } from './ast.ts';
import type { NodeInfo } from './context.ts';
import type { NginxContextName } from './nginx-contexts.ts';
import { directiveSpecs, isKnownDirective, type DirectiveSpec } from './directive-spec.ts';

/**
 * False for the entries of `map`/`types`… bodies, for anything inside a
 * block nginx does not know (it already stops at the block), and for a
 * template's `${VAR}` placeholders.
 */
export function isCheckedNode(info: NodeInfo): boolean {
  if (info.inGeneric) return false;
  return !info.inUnknownBlock && !info.node.name.includes('${');
}

/** The built-in rows for the node's name that nginx accepts in the node's context (all of them when the context is unknown). */
export function applicableSpecs(info: NodeInfo): readonly DirectiveSpec[] {
  // Every directive rule asks this for every node; the table is static, so one answer per (context, name),
  // found by two lookups rather than by a key string made per call.
  let byName = specsByContextAndName.get(info.context);
  if (!byName) specsByContextAndName.set(info.context, (byName = new Map()));
  let specs = byName.get(info.node.name);
  if (!specs) {
    const builtIn = directiveSpecs(info.node.name).filter((spec) => spec.builtIn);
    specs = info.context === undefined ? builtIn : builtIn.filter((spec) => spec.contexts.has(info.context!));
    byName.set(info.node.name, specs);
  }
  return specs;
}

const specsByContextAndName = new Map<NginxContextName | undefined, Map<string, readonly DirectiveSpec[]>>();

/**
 * A word that starts a new line and is itself a directive name is almost
 * always the next directive after a forgotten `;` (`root /srv` then
 * `index index.html;` on the next line). Returns that word's index.
 */
export function missingSemicolonAt(node: NginxNode): number | undefined {
  const words = node.args;
  // Most directives fit on one line: nothing to look at.
  if (words.length === 0 || words[words.length - 1]!.range.start.line === node.nameRange.start.line) return undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previousEnd = i === 0 ? node.nameRange.end : words[i - 1]!.range.end;
    if (word.quote === null && word.range.start.line > previousEnd.line && isKnownDirective(word.value)) return i;
  }
  return undefined;
}

/** Directives the parser closed at a `}` or at the end of the file: the syntax rule already spoke. */
export function isUnterminated(node: NginxNode): boolean {
  return node.kind === 'directive' && !node.terminated;
}
