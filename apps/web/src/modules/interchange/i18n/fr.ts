const fr = {
  'importexport.title': 'Import et export',
  'importexport.intro':
    'Importez les données des entreprises du territoire depuis un tableur, ou exportez-les pour les travailler ailleurs. Un import est toujours vérifié d’abord, sans rien enregistrer : vous voyez ce qu’il ferait avant de confirmer.',

  'importexport.template.title': 'Modèle de tableur',
  'importexport.template.text':
    'Le modèle contient une feuille par type de données (acteurs, sites, flux, besoins), une note sur chaque colonne, des listes déroulantes et une ligne d’exemple par feuille, à remplacer par vos données.',
  'importexport.template.link': 'Télécharger le modèle à remplir (XLSX)',

  'importexport.wizard.title': 'Importer un fichier',
  'importexport.steps.label': 'Étapes de l’import',
  'importexport.steps.current': '(étape en cours)',
  'importexport.steps.done': '(terminée)',
  'importexport.step.heading': 'Étape {n} sur 4 : {name}',
  'importexport.step.choose': 'Choisir le fichier',
  'importexport.step.report': 'Rapport de vérification',
  'importexport.step.confirm': 'Confirmer',
  'importexport.step.result': 'Résultat',

  'importexport.file.label': 'Fichier à importer (XLSX ou CSV)',
  'importexport.file.hint':
    'Un classeur rempli d’après le modèle, ou une feuille enregistrée en CSV (séparateur point-virgule ou virgule, UTF-8 ou Windows-1252).',
  'importexport.file.required': 'Choisissez un fichier à importer.',
  'importexport.file.wrongType': 'Le fichier « {name} » n’est ni un classeur XLSX ni un fichier CSV : choisissez un fichier .xlsx ou .csv.',
  'importexport.file.chosen': 'Fichier choisi : {name} ({size})',
  'importexport.file.size.kb': '{n} ko',
  'importexport.file.size.mb': '{n} Mo',
  'importexport.sheet.label': 'Feuille contenue dans ce fichier CSV',
  'importexport.sheet.hint': 'Un fichier CSV ne contient qu’une feuille : indiquez laquelle.',

  'importexport.mode.legend': 'Que faire des données ?',
  'importexport.mode.hint':
    'Dans tous les cas, le fichier est d’abord vérifié sans rien enregistrer, et rien n’est enregistré sans votre confirmation.',
  'importexport.mode.dry-run': 'Essai à blanc',
  'importexport.mode.dry-run.help': 'Vérifier le fichier seulement : rien n’est enregistré. Vous pourrez enregistrer ensuite.',
  'importexport.mode.all-or-nothing': 'Tout ou rien',
  'importexport.mode.all-or-nothing.help': 'Tout enregistrer en une fois. Si une seule ligne comporte une erreur, rien n’est enregistré.',
  'importexport.mode.valid-rows': 'Lignes valides seulement',
  'importexport.mode.valid-rows.help':
    'Enregistrer les lignes correctes. Les lignes en erreur vous sont rendues dans un fichier, à corriger puis réimporter.',

  'importexport.check': 'Vérifier le fichier',
  'importexport.checking': 'Vérification du fichier en cours…',
  'importexport.importing': 'Import en cours…',

  'importexport.error.title.400': 'Le fichier n’a pas pu être lu.',
  'importexport.error.title.413': 'Le fichier est trop volumineux.',
  'importexport.error.title.415': 'Ce type de fichier n’est pas accepté.',
  'importexport.error.title.404': 'Ce territoire est introuvable.',
  'importexport.error.title.other': 'L’import a échoué.',
  'importexport.error.network': 'Le serveur n’a pas pu être joint. Vérifiez la connexion et réessayez.',
  'importexport.error.hint.400': 'Ouvrez-le dans votre tableur et enregistrez-le à nouveau en XLSX ou en CSV UTF-8, puis réessayez.',
  'importexport.error.hint.413':
    'Découpez-le en plusieurs fichiers (par exemple une feuille par fichier CSV), puis importez-les l’un après l’autre.',
  'importexport.error.hint.415': 'Choisissez un classeur .xlsx ou un fichier .csv.',

  'importexport.report.checkedFile': 'Fichier vérifié : {name}.',
  'importexport.report.nothingWritten': 'Ce n’était qu’une vérification : rien n’a été enregistré pour l’instant.',
  'importexport.report.summary.ok': 'Aucune erreur : le fichier peut être importé.',
  'importexport.report.summary.errors': '{n} erreur(s) dans le fichier.',
  'importexport.report.counts.caption.check': 'Ce que l’import ferait, par feuille',
  'importexport.report.counts.caption.result': 'Ce que l’import a fait, par feuille',
  'importexport.report.sheet': 'Feuille',
  'importexport.report.created.check': 'À créer',
  'importexport.report.updated.check': 'À mettre à jour',
  'importexport.report.created.result': 'Créées',
  'importexport.report.updated.result': 'Mises à jour',
  'importexport.report.unchanged': 'Inchangées',
  'importexport.report.rejected': 'Rejetées',
  'importexport.report.errors.title': 'Erreurs ({n})',
  'importexport.report.errors.none': 'Aucune erreur.',
  'importexport.report.errors.caption': 'Erreurs de la feuille {sheet} ({n})',
  'importexport.report.errors.truncated': 'Les {shown} premières erreurs sont listées, sur {total}.',
  'importexport.report.row': 'Ligne',
  'importexport.report.column': 'Colonne',
  'importexport.report.value': 'Valeur',
  'importexport.report.message': 'Message',
  'importexport.report.wholeSheet': 'toute la feuille',
  'importexport.report.empty': '(vide)',
  'importexport.report.unknownValue': '—',
  'importexport.report.warnings.title': 'Avertissements ({n})',
  'importexport.report.warnings.caption': 'Avertissements : ce qui est importé mais mérite votre attention',
  'importexport.report.ignoredSheets': 'Feuilles ignorées (nom inconnu) : {list}.',
  'importexport.report.ignoredColumns': 'Colonnes ignorées dans la feuille {sheet} (en-tête inconnu) : {list}.',

  'importexport.next': 'Continuer vers la confirmation',
  'importexport.back': 'Retour au choix du fichier',
  'importexport.backToReport': 'Retour au rapport',

  'importexport.confirm.recap': 'Récapitulatif',
  'importexport.confirm.file': 'Fichier',
  'importexport.confirm.checked': 'Vérification',
  'importexport.confirm.checkedValue':
    '{created} ligne(s) à créer, {updated} à mettre à jour, {unchanged} inchangée(s), {rejected} rejetée(s)',
  'importexport.confirm.legend': 'Mode d’enregistrement',
  'importexport.confirm.outcome.allOk': 'Toutes les lignes seront enregistrées en une fois.',
  'importexport.confirm.outcome.allErrors':
    'Le fichier comporte {n} erreur(s) : en « tout ou rien », rien ne sera enregistré. Corrigez le fichier, ou choisissez « lignes valides seulement ».',
  'importexport.confirm.outcome.valid': 'Les lignes valides seront enregistrées.',
  'importexport.confirm.outcome.validRejected':
    'Les lignes valides seront enregistrées ; les {n} ligne(s) rejetée(s) vous seront rendues dans un fichier à corriger.',
  'importexport.confirm.button': 'Confirmer l’import',

  'importexport.result.written': 'Import enregistré.',
  'importexport.result.notWritten': 'Rien n’a été enregistré : le fichier comporte des erreurs.',
  'importexport.result.counts': '{created} ligne(s) créée(s), {updated} mise(s) à jour, {unchanged} inchangée(s), {rejected} rejetée(s).',
  'importexport.result.rejectedFile': 'Télécharger les lignes rejetées (XLSX), avec une colonne « erreurs », à corriger puis réimporter',
  'importexport.result.again': 'Importer un autre fichier',

  'importexport.history.title': 'Derniers imports',
  'importexport.history.caption': 'Les derniers imports du territoire, du plus récent au plus ancien',
  'importexport.history.none': 'Aucun import pour l’instant. Commencez par vérifier un fichier avec « Importer un fichier », ci-dessus.',
  'importexport.history.date': 'Date',
  'importexport.history.file': 'Fichier',
  'importexport.history.mode': 'Mode',
  'importexport.history.written': 'Enregistré',
  'importexport.history.created': 'Créées',
  'importexport.history.updated': 'Mises à jour',
  'importexport.history.rejected': 'Rejetées',
  'importexport.history.errors': 'Erreurs',
  'importexport.history.rejectedFile': 'Lignes rejetées',
  'importexport.history.download': 'Télécharger (XLSX)',
  'importexport.history.downloadOf': 'lignes rejetées de l’import du {date}',
  'importexport.history.unnamed': '(sans nom)',
  'importexport.yes': 'oui',
  'importexport.no': 'non',

  'importexport.export.title': 'Exporter les données du territoire',
  'importexport.export.intro':
    'Les fichiers exportés contiennent les données actuelles du territoire ; le classeur XLSX et les CSV se réimportent tels quels.',
  'importexport.export.spreadsheet': 'Tableur',
  'importexport.export.xlsx': 'Classeur complet (XLSX, quatre feuilles, mise en page du modèle)',
  'importexport.export.json': 'Document du territoire (JSON)',
  'importexport.export.csv': 'CSV, une feuille par fichier',
  'importexport.export.csvSheet': 'Feuille {sheet} (CSV)',
  'importexport.export.geo': 'Données géographiques',
  'importexport.export.geoSites': 'Sites, en points (GeoJSON)',
  'importexport.export.geoFlows': 'Flux, au point de leur site (GeoJSON)',
} as const;
export default fr;

declare module '../../../app/i18n/index.js' {
  interface Catalogues {
    interchange: typeof fr;
  }
}
