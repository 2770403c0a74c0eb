/**
 * The company relationship log (« journal des échanges avec les entreprises »). The kinds and the
 * example of a service offered are the seeds' words (../shared/seeds/000_e8aab74fef9bda69.txt,
 * lines 510, 593–597).
 */
const fr = {
  'nav.relationships': 'Échanges',
  'admin.audit.entity.interaction': 'échange avec une entreprise',

  'relationships.title': 'Échanges avec les entreprises',
  'relationships.intro':
    'Visites, rencontres, ateliers en entreprise, clubs : ce que l’animation apprend des entreprises du territoire, les signaux faibles repérés et les services proposés. Ce journal n’est visible que par l’animation et l’administration du territoire.',
  'relationships.add': 'Noter un échange',
  'relationships.filter.weakSignal': 'Signaux faibles seulement',
  'relationships.list': 'Journal des échanges',
  'relationships.count.one': '1 échange',
  'relationships.count': '{n} échanges',
  'relationships.countWeak.one': '1 échange avec un signal faible',
  'relationships.countWeak': '{n} échanges avec un signal faible',
  'relationships.shown': '{shown} affichés sur {total}',
  'relationships.more': 'Afficher les échanges suivants',
  'relationships.empty': 'Aucun échange noté. Ajoutez le premier : une visite, une rencontre…',
  'relationships.emptyWeak': 'Aucun signal faible noté. Décochez « Signaux faibles seulement » pour voir tous les échanges.',

  'relationships.kind.visit': 'Visite',
  'relationships.kind.meeting': 'Rencontre',
  'relationships.kind.company_workshop': 'Atelier en entreprise',
  'relationships.kind.club': 'Club',

  'relationships.weakSignal': 'Signal faible',
  'relationships.participants': 'Participants',
  'relationships.topics': 'Sujets abordés',
  'relationships.serviceOffered': 'Service proposé',
  'relationships.followUpOn': 'Relance prévue',
  'relationships.by': 'Noté par {name}',
  'relationships.byUnknown': 'Noté par un compte supprimé depuis',
  'relationships.of': 'l’échange du {date} avec {actor}',
  'relationships.edit': 'Modifier',
  'relationships.delete': 'Supprimer',
  'relationships.deleteTitle': 'Supprimer cet échange ?',
  'relationships.deleteText': 'L’échange du {date} avec {actor} sera retiré du journal. Cela ne peut pas être annulé.',
  'relationships.deleteYes': 'Supprimer l’échange',
  'relationships.deleted': 'Échange supprimé.',
  'relationships.saved': 'Échange enregistré.',

  'relationships.form.new': 'Noter un échange',
  'relationships.form.edit': 'Modifier l’échange avec {actor}',
  'relationships.form.search': 'Rechercher l’entreprise',
  'relationships.form.searchHint': 'Par son nom ou son numéro SIRET.',
  'relationships.form.actor': 'Entreprise rencontrée',
  'relationships.form.choose': 'Choisir…',
  'relationships.form.actorCount': '{n} acteurs trouvés',
  'relationships.form.actorMore': 'Les {shown} premiers sur {total} : précisez la recherche',
  'relationships.form.date': 'Date de l’échange',
  'relationships.form.kind': 'Type d’échange',
  'relationships.form.participants': 'Participants (facultatif)',
  'relationships.form.participantsHint': 'Qui était là, pour l’entreprise et pour la collectivité.',
  'relationships.form.topics': 'Sujets abordés (facultatif)',
  'relationships.form.weakSignal': 'Un signal faible a été repéré',
  'relationships.form.weakSignalHint':
    'Une difficulté à anticiper ou une occasion à saisir : un départ à la retraite, une baisse de commandes, un projet d’extension…',
  'relationships.form.weakSignalText': 'Le signal faible',
  'relationships.form.service': 'Service proposé (facultatif)',
  'relationships.form.serviceHint': 'Par exemple : réponse à des appels d’offres, soutien au développement de l’éco-conception.',
  'relationships.form.followUp': 'Date de relance (facultatif)',
  'relationships.form.submit': 'Enregistrer l’échange',
  'relationships.form.cancel': 'Annuler',

  'relationships.error.actor': 'Choisissez l’entreprise rencontrée.',
  'relationships.error.date': 'Indiquez la date de l’échange.',
  'relationships.error.kind': 'Choisissez le type d’échange.',
  'relationships.error.weakSignalText': 'Dites quel est le signal faible repéré.',
  'relationships.error.followUp': 'La relance ne peut précéder l’échange.',
} as const;
export default fr;

declare module '../../../app/i18n/index.js' {
  interface Catalogues {
    relationships: typeof fr;
  }
}
