/** The `boucles` command: start the server, migrate, load or check territory documents, inspect reference data. */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SHEETS, territoryDocumentJsonSchema, ValidationError, type SheetName } from '@boucles/engine';
import {
  loadCommunes,
  loadEpci,
  loadNaf,
  loadResourceTaxonomy,
  loadUnits,
  loadWasteList,
  loadWasteOperations,
  ReferenceCatalog,
} from '@boucles/reference-data';
import {
  backupStore,
  buildWorkbook,
  configFromEnv,
  createServices,
  DataFolderBusyError,
  geocoderFromEnv,
  limitsFromEnv,
  readJsonDocument,
  AppError,
  UnreadableFileError,
  workbookLists,
  migrate,
  migrateWithBackup,
  openPglite,
  openStore,
  readDemoDocument,
  restoreStore,
  startServer,
  type Database,
  type StoreConfig,
  SYSTEM,
} from '@boucles/server';
import { parseMode, runImport } from './import.js';
import { runAnalyse } from './analyse.js';
import { runMetabolism } from './metabolism.js';
import { consoleIo, safeIo, type Io } from './io.js';

export { terminalSafe, type Io } from './io.js';

/** French names of the import modes, accepted as well as the English ones. */
const MODE_ALIASES: Record<string, string> = {
  tout: 'all-or-nothing',
  'tout-ou-rien': 'all-or-nothing',
  essai: 'dry-run',
  'lignes-valides': 'valid-rows',
};

export const HELP = `boucles — plateforme d'économie circulaire territoriale

Usage : boucles <commande> [options]

Commandes :
  serve                 démarre le serveur (comme npm start)
  migrate               applique les migrations à la base configurée
  demo                  charge le territoire de démonstration s'il est absent
  load <fichier.json>   crée un territoire à partir d'un document territoire (tout ou rien)
  import <fichiers…> --territory <code> [--mode tout|essai|lignes-valides] [--sheet <feuille>] [--rejets <fichier>]
                        importe un classeur XLSX ou des CSV (acteurs.csv, sites.csv, flux.csv,
                        besoins.csv) dans un territoire ; modes : all-or-nothing (défaut),
                        dry-run (rien n'est écrit), valid-rows (les lignes rejetées sont rendues
                        dans un fichier à corriger)
  template [fichier.xlsx]
                        écrit le classeur modèle à remplir (défaut : territoire.xlsx)
  export --territory <code> --format xlsx|csv|json|geojson [--sheet <feuille>] [--out <fichier>]
                        exporte les données d'un territoire (csv : une feuille ; geojson : sites ou flux)
  check <fichier.json>  vérifie un document territoire sans rien écrire
  analyse <fichier.json> | --territory <code> [--objective co2|cost] [--json] [--rules <fichier>] [--k N] [--top N]
                        détecte, vérifie, classe et alloue les synergies ; un document est analysé
                        sans rien écrire, un territoire stocké garde son analyse ; --rules remplace
                        les règles de compatibilité intégrées par un fichier du même schéma
  metabolisme <fichier.json> | --territory <code> [--scenario] [--with <code,…>] [--json] [--out <fichier.csv|xlsx>]
                        comptes de flux par couche (t, MWh, m3), indicateurs, bilan de masse ;
                        --scenario : avant/après les synergies détectées ; --with : interdépendances
                        avec d'autres territoires stockés
  sauvegarde [fichier | dossier]   (ou backup)
                        écrit une copie complète de la base (défaut : data/sauvegardes/) ;
                        base embarquée : archive .tar.gz ; PostgreSQL : pg_dump (.dump)
  restauration <fichier>           (ou restore)
                        remplace la base par une sauvegarde ; la base embarquée remplacée est
                        gardée à côté (data/pglite.avant-restauration-…)
  admin create --email <adresse> --name <nom> [--password-stdin]
                        crée un administrateur de la plateforme ; le mot de passe est lu sur
                        l'entrée standard (--password-stdin) ou tiré au hasard et affiché une fois
  reference             résume les données de référence embarquées
  schema                écrit le schéma JSON du document territoire (docs/schemas/)
  help (ou --help, -h)  affiche cette aide

Configuration par variables d'environnement : DATABASE_URL (PostgreSQL ; sinon PGlite
embarqué), BOUCLES_DATA_DIR (défaut ./data), PORT, HOST. Voir README.md.

La base embarquée n'accepte qu'un programme à la fois : tant que le serveur tourne sur le même
dossier de données, les commandes qui l'ouvrent sont refusées (code de sortie 3) ; passez alors
par l'application web ou l'API, ou arrêtez le serveur.
`;

