// Every piece of interface text, in one place, written with French typography:
// a non-breaking space (U+00A0) before « : ; ! ? » and inside guillemets.

export const SITE_NAME = 'Atelier Compose';

export const fr = {
  siteDescription: 'Cours interactif en français\u00a0: Docker Compose avec plusieurs services, du premier fichier à la stack de production.',
  skipLink: 'Aller au contenu',
  home: 'Accueil',
  courseMap: 'Le parcours',
  courseMapIntro: 'Du premier fichier compose.yaml à une stack complète avec reverse proxy, API, base de données, cache et sauvegardes.',
  chapter: 'Chapitre',
  chapters: 'Chapitres du cours',
  duration: 'Durée estimée',
  onThisPage: 'Sur cette page',
  previous: 'Précédent',
  next: 'Suivant',
  lessonNav: 'Navigation entre les chapitres',
  themeToLight: 'Passer au thème clair',
  themeToDark: 'Passer au thème sombre',
  themeLabel: 'Thème sombre',
  searchLabel: 'Rechercher dans le cours',
  searchPlaceholder: 'Rechercher (ex.\u00a0: healthcheck)',
  searchNoResult: 'Aucun résultat.',
  searchUnavailable: 'La recherche n’est disponible que sur le site construit (npm run build).',
  stackBoxTitle: 'Stack du chapitre',
  stackBoxText: 'Le projet complet de ce chapitre, prêt à lancer avec docker compose up\u00a0:',
  stackFiles: 'Fichiers de la stack',
  stackDownload: 'Télécharger la stack',
  stackMissing: 'Cette stack n’est pas encore publiée.',
  stackLessons: 'Chapitres qui utilisent cette stack\u00a0:',
  workshopPending: 'L’atelier de ce chapitre arrive bientôt.',
  attention: 'Attention',
  tip: 'Astuce',
  notFoundTitle: 'Page introuvable',
  notFoundText: 'Cette page n’existe pas ou a été déplacée.',
  notFoundBack: 'Retour au parcours',
} as const;
