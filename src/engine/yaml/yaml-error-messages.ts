import type { ErrorCode } from 'yaml';

/**
 * yaml's error codes said in French for a beginner. The library's own English
 * text is never shown: the code is the stable part of its error data.
 */
export const yamlErrorMessages: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'Un alias (`*nom`) ne peut pas porter d’ancre ni d’étiquette.',
  BAD_ALIAS: 'Alias invalide\u00a0: l’ancre (`&nom`) doit être définie plus haut dans le fichier, avec un nom non vide.',
  BAD_DIRECTIVE: 'Directive YAML invalide (ligne commençant par `%`).',
  BAD_DQ_ESCAPE: 'Séquence d’échappement invalide dans une chaîne entre guillemets doubles (utilisez `\\\\` pour une barre oblique inverse).',
  BAD_INDENT: 'Indentation incorrecte\u00a0: alignez cette ligne avec les clés du même niveau (des espaces, jamais de tabulation).',
  BAD_PROP_ORDER: 'Une ancre ou une étiquette est mal placée\u00a0: elle doit précéder la valeur.',
  BAD_SCALAR_START: 'Cette valeur ne peut pas commencer par ce caractère\u00a0: mettez-la entre guillemets.',
  BLOCK_AS_IMPLICIT_KEY: 'Une clé doit tenir sur une ligne\u00a0: il manque sans doute `:` ou un tiret sur la ligne précédente.',
  BLOCK_IN_FLOW: 'Une liste ou un objet à la ligne (style bloc) ne peut pas se trouver entre `[ ]` ou `{ }`.',
  DUPLICATE_KEY: 'Cette clé apparaît deux fois au même niveau\u00a0: YAML exige des clés uniques.',
  IMPOSSIBLE: 'Le fichier YAML est illisible à cet endroit.',
  KEY_OVER_1024_CHARS: 'Clé trop longue\u00a0: une clé implicite ne peut pas dépasser 1024 caractères.',
  MISSING_CHAR: 'Caractère manquant\u00a0: vérifiez les `:` après les clés, les guillemets et les crochets fermants.',
  MULTILINE_IMPLICIT_KEY: 'Une clé doit tenir sur une seule ligne\u00a0: il manque sans doute `:` à la fin de la ligne précédente, ou l’indentation est décalée.',
  MULTIPLE_ANCHORS: 'Un même nœud ne peut avoir qu’une seule ancre (`&nom`).',
  MULTIPLE_DOCS: 'Un fichier compose ne doit contenir qu’un seul document YAML (retirez le `---` supplémentaire).',
  MULTIPLE_TAGS: 'Un même nœud ne peut avoir qu’une seule étiquette (`!tag`).',
  NON_STRING_KEY: 'Les clés doivent être du texte.',
  RESOURCE_EXHAUSTION: 'Structure trop profonde ou trop volumineuse\u00a0: le fichier ne peut pas être analysé sans risque.',
  TAB_AS_INDENT: 'Tabulation utilisée pour indenter\u00a0: YAML n’accepte que des espaces.',
  TAG_RESOLVE_FAILED: 'Étiquette YAML (`!tag`) inconnue ou valeur incompatible avec elle.',
  UNEXPECTED_TOKEN: 'Élément inattendu à cet endroit\u00a0: vérifiez l’indentation, les tirets de liste et les `:`.',
  BAD_COLLECTION_TYPE: 'Type de collection incompatible avec son étiquette.',
};