/** Everything on standard input (a password piped in), as text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function storeConfig(): StoreConfig {
  const config = configFromEnv();
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema };
}

/**
 * Opens the configured database for one command. The embedded database belongs to one process:
 * while the server (or another command) holds the data folder, this throws DataFolderBusyError,
 * whose message says what to do.
 */
async function withDatabase<T>(
  holder: string,
  fn: (db: Database) => Promise<T>,
  log: (line: string) => void = () => undefined,
): Promise<T> {
  const store = await openStore(storeConfig(), holder, log);
  try {
    await migrateWithBackup(store, log);
    return await fn(store.db);
  } finally {
    await store.close();
  }
}

/** A territory document, read in the parsing worker with its limits (size, depth): faults are located by line and column. */
function readJsonFile(path: string): Promise<unknown> {
  return readJsonDocument(path, limitsFromEnv());
}

function printIssues(e: ValidationError, file: string, io: Io): void {
  io.err(`${file} : ${e.issues.length} problème(s)`);
  for (const i of e.issues) io.err(`  ${i.path || '(racine)'} : ${i.message.fr}`);
}

/** The command line's words and options, as `run` reads them; throws Node's parseArgs errors. */
function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      territory: { type: 'string', short: 't' },
      mode: { type: 'string', short: 'm' },
      sheet: { type: 'string' },
      rejets: { type: 'string' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      'no-progress': { type: 'boolean' },
      objective: { type: 'string' },
      json: { type: 'boolean' },
      rules: { type: 'string' },
      k: { type: 'string' },
      top: { type: 'string' },
      scenario: { type: 'boolean' },
      with: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * What is wrong with a command line that parseArgs refused (an unknown option, an option without
 * its value, a value given to a switch), in French; undefined for any other error.
 */
function commandLineProblem(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const message = (e as Error).message;
  const option = /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Option inconnue : ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take an argument/.test(message)
      ? `L'option ${option} ne prend pas de valeur`
      : `Valeur manquante pour l'option ${option}`;
  }
  return option ? `Option mal employée : ${option}` : 'Ligne de commande invalide';
}

