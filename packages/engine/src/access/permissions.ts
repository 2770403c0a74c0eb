/**
 * Who may do what: the one table of roles and permissions. The server's checks (`can()`), the web
 * app's navigation, the authorisation matrix test and the generated section of docs/access.md all
 * read it. Pure data and a few lookups: no I/O, no framework.
 *
 * A principal has one **standing** in a territory (its strongest role there, or what it is:
 * platform administrator, API key), and a standing is granted permissions. A new role is one entry
 * of `ROLE_DEFINITIONS` naming its standing (and, when no standing fits, one entry of
 * `STANDING_DEFINITIONS` with its rank); a new permission is one entry of `PERMISSION_DEFINITIONS`
 * naming who holds it.
 */
import type { Bilingual } from '../i18n.js';

/**
 * What a principal is in one territory, strongest first. Only the rank matters to the checks: when
 * a user holds several roles in a territory, the strongest standing wins.
 */
export const STANDING_DEFINITIONS = {
  manage: {
    rank: 4,
    label: { fr: 'Administration', en: 'Management' },
    description: { fr: 'administration de la plateforme ou du territoire', en: 'platform or territory administrator' },
  },
  facilitate: {
    rank: 3,
    label: { fr: 'Animation', en: 'Facilitation' },
    description: {
      fr: 'animation du territoire : toutes les fiches, la mise en relation, les imports et exports',
      en: 'the territory’s facilitator: every record, brokering, imports and exports',
    },
  },
  contribute: {
    rank: 2,
    label: { fr: 'Contribution', en: 'Contribution' },
    description: {
      fr: 'les fiches de ses propres acteurs et les synergies qui leur sont proposées',
      en: 'its own actors’ records and the synergies proposed to them',
    },
  },
  read: {
    rank: 1,
    label: { fr: 'Consultation', en: 'Reading' },
    description: {
      fr: 'les agrégats (petits effectifs masqués) et les synergies anonymisées',
      en: 'aggregates (small groups suppressed) and anonymised synergies',
    },
  },
  public: {
    rank: 0,
    label: { fr: 'Public', en: 'Public' },
    description: {
      fr: 'une clé d’API : champs publics et agrégats, en lecture seule',
      en: 'an API key: public fields and aggregates, read only',
    },
  },
} as const satisfies Record<string, { rank: number; label: Bilingual; description: Bilingual }>;

export type Standing = keyof typeof STANDING_DEFINITIONS;

/** The standings, strongest first. */
export const STANDINGS: readonly Standing[] = (Object.keys(STANDING_DEFINITIONS) as Standing[]).sort(
  (a, b) => STANDING_DEFINITIONS[b].rank - STANDING_DEFINITIONS[a].rank,
);

interface RoleDefinition {
  standing: Standing;
  /** Speaks for one actor of the territory (its `actorId`): sees and edits that actor's records only. */
  forActor: boolean;
  label: Bilingual;
  description: Bilingual;
}

