// How the « Comparer avec la solution » view lays the two files out, and the
// French caption that says so. Monaco would switch to one column by itself
// below 900 px and leave a caption saying « à gauche… à droite » wrong: the
// workshop decides here and tells Monaco.

export type DiffLayout = 'side-by-side' | 'inline';

/** Below this width (px) two columns of YAML wrap nearly every line: one column reads better. */
export const SIDE_BY_SIDE_MIN_WIDTH = 720;

export function diffLayout(width: number): DiffLayout {
  return width >= SIDE_BY_SIDE_MIN_WIDTH ? 'side-by-side' : 'inline';
}

export function diffCaption(layout: DiffLayout): string {
  return layout === 'side-by-side'
    ? 'Vue côte à côte\u00a0: à gauche, votre fichier\u202f; à droite, la solution.'
    : 'Vue en une colonne, faute de place pour deux\u00a0: les lignes marquées «\u00a0−\u00a0» sont celles de votre fichier, les lignes marquées «\u00a0+\u00a0» celles de la solution.';
}