/** Runs one command; returns the process exit code. */
export async function run(argv: readonly string[], rawIo: Io = consoleIo): Promise<number> {
  const io = safeIo(rawIo);
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    const problem = commandLineProblem(e);
    if (problem === undefined) throw e;
    io.err(`${problem}\n`);
    io.err(HELP);
    return 2;
  }
  const { positionals, values } = parsed;
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const [command, ...rest] = positionals;
  const reference = new ReferenceCatalog();
  try {
    switch (command) {
      case undefined:
      case 'help':
        io.out(HELP);
        return 0;
      case 'serve': {
        const server = await startServer(configFromEnv(), io.out);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
        return 0;
      }
      case 'admin': {
        if (rest[0] !== 'create' || !values.email || !values.name) {
          io.err('Usage : boucles admin create --email <adresse> --name <nom> [--password-stdin]');
          return 2;
        }
        const generated = !values['password-stdin'];
        const password = generated ? randomBytes(15).toString('base64url') : (await readStdin()).replace(/\r?\n$/, '');
        const email = values.email;
        const name = values.name;
        const user = await withDatabase(
          'admin',
          async (db) => createServices(db, reference).accounts.createAdmin({ email, displayName: name, password }),
          io.out,
        );
        io.out(`Administrateur créé : ${user.email} (${user.id}).`);
        if (generated) io.out(`Mot de passe (affiché une seule fois) : ${password}`);
        return 0;
      }
      case 'migrate': {
        const store = await openStore(storeConfig(), 'migrate', io.out);
        let applied: string[];
        try {
          applied = await migrateWithBackup(store, io.out);
        } finally {
          await store.close();
        }
        io.out(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base à jour : aucune migration à appliquer.');
        return 0;
      }
      case 'demo':
      case 'load': {
        const file = command === 'demo' ? 'territoire-demo.json' : rest[0];
        if (!file) {
          io.err('Usage : boucles load <fichier.json>');
          return 2;
        }
        const doc = command === 'demo' ? readDemoDocument() : await readJsonFile(file);
        const report = await withDatabase(command, (db) => createServices(db, reference).territoryDocuments.importNew(SYSTEM, doc), io.out);
        const c = report.created;
        io.out(
          `Territoire ${report.territory.code} créé — acteurs : ${c.actors}, sites : ${c.sites}, flux : ${c.flows}, besoins : ${c.needs}.`,
        );
        return 0;
      }
      case 'import': {
        const mode = parseMode(MODE_ALIASES[values.mode ?? ''] ?? values.mode);
        if (rest.length === 0 || !values.territory || !mode) {
          io.err('Usage : boucles import <fichier.xlsx | fichiers.csv…> --territory <code> [--mode all-or-nothing|dry-run|valid-rows]');
          return 2;
        }
        const args = {
          files: rest,
          territory: values.territory,
          mode,
          sheet: values.sheet,
          rejectedPath: values.rejets,
          progress: !values['no-progress'],
        };
        return await withDatabase(
          'import',
          (db) => runImport(createServices(db, reference, { geocoder: geocoderFromEnv() }), args, io),
          io.out,
        );
      }
      case 'sauvegarde':
      case 'backup': {
        const path = await backupStore(storeConfig(), rest[0] ?? values.out);
        io.out(`Sauvegarde écrite : ${path}`);
        io.out('Pour revenir à cet état : boucles restauration ' + path);
        return 0;
      }
      case 'restauration':
      case 'restore': {
        const file = rest[0];
        if (!file) {
          io.err('Usage : boucles restauration <fichier de sauvegarde>');
          return 2;
        }
        const { keptAs } = await restoreStore(storeConfig(), file);
        io.out(`Base restaurée depuis ${file}.`);
        if (keptAs) io.out(`La base remplacée est gardée dans ${keptAs} (à supprimer quand la restauration est vérifiée).`);
        return 0;
      }
      case 'template': {
        const path = rest[0] ?? 'territoire.xlsx';
        writeFileSync(path, await buildWorkbook({}, { template: true, lists: workbookLists() }));
        io.out(`Modèle écrit : ${path}`);
        return 0;
      }
      case 'export': {
        const format = values.format;
        const code = values.territory;
        const sheet = values.sheet as SheetName | undefined;
        if (!code || !format || !['xlsx', 'csv', 'json', 'geojson'].includes(format) || (sheet && !SHEETS.some((s) => s.name === sheet))) {
          io.err(
            'Usage : boucles export --territory <code> --format xlsx|csv|json|geojson [--sheet acteurs|sites|flux|besoins] [--out <fichier>]',
          );
          return 2;
        }
        const out = values.out ?? `${code.replace(/[^\w-]/g, '_')}${sheet ? `-${sheet}` : format === 'csv' ? '-acteurs' : ''}.${format}`;
        await withDatabase(
          'export',
          async (db) => {
            const exports = createServices(db, reference).territoryExports;
            if (format === 'xlsx') await exports.workbookFile(SYSTEM, code, out);
            else if (format === 'csv') writeFileSync(out, await exports.csv(SYSTEM, code, sheet ?? 'acteurs'));
            else if (format === 'json') writeFileSync(out, `${JSON.stringify(await exports.document(SYSTEM, code), null, 2)}\n`);
            else writeFileSync(out, JSON.stringify(await exports.geojson(SYSTEM, code, sheet === 'flux' ? 'flux' : 'sites')));
          },
          io.out,
        );
        io.out(`Export écrit : ${out}`);
        return 0;
      }
      case 'check': {
        const file = rest[0];
        if (!file) {
          io.err('Usage : boucles check <fichier.json>');
          return 2;
        }
        const doc = await readJsonFile(file);
        // Checking needs the reference data only: a throw-away database in memory, so that a
        // check runs even while the server holds the data folder.
        const db = await openPglite();
        try {
          await migrate(db);
          createServices(db, reference).territoryDocuments.check(doc);
        } finally {
          await db.close();
        }
        io.out(`${file} : document valide, rien n'a été écrit.`);
        return 0;
      }
      case 'analyse':
      case 'analyze': {
        const objective = values.objective ?? 'co2';
        const k = Number(values.k ?? 10);
        const top = Number(values.top ?? 20);
        const file = rest[0];
        if (
          !file === !values.territory ||
          (objective !== 'co2' && objective !== 'cost') ||
          !Number.isInteger(k) ||
          k < 1 ||
          k > 100 ||
          !Number.isInteger(top) ||
          top < 1
        ) {
          io.err(
            'Usage : boucles analyse <fichier.json> | --territory <code> [--objective co2|cost] [--json] [--rules <fichier>] [--k 1..100] [--top N]',
          );
          return 2;
        }
        const args = { objective, k, top, json: values.json ?? false, rulesFile: values.rules } as const;
        if (values.territory) {
          const code = values.territory;
          return await withDatabase('analyse', (db) => runAnalyse(createServices(db, reference), code, args, io, true), io.out);
        }
        // A document is loaded into a throw-away database in memory, checked as `load` checks it.
        const db = await openPglite();
        try {
          await migrate(db);
          const services = createServices(db, reference);
          const report = await services.territoryDocuments.importNew(SYSTEM, await readJsonFile(file as string));
          return await runAnalyse(services, report.territory.code, args, io, false);
        } finally {
          await db.close();
        }
      }
      case 'metabolisme':
      case 'metabolism': {
        const file = rest[0];
        const others = (values.with ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        if (!file === !values.territory || (others.length > 0 && !values.territory)) {
          io.err(
            'Usage : boucles metabolisme <fichier.json> | --territory <code> [--scenario] [--with <code,…>] [--json] [--out <fichier.csv|xlsx>]',
          );
          return 2;
        }
        const args = { json: values.json ?? false, scenario: values.scenario ?? false, with: others, out: values.out };
        if (values.territory) {
          const code = values.territory;
          return await withDatabase('metabolisme', (db) => runMetabolism(createServices(db, reference), code, args, io, false), io.out);
        }
        const db = await openPglite();
        try {
          await migrate(db);
          const services = createServices(db, reference);
          const report = await services.territoryDocuments.importNew(SYSTEM, await readJsonFile(file as string));
          return await runMetabolism(services, report.territory.code, args, io, true);
        } finally {
          await db.close();
        }
      }
      case 'reference': {
        const waste = loadWasteList();
        io.out(`Communes (COG) : ${loadCommunes().length}`);
        io.out(`EPCI à fiscalité propre : ${loadEpci().length}`);
        io.out(`NAF rév. 2 (sections à sous-classes) : ${loadNaf().length}`);
        io.out(
          `Liste européenne des déchets : ${waste.entries.length} codes, dont ${waste.entries.filter((w) => w.hazardous).length} dangereux`,
        );
        io.out(`Opérations de traitement R/D : ${loadWasteOperations().entries.length}`);
        io.out(`Taxonomie des ressources : ${loadResourceTaxonomy().entries.length} classes`);
        io.out(
          `Unités : ${loadUnits()
            .units.map((u) => u.code)
            .join(', ')}`,
        );
        return 0;
      }
      case 'schema':
        io.out(`${JSON.stringify(territoryDocumentJsonSchema(), null, 2)}`);
        return 0;
      default:
        io.err(`Commande inconnue : ${command}\n`);
        io.err(HELP);
        return 2;
    }
  } catch (e) {
    if (e instanceof DataFolderBusyError) {
      io.err(`Refusé : ${e.fr}`);
      return 3;
    }
    if (e instanceof UnreadableFileError) {
      io.err(`Fichier illisible : ${e.fr}`);
      return 1;
    }
    if (e instanceof ValidationError) {
      printIssues(e, rest[0] ?? command ?? '', io);
      return 1;
    }
    io.err(`Erreur : ${e instanceof AppError ? e.text.fr : (e as Error).message}`);
    return 1;
  }
}