/** The roles a user may be given in a territory, strongest first. */
export const ROLE_DEFINITIONS = {
  administrator: {
    standing: 'manage',
    forActor: false,
    label: { fr: 'Administration du territoire', en: 'Territory administration' },
    description: {
      fr: 'Tout ce que fait l’animation, plus les membres, les clés d’API et le journal du territoire.',
      en: 'Everything facilitation does, plus the territory’s members, API keys and audit log.',
    },
  },
  facilitator: {
    standing: 'facilitate',
    forActor: false,
    label: { fr: 'Animation', en: 'Facilitation' },
    description: {
      fr: 'Voit toutes les données et les synergies avec les noms ; importe, exporte, analyse et suit les synergies.',
      en: 'Sees every record and every synergy with names; imports, exports, analyses and follows synergies up.',
    },
  },
  contributor: {
    standing: 'contribute',
    forActor: true,
    label: { fr: 'Contribution (une entreprise)', en: 'Contribution (one company)' },
    description: {
      fr: 'Voit et modifie les données de son entreprise, voit les synergies qui lui sont proposées, consent à la divulgation.',
      en: 'Sees and edits its company’s records, sees the synergies proposed to it, consents to disclosure.',
    },
  },
  reader: {
    standing: 'read',
    forActor: false,
    label: { fr: 'Consultation', en: 'Read only' },
    description: {
      fr: 'Voit les agrégats, les synergies anonymisées et les chiffres du suivi. Ne modifie rien.',
      en: 'Sees aggregates, anonymised synergies and the follow-up figures. Changes nothing.',
    },
  },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof ROLE_DEFINITIONS;

/** The roles, strongest first. */
export const ROLES = Object.keys(ROLE_DEFINITIONS) as readonly Role[];

/** Principals that are not a role in a territory: the platform administrator (every territory, and the platform) and API keys. */
export const PRINCIPAL_DEFINITIONS = {
  platformAdministrator: {
    standing: 'manage',
    label: { fr: 'Administration de la plateforme', en: 'Platform administration' },
    description: {
      fr: 'Administre chaque territoire, crée les territoires et gère tous les comptes.',
      en: 'Administers every territory, creates territories and manages every account.',
    },
  },
  apiKey: {
    standing: 'public',
    label: { fr: 'Clé d’API', en: 'API key' },
    description: {
      fr: 'Une clé d’un territoire, pour d’autres outils : champs publics et agrégats, en lecture seule.',
      en: 'A key of one territory, for other tools: public fields and aggregates, read only.',
    },
  },
} as const satisfies Record<string, { standing: Standing; label: Bilingual; description: Bilingual }>;

/** Who holds a permission: standings in a territory, or `platform` (the platform administrator only, outside any territory). */
export type Grantee = Standing | 'platform';

interface PermissionDefinition {
  label: Bilingual;
  description: Bilingual;
  /** Not a ladder: readers see aggregates but no record, API keys public fields but no synergy. */
  grantedTo: readonly Grantee[];
}

export const PERMISSION_DEFINITIONS = {
  'records:all': {
    label: { fr: 'Toutes les fiches', en: 'Every record' },
    description: { fr: 'Toutes les fiches du territoire, tous leurs champs.', en: 'Every record of the territory, all fields.' },
    grantedTo: ['manage', 'facilitate'],
  },
  'records:own': {
    label: { fr: 'Fiches de ses acteurs', en: 'Own actors’ records' },
    description: {
      fr: 'Voir et modifier les fiches de ses propres acteurs (contribution), ou de tous (animation).',
      en: 'See and edit the records of the principal’s own actors (contributors), or of all of them (facilitators).',
    },
    grantedTo: ['manage', 'facilitate', 'contribute'],
  },
  'records:public': {
    label: { fr: 'Champs publics', en: 'Public fields' },
    description: {
      fr: 'Les champs publics des acteurs, sites et flux du territoire.',
      en: 'Public fields of the territory’s actors, sites and flows.',
    },
    grantedTo: ['manage', 'facilitate', 'public'],
  },
  'territory:facilitate': {
    label: { fr: 'Animer le territoire', en: 'Facilitate the territory' },
    description: {
      fr: 'Créer des acteurs, importer, lancer les analyses, exporter, suivre les synergies, modifier le territoire.',
      en: 'Create actors, import, run analyses, export, follow synergies up, change the territory.',
    },
    grantedTo: ['manage', 'facilitate'],
  },
  'aggregates:read': {
    label: { fr: 'Agrégats', en: 'Aggregates' },
    description: {
      fr: 'Le territoire et ses agrégats : métabolisme, indicateurs, interdépendances (petits effectifs masqués sous l’animation).',
      en: 'The territory and its aggregates: metabolism, indicators, interdependencies (small groups suppressed below facilitators).',
    },
    grantedTo: ['manage', 'facilitate', 'contribute', 'read', 'public'],
  },
  'synergies:read': {
    label: { fr: 'Synergies', en: 'Synergies' },
    description: {
      fr: 'Les synergies et leur suivi : toutes (animation), celles de ses acteurs (contribution), anonymisées (consultation).',
      en: 'Synergies and their follow-up: all of them (facilitators), those of own actors (contributors), anonymised (readers).',
    },
    grantedTo: ['manage', 'facilitate', 'contribute', 'read'],
  },
  'relationships:use': {
    label: { fr: 'Journal des échanges', en: 'Relationship log' },
    description: {
      fr: 'Lire et tenir le journal des échanges avec les entreprises (visites, rencontres, signaux faibles) : réservé à l’animation, même pour une fiche de ses propres acteurs.',
      en: 'Read and keep the log of exchanges with companies (visits, meetings, weak signals): facilitators only, even about one’s own actors.',
    },
    grantedTo: ['manage', 'facilitate'],
  },
  'territory:manage': {
    label: { fr: 'Administrer le territoire', en: 'Administer the territory' },
    description: {
      fr: 'Les membres, rôles, clés d’API, le journal et les données personnelles du territoire.',
      en: 'Members, roles, API keys, the audit log and the personal data of the territory.',
    },
    grantedTo: ['manage'],
  },
  'platform:manage': {
    label: { fr: 'Administrer la plateforme', en: 'Administer the platform' },
    description: {
      fr: 'Créer des territoires, gérer tous les comptes, le journal et les données personnelles de toute la plateforme.',
      en: 'Create territories, manage every account, the audit log and the personal data of the whole platform.',
    },
    grantedTo: ['platform'],
  },
} as const satisfies Record<string, PermissionDefinition>;

export type Permission = keyof typeof PERMISSION_DEFINITIONS;

export const PERMISSIONS = Object.keys(PERMISSION_DEFINITIONS) as readonly Permission[];

/** Whether a standing in a territory holds that permission there. */
export function standingHolds(standing: Standing, permission: Permission): boolean {
  return (PERMISSION_DEFINITIONS[permission].grantedTo as readonly Grantee[]).includes(standing);
}

/** Whether the platform administrator holds that permission: everything `manage` holds in every territory, and the platform's own. */
export function platformAdministratorHolds(permission: Permission): boolean {
  const grantedTo: readonly Grantee[] = PERMISSION_DEFINITIONS[permission].grantedTo;
  return grantedTo.includes('platform') || grantedTo.includes(PRINCIPAL_DEFINITIONS.platformAdministrator.standing);
}

/** The standings the roles give (API keys' `public` is none of them). */
export type RoleStanding = (typeof ROLE_DEFINITIONS)[Role]['standing'];

/** The standing a role gives in its territory. */
export function roleStanding(role: Role): RoleStanding {
  return ROLE_DEFINITIONS[role].standing;
}

/** Whether a standing is at least as strong as another. */
export function atLeast(standing: Standing | undefined, min: Standing): boolean {
  return standing !== undefined && STANDING_DEFINITIONS[standing].rank >= STANDING_DEFINITIONS[min].rank;
}

/** The strongest of some standings; undefined when there is none. */
export function strongest<S extends Standing>(standings: Iterable<S>): S | undefined {
  let best: S | undefined;
  for (const s of standings) if (best === undefined || STANDING_DEFINITIONS[s].rank > STANDING_DEFINITIONS[best].rank) best = s;
  return best;
}
