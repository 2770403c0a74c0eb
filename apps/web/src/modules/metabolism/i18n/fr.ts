const fr = {
  'metabolism.title': 'Métabolisme du territoire',
  'metabolism.intro':
    'Les flux de matières, d’énergie et d’eau des acteurs du territoire, tels qu’ils les déclarent, complétés par les agrégats saisis (statistiques). Les trois couches restent séparées : rien n’est jamais converti ni additionné d’une couche à l’autre.',
  'metabolism.notCounted': 'Flux ou agrégats non comptés : {n}. Pourquoi ?',
  'metabolism.countedMessage': '{message} ({n})',
  'metabolism.tabs.label': 'Couche de flux',
  'metabolism.layer.material': 'Matières',
  'metabolism.layer.energy': 'Énergie',
  'metabolism.layer.water': 'Eau',
  'metabolism.unit.index': 'indice de 0 à 10 000',
  'metabolism.family.all': 'Toutes familles',
  'metabolism.family.agrifood': 'Produits agricoles et agroalimentaires',
  'metabolism.family.construction_minerals': 'Matières premières (métaux…) et matériaux de construction',
  'metabolism.family.energy_carriers': 'Matières et vecteurs énergétiques',
  'metabolism.family.manufactured': 'Autres biens manufacturés',
  'metabolism.family.wastes': 'Déchets et sous-produits',
  'metabolism.state.current': 'État actuel.',
  'metabolism.state.after': 'Après les synergies détectées.',
  'metabolism.balance.title': 'Bilan de masse : {layer}',
  'metabolism.balance.warning': 'Attention : l’écart de bilan dépasse la tolérance de {tolerance} %.',
  'metabolism.balance.ok': 'Bilan équilibré, à la tolérance de {tolerance} % près.',
  'metabolism.balance.entering': 'Entrées (intrants + extraction)',
  'metabolism.balance.leaving': 'Sorties (+ variation de stock)',
  'metabolism.balance.imbalance': 'Écart (entrées − sorties)',
  'metabolism.balance.note':
    'L’écart n’est ni réparti sur les flux ni masqué : il reste à expliquer (sorties non déclarées, émissions dans l’air, eau évaporée, chaleur dissipée, acteurs manquants). Le diagramme le montre par un nœud « écart de bilan ».',
  'metabolism.flows.title': 'Flux : {layer} ({unit})',
  'metabolism.flows.intro':
    'Des sources (boucle locale, approvisionnement local, extérieur, extraction) vers les activités du territoire, puis vers les sorties par famille et leur devenir. Le tableau qui suit le diagramme donne les mêmes flux.',
  'metabolism.flows.caption': 'Flux du diagramme : {layer} ({unit}). {state}',
  'metabolism.flows.source': 'Origine',
  'metabolism.flows.target': 'Destination',
  'metabolism.flows.family': 'Famille',
  'metabolism.flows.quantity': 'Quantité par an',
  'metabolism.flows.unit': 'Unité',
  'metabolism.flows.noFamily': 'Sans objet (stock ou écart de bilan)',
  'metabolism.sankey.label':
    'Diagramme de Sankey des flux, couche {layer} ({unit}). {state} {links} liens ; {entering} entrent dans les activités du territoire, {leaving} en sortent ou s’ajoutent au stock. Le tableau « {caption} » qui suit donne les mêmes flux.',
  'metabolism.perimeter.label': 'Famille de flux (indicateurs et comparaison)',
  'metabolism.indicators.title': 'Indicateurs',
  'metabolism.indicators.intro':
    'Ouvrez le nom d’un indicateur pour lire sa définition et sa formule. « Donnée déclarée » : calculable avec les seules déclarations des acteurs ; « statistiques requises » : il faut saisir des agrégats statistiques (extraction intérieure…). La couverture est la part de la quantité concernée sur laquelle repose la valeur.',
  'metabolism.indicators.caption': 'Indicateurs : {layer}, {perimeter}',
  'metabolism.indicators.name': 'Indicateur',
  'metabolism.indicators.value': 'Valeur',
  'metabolism.indicators.needs': 'Source',
  'metabolism.indicators.coverage': 'Couverture',
  'metabolism.indicators.coverageNa': 'sans objet',
  'metabolism.indicators.formula': 'Formule :',
  'metabolism.indicators.notComputed': 'Non calculable.',
  'metabolism.needs.declared': 'Donnée déclarée',
  'metabolism.needs.statistics': 'Statistiques requises',
  'metabolism.scenario.title': 'Scénario : avec les synergies détectées',
  'metabolism.scenario.intro':
    'Que deviendraient les flux si les synergies de substitution de la dernière analyse étaient mises en œuvre ? Les quantités allouées passent de leur devenir actuel à une valorisation sur le territoire, et les intrants des receveurs deviennent locaux et recyclés. Les totaux ne changent pas : les quantités se déplacent.',
  'metabolism.scenario.none':
    'Aucune analyse des synergies n’a encore été lancée pour ce territoire : le scénario a besoin de ses synergies.',
  'metabolism.scenario.toSynergies': 'Lancer une analyse sur la page Synergies',
  'metabolism.scenario.toggle': 'Avec les synergies détectées',
  'metabolism.scenario.latest': 'Dernière analyse : {date}',
  'metabolism.scenario.loading': 'Calcul du scénario…',
  'metabolism.scenario.applied':
    'Scénario de l’analyse du {date} : synergies appliquées : {applied} ({layers}). Le diagramme et son tableau montrent l’état après.',
  'metabolism.scenario.layerCount': '{layer} : {n}',
  'metabolism.scenario.toComparison': 'Voir les indicateurs avant et après',
  'metabolism.scenario.skipped': 'Synergies écartées du scénario : {n}. Pourquoi ?',
  'metabolism.comparison.title': 'Avant et après les synergies',
  'metabolism.comparison.intro':
    'Chaque indicateur avant et après la mise en œuvre des synergies ; la variation est « après − avant », avec son signe.',
  'metabolism.comparison.caption': 'Indicateurs avant et après les synergies de l’analyse du {date} : {layer}, {perimeter}',
  'metabolism.comparison.indicator': 'Indicateur',
  'metabolism.comparison.before': 'Avant',
  'metabolism.comparison.after': 'Après',
  'metabolism.comparison.change': 'Variation',
  'metabolism.comparison.unit': 'Unité',
  'metabolism.exports.title': 'Exports',
  'metabolism.exports.intro':
    'L’état actuel, sans scénario. CSV séparé par des points-virgules, en UTF-8 ; XLSX avec une feuille par tableau.',
  'metabolism.exports.accountsCsv': 'Télécharger les comptes de flux (CSV)',
  'metabolism.exports.indicatorsCsv': 'Télécharger les indicateurs (CSV)',
  'metabolism.exports.xlsx': 'Télécharger les comptes et les indicateurs (XLSX)',
  'metabolism.inter.title': 'Interdépendances avec un autre territoire',
  'metabolism.inter.intro':
    'Les flux qui traversent les limites des deux territoires, tels que chacun les déclare : ce que le territoire d’origine déclare envoyer et ce que le territoire de destination déclare recevoir, avec l’écart. Un appui à la négociation, pas une moyenne.',
  'metabolism.inter.noOther': 'Aucun autre territoire n’est enregistré.',
  'metabolism.inter.other': 'Autre territoire',
  'metabolism.inter.choose': 'Choisir un territoire',
  'metabolism.inter.show': 'Afficher les interdépendances',
  'metabolism.inter.none': 'Aucun flux déclaré entre ce territoire et {other}.',
  'metabolism.inter.count': 'Lignes d’interdépendance : {n}.',
  'metabolism.inter.caption': 'Flux entre ce territoire et {other}, déclarés de part et d’autre',
  'metabolism.inter.from': 'Territoire d’origine',
  'metabolism.inter.to': 'Territoire de destination',
  'metabolism.inter.layer': 'Couche',
  'metabolism.inter.family': 'Famille',
  'metabolism.inter.bySource': 'Déclaré par l’origine',
  'metabolism.inter.byDestination': 'Déclaré par la destination',
  'metabolism.inter.gap': 'Écart',
  'metabolism.inter.dependency': 'Dépendance de la destination',
  'metabolism.inter.noInputs': '— (aucun intrant)',
  'metabolism.inter.notes':
    'Écart = déclaré par l’origine − déclaré par la destination. Dépendance : part des intrants du territoire de destination qui viennent du territoire d’origine, en retenant la plus grande des deux déclarations. Chaque territoire classe le flux dans sa propre famille : comparez les lignes « Toutes familles ».',
  'metabolism.inter.csv': 'Télécharger ces interdépendances (CSV)',
  'metabolism.inter.xlsx': 'Télécharger ces interdépendances (XLSX)',
  'metabolism.notCountedFlows':
    'Flux déclarés non comptés : {n} (le détail est réservé à l’animation du territoire : ce sont des données d’entreprises).',
  'metabolism.balance.withheld':
    'L’écart de bilan n’est pas affiché (secret statistique) : son montant, son signe ou même son dépassement de la tolérance permettraient de retrouver une valeur masquée.',
  'metabolism.scenario.noneYet': 'Aucune analyse des synergies n’a encore été lancée pour ce territoire : il n’y a pas encore de scénario.',
  'metabolism.scenario.appliedCount':
    'Scénario de l’analyse du {date} : synergies appliquées : {applied} ; écartées : {skipped}. Le détail des synergies n’est pas affiché (données d’entreprises). Le diagramme et son tableau montrent l’état après.',
  'metabolism.sankey.withheld': '{n} liens ne sont pas dessinés : secret statistique (voir « s » dans le tableau).',
  'metabolism.sankey.gaps':
    'Secret statistique : {n} liens ne sont pas dessinés. Chaque nœud est dessiné à sa valeur quand elle est affichée : les vides entre un nœud et ses liens correspondent aux flux masqués, marqués « s » dans le tableau qui suit.',
  'metabolism.sankey.empty':
    'Aucun flux de cette couche ne peut être dessiné : toutes ses valeurs relèvent du secret statistique. Le tableau « {caption} » les liste.',
  'metabolism.nodes.caption': 'Valeurs des nœuds du diagramme : {layer} ({unit}). {state}',
  'metabolism.nodes.name': 'Nœud',
  'metabolism.secret.numbers': 'zéro,un,deux,trois,quatre,cinq,six,sept,huit,neuf,dix',
  'metabolism.secret.too_few_actors': 'secret statistique : moins de {n} établissements',
  'metabolism.secret.dominance': 'secret statistique : un établissement représente plus de {share} %',
  'metabolism.secret.complementary': 'secret statistique : secret induit',
  'metabolism.secret.title': 'Secret statistique',
  'metabolism.secret.intro.metabolism':
    'Votre rôle donne accès aux agrégats du territoire, pas aux chiffres d’une entreprise. Comme le fait l’Insee, une valeur qui permettrait de connaître celle d’un établissement n’est pas affichée : elle est remplacée par « s » dans les tableaux (son motif est lu par les lecteurs d’écran et s’affiche au survol).',
  'metabolism.secret.intro.inter':
    'Votre rôle ne donne pas accès à tous les chiffres de ces territoires : comme sur le reste de la page, une valeur qui permettrait de connaître celle d’un établissement est remplacée par « s ».',
  'metabolism.secret.count.metabolism': 'Valeurs non affichées, sur les trois couches : {n}.',
  'metabolism.secret.count.inter': 'Valeurs d’interdépendance non affichées : {n}.',
  'metabolism.secret.reason.too_few_actors': 'Moins de {min} établissements (règle de fréquence) : {n}.',
  'metabolism.secret.reason.dominance': 'Un établissement représente plus de {share} % de la valeur (règle de dominance) : {n}.',
  'metabolism.secret.reason.complementary':
    'Secret induit, pour qu’on ne puisse pas retrouver les précédentes par addition ou soustraction : {n}.',
  'metabolism.secret.none':
    'Toutes les valeurs sont affichées : chacune repose sur au moins {min} établissements, dont aucun n’en représente plus de {share} %.',
  'metabolism.secret.incomplete':
    'Le contrôle n’a pas pu être mené jusqu’au bout : par prudence, toute valeur qui repose sur au moins un établissement est masquée.',
  'metabolism.secret.rule':
    'Règles de l’Insee pour la statistique d’entreprise, appliquées par analogie (un établissement est ici un acteur déclaré ; les agrégats saisis par l’animation sont publics) : une valeur doit reposer sur au moins {min} établissements, aucun ne doit en représenter plus de {share} %, et aucune valeur masquée ne doit pouvoir être recalculée à partir des autres.',
  'metabolism.secret.source': 'Source :',
  'metabolism.secret.sourceTitle': 'Insee, « Manuel de protection des tableaux », chapitre 11 « Règles », § 11.1',
} as const;
export default fr;

declare module '../../../app/i18n/index.js' {
  interface Catalogues {
    metabolism: typeof fr;
  }
}
