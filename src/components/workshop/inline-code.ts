/** Splits a French label on backticks so `code` spans render as <code>, as Markdown would. */
export function inlineCode(label: string): { code: boolean; text: string }[] {
  return label
    .split('`')
    .map((text, index) => ({ code: index % 2 === 1, text }))
    .filter((part) => part.text !== '');
}
