/** A piece of French prose: plain text, or a span the rule wrote between backticks. */
export interface InlineSegment {
  code: boolean;
  text: string;
}

/**
 * Splits a docs string on backticks so the page renders `code` as `<code>`
 * without injecting HTML. An unpaired backtick stays literal text.
 */
export function inlineCode(text: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ code: false, text: text.slice(last, match.index) });
    segments.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ code: false, text: text.slice(last) });
  return segments;
}

/** The same text with the backticks removed, for `<title>` and meta descriptions. */
export function plainText(text: string): string {
  return inlineCode(text)
    .map((segment) => segment.text)
    .join('');
}
