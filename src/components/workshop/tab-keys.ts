/**
 * Which tab receives focus for a key, following the WAI-ARIA tabs pattern
 * (arrows wrap around, Home and End jump to the ends); undefined for keys the
 * tab list does not handle.
 */
export function tabForKey(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
