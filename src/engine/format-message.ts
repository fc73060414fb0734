import type { MessageData } from './types.ts';

/** Fills `{{name}}` placeholders; an unknown placeholder is left visible so tests catch it. */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}

/** A count as French typography writes it: thin non-breaking spaces between thousands (`99 900`). */
export function frenchNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
