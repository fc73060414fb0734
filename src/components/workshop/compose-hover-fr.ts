// French hovers for the Compose keys the course uses. monaco-yaml shows the
// `description` of the schema node under the cursor; the Compose
// Specification's schema is in English. This table replaces the descriptions
// of the keys our exercise files use, and every other description is shown
// labelled « (en anglais) » (issue #17). Keys are paths in the schema
// (src/engine/compose/schema/compose-spec.generated.json); a test checks that
// each still exists and that every key of the exercise files is covered.

const SERVICE = 'definitions/service/properties';
const HEALTHCHECK = 'definitions/healthcheck/properties';
const DEPLOY = 'definitions/deployment/properties';

export const COMPOSE_DOCS_FR: Readonly<Record<string, string>> = {
  'properties/version': 'Obsolète\u00a0: Compose v2 ignore cette clé et affiche un avertissement. Supprimez-la.',
  'properties/name': 'Nom du projet Compose, qui préfixe les conteneurs, réseaux et volumes (par défaut, le nom du dossier).',
  'properties/services': 'Les services de l’application\u00a0: chacun décrit les conteneurs d’une même image et leur configuration.',
  'properties/networks': 'Les réseaux du projet. Deux services ne se joignent que s’ils partagent un réseau.',
  'properties/volumes': 'Les volumes nommés du projet\u00a0: des données gérées par Docker qui survivent aux conteneurs.',
  'properties/secrets': 'Les secrets du projet (mots de passe, clés), montés en fichiers dans /run/secrets/ des services qui les demandent.',
  'properties/configs': 'Les fichiers de configuration du projet, montés en lecture seule dans les services qui les demandent.',

  [`${SERVICE}/image`]: 'L’image du conteneur\u00a0: dépôt et tag précis (nginx:1.30-alpine), jamais latest.',
  [`${SERVICE}/build`]: 'Construit l’image à partir d’un Dockerfile\u00a0: un dossier de contexte, ou un objet (context, dockerfile, target…).',
  [`${SERVICE}/build/oneOf/1/properties/context`]: 'Le dossier envoyé au moteur pour la construction, relatif au fichier Compose.',
  [`${SERVICE}/build/oneOf/1/properties/dockerfile`]: 'Le Dockerfile à utiliser, relatif au contexte (Dockerfile par défaut).',
  [`${SERVICE}/build/oneOf/1/properties/target`]: 'L’étape d’un Dockerfile multi-étapes à construire.',
  [`${SERVICE}/cap_drop`]: 'Capacités Linux retirées au conteneur (ALL pour toutes)\u00a0: moins de droits, moins de risques.',
  [`${SERVICE}/command`]: 'Remplace la commande par défaut de l’image (CMD), de préférence en forme liste.',
  [`${SERVICE}/entrypoint`]: 'Remplace le point d’entrée de l’image (ENTRYPOINT).',
  [`${SERVICE}/configs`]: 'Les configs du projet montées dans ce service (source, et target pour le chemin dans le conteneur).',
  [`${SERVICE}/secrets`]: 'Les secrets du projet que ce service peut lire, dans /run/secrets/<nom>.',
  [`${SERVICE}/container_name`]: 'Nom fixe du conteneur. À éviter\u00a0: il empêche de lancer plusieurs répliques ou deux copies du projet.',
  [`${SERVICE}/depends_on`]: 'Les services à démarrer avant celui-ci. Avec la condition service_healthy, Compose attend que leur healthcheck réussisse.',
  [`${SERVICE}/depends_on/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/properties/condition`]:
    'Quand démarrer ce service\u00a0: service_started (démarrée), service_healthy (healthcheck réussi) ou service_completed_successfully (terminée sans erreur).',
  [`${SERVICE}/depends_on/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/properties/restart`]:
    'Redémarre ce service quand Compose redémarre la dépendance.',
  [`${SERVICE}/environment`]: 'Variables d’environnement du conteneur. Pas de secret en clair ici\u00a0: utilisez .env ou secrets.',
  [`${SERVICE}/healthcheck`]: 'La commande que Docker lance régulièrement dans le conteneur pour savoir s’il est en bonne santé.',
  [`${SERVICE}/logging`]: 'Le pilote de journaux du conteneur et ses options (rotation\u00a0: max-size, max-file).',
  [`${SERVICE}/logging/properties/driver`]: 'Le pilote de journaux (json-file par défaut, local…).',
  [`${SERVICE}/logging/properties/options`]: 'Options du pilote de journaux, par exemple max-size et max-file pour les faire tourner.',
  [`${SERVICE}/network_mode`]: 'Mode réseau du conteneur\u00a0: none (aucun réseau), host (celui de l’hôte) ou service:<nom> (celui d’un autre service). Incompatible avec networks.',
  [`${SERVICE}/networks`]: 'Les réseaux du projet auxquels ce service est relié (default si la clé est absente).',
  [`${SERVICE}/ports`]: 'Ports publiés sur l’hôte, sous la forme hôte:conteneur. Ne publiez que ce qui doit être joint depuis l’extérieur.',
  [`${SERVICE}/ports/items/oneOf/2/properties/target`]: 'Le port du conteneur.',
  [`${SERVICE}/ports/items/oneOf/2/properties/published`]: 'Le port de l’hôte.',
  [`${SERVICE}/ports/items/oneOf/2/properties/protocol`]: 'Le protocole\u00a0: tcp (par défaut) ou udp.',
  [`${SERVICE}/ports/items/oneOf/2/properties/mode`]: 'En Swarm\u00a0: ingress (réparti entre les nœuds, par défaut) ou host (le port du nœud qui exécute la tâche).',
  [`${SERVICE}/profiles`]: 'Ce service ne démarre que si l’un de ces profils est activé (--profile).',
  [`${SERVICE}/read_only`]: 'Système de fichiers du conteneur en lecture seule (les écritures vont dans des volumes ou tmpfs).',
  [`${SERVICE}/restart`]: 'Politique de redémarrage\u00a0: no, always, on-failure ou unless-stopped.',
  [`${SERVICE}/security_opt`]: 'Options de sécurité, par exemple no-new-privileges:true.',
  [`${SERVICE}/shm_size`]: 'Taille de /dev/shm dans le conteneur (PostgreSQL en a besoin pour ses requêtes parallèles).',
  [`${SERVICE}/stop_grace_period`]: 'Délai laissé au conteneur pour s’arrêter proprement après SIGTERM, avant SIGKILL (10s par défaut).',
  [`${SERVICE}/tmpfs`]: 'Dossiers montés en mémoire, vidés à chaque redémarrage (utile avec read_only).',
  [`${SERVICE}/volumes`]: 'Montages du conteneur\u00a0: volume nommé ou dossier de l’hôte, sous la forme source:cible (suivie de :ro pour la lecture seule).',
  [`${SERVICE}/volumes/items/oneOf/1/properties/type`]: 'Le type de montage\u00a0: volume, bind (dossier de l’hôte), tmpfs…',
  [`${SERVICE}/volumes/items/oneOf/1/properties/source`]: 'Le volume nommé ou le chemin de l’hôte.',
  [`${SERVICE}/volumes/items/oneOf/1/properties/target`]: 'Le chemin dans le conteneur.',
  [`${SERVICE}/volumes/items/oneOf/1/properties/read_only`]: 'Monte en lecture seule.',

  'definitions/healthcheck': 'La commande que Docker lance régulièrement dans le conteneur pour savoir s’il est en bonne santé.',
  [`${HEALTHCHECK}/test`]: 'La commande de la sonde, une liste qui commence par CMD (programme lancé directement) ou CMD-SHELL (lancé par un shell). Code de sortie 0\u00a0: en bonne santé. Le programme doit exister dans l’image.',
  [`${HEALTHCHECK}/interval`]: 'Délai entre deux sondes (30s par défaut).',
  [`${HEALTHCHECK}/timeout`]: 'Durée au-delà de laquelle une sonde compte comme un échec (30s par défaut).',
  [`${HEALTHCHECK}/retries`]: 'Échecs consécutifs avant de déclarer le conteneur unhealthy (3 par défaut).',
  [`${HEALTHCHECK}/start_period`]: 'Temps de démarrage pendant lequel les échecs ne comptent pas.',
  [`${HEALTHCHECK}/start_interval`]: 'Délai entre deux sondes pendant start_period, pour être déclaré sain plus tôt.',
  [`${HEALTHCHECK}/disable`]: 'Désactive le healthcheck défini par l’image.',

  'definitions/deployment': 'Le déploiement du service\u00a0: répliques, ressources, redémarrage, mise à jour progressive (Swarm surtout\u00a0; Compose lit replicas et resources).',
  [`${DEPLOY}/mode`]: 'En Swarm\u00a0: replicated (un nombre de répliques) ou global (une tâche par nœud).',
  [`${DEPLOY}/endpoint_mode`]: 'En Swarm\u00a0: vip (une adresse virtuelle répartit les connexions) ou dnsrr (le DNS donne l’adresse de chaque tâche).',
  [`${DEPLOY}/replicas`]: 'Nombre de conteneurs (tâches) du service.',
  [`${DEPLOY}/resources`]: 'Limites et réservations de ressources du conteneur.',
  [`${DEPLOY}/resources/properties/limits`]: 'Ce que le conteneur ne peut pas dépasser.',
  [`${DEPLOY}/resources/properties/limits/properties/cpus`]: 'Processeurs au plus, par exemple 0.5 pour un demi-cœur.',
  [`${DEPLOY}/resources/properties/limits/properties/memory`]: 'Mémoire au plus, par exemple 256M\u00a0; au-delà, le conteneur est tué.',
  [`${DEPLOY}/restart_policy`]: 'En Swarm\u00a0: quand et comment redémarrer une tâche arrêtée.',
  [`${DEPLOY}/restart_policy/properties/condition`]: 'none, on-failure ou any (par défaut).',
  [`${DEPLOY}/restart_policy/properties/delay`]: 'Attente avant de redémarrer une tâche.',
  [`${DEPLOY}/restart_policy/properties/max_attempts`]: 'Nombre maximal de tentatives de redémarrage.',
  [`${DEPLOY}/placement`]: 'En Swarm\u00a0: sur quels nœuds placer les tâches.',
  [`${DEPLOY}/placement/properties/constraints`]: 'Conditions sur les nœuds, par exemple node.role == manager.',
  [`${DEPLOY}/update_config`]: 'En Swarm\u00a0: comment remplacer les tâches lors d’une mise à jour.',
  [`${DEPLOY}/update_config/properties/parallelism`]: 'Tâches mises à jour en même temps.',
  [`${DEPLOY}/update_config/properties/delay`]: 'Attente entre deux groupes de tâches mises à jour.',
  [`${DEPLOY}/update_config/properties/failure_action`]: 'En cas d’échec\u00a0: pause, continue ou rollback (revenir à la version précédente).',
  [`${DEPLOY}/update_config/properties/monitor`]: 'Durée de surveillance d’une tâche mise à jour avant de la juger réussie.',
  [`${DEPLOY}/update_config/properties/max_failure_ratio`]: 'Part d’échecs tolérée pendant la mise à jour.',
  [`${DEPLOY}/update_config/properties/order`]: 'stop-first (arrêter l’ancienne tâche d’abord) ou start-first (démarrer la nouvelle d’abord).',
  [`${DEPLOY}/rollback_config`]: 'En Swarm\u00a0: comment revenir à la version précédente après une mise à jour ratée.',
  [`${DEPLOY}/rollback_config/properties/parallelism`]: 'Tâches ramenées en même temps.',
  [`${DEPLOY}/rollback_config/properties/delay`]: 'Attente entre deux groupes de tâches ramenées.',
  [`${DEPLOY}/rollback_config/properties/failure_action`]: 'En cas d’échec du retour\u00a0: pause ou continue.',
  [`${DEPLOY}/rollback_config/properties/monitor`]: 'Durée de surveillance d’une tâche ramenée.',
  [`${DEPLOY}/rollback_config/properties/max_failure_ratio`]: 'Part d’échecs tolérée pendant le retour.',
  [`${DEPLOY}/rollback_config/properties/order`]: 'stop-first ou start-first, comme pour update_config.',

  'definitions/development': 'Le développement avec compose watch\u00a0: ce qui se passe quand les fichiers changent.',
  'definitions/development/properties/watch': 'compose watch\u00a0: les fichiers à surveiller et que faire quand ils changent.',
  'definitions/development/properties/watch/items/properties/path': 'Le chemin surveillé sur l’hôte.',
  'definitions/development/properties/watch/items/properties/action': 'sync (copier dans le conteneur), rebuild (reconstruire l’image) ou sync+restart.',
  'definitions/development/properties/watch/items/properties/target': 'Le chemin dans le conteneur où copier les fichiers.',

  'definitions/network/properties/driver': 'Le pilote du réseau\u00a0: bridge par défaut, overlay en Swarm.',
  'definitions/network/properties/internal': 'Réseau sans accès vers l’extérieur\u00a0: les conteneurs ne joignent que ses autres membres.',
  'definitions/network/properties/name': 'Nom réel du réseau, sans le préfixe du projet.',
  'definitions/volume/properties/name': 'Nom réel du volume, sans le préfixe du projet.',
  'definitions/secret/properties/file': 'Le fichier de l’hôte qui contient le secret (jamais versionné).',
  'definitions/secret/properties/environment': 'La variable d’environnement (de l’hôte) qui contient le secret.',
  'definitions/config/properties/file': 'Le fichier de l’hôte monté comme config.',
};

export const IN_ENGLISH = '(en anglais) ';

type SchemaNode = { [key: string]: unknown };

/**
 * A copy of the schema whose descriptions are French where the table has
 * them, and labelled « (en anglais) » elsewhere. The engine's schema is not
 * touched.
 */
export function frenchSchema<T>(schema: T, docs: Readonly<Record<string, string>> = COMPOSE_DOCS_FR): T {
  const visit = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => visit(item, `${path}/${index}`));
    if (typeof node !== 'object' || node === null) return node;
    const copy: SchemaNode = {};
    for (const [key, value] of Object.entries(node)) {
      const childPath = path === '' ? key : `${path}/${key}`;
      // `enum`, `default` and `const` hold data, not schemas.
      copy[key] = key === 'enum' || key === 'default' || key === 'const' || key === 'description' ? value : visit(value, childPath);
    }
    if (typeof copy['description'] === 'string') {
      const french = docs[path];
      copy['description'] = french ?? IN_ENGLISH + copy['description'];
      delete copy['markdownDescription'];
    }
    return copy;
  };
  return visit(schema, '') as T;
}
