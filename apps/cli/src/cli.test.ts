import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { run, type Io } from './cli.js';

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), 'boucles-cli-'));
process.env.BOUCLES_DATA_DIR = join(dir, 'data');
delete process.env.DATABASE_URL;
after(() => rmSync(dir, { recursive: true, force: true }));

test('boucles help lists the commands in French', async () => {
  const io = capture();
  assert.equal(await run(['help'], io), 0);
  assert.match(io.lines.join('\n'), /check <fichier.json>/);
});

test('boucles --help and -h print the help, before a command or after it, and exit with 0', async () => {
  for (const argv of [['--help'], ['-h'], ['import', '--help'], ['help', '--territory', 'X']]) {
    const io = capture();
    assert.equal(await run(argv, io), 0, argv.join(' '));
    assert.deepEqual(io.errors, [], argv.join(' '));
    assert.match(io.lines.join('\n'), /check <fichier.json>/, argv.join(' '));
  }
});

test('an unknown option, or an option without its value, exits with 2 and says which in French, with the help', async () => {
  const unknown = capture();
  assert.equal(await run(['reference', '--frobnicate'], unknown), 2);
  assert.equal(unknown.errors[0], 'Option inconnue : --frobnicate\n');
  assert.match(unknown.errors.join('\n'), /Usage : boucles <commande>/);
  const missing = capture();
  assert.equal(await run(['export', '--territory'], missing), 2);
  assert.equal(missing.errors[0], "Valeur manquante pour l'option -t, --territory\n");
  const extra = capture();
  assert.equal(await run(['analyse', '--json=oui'], extra), 2);
  assert.equal(extra.errors[0], "L'option --json ne prend pas de valeur\n");
});

test('the boucles command prints the help for help and --help, and refuses an unknown option, without a stack trace', async () => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const bin = new URL('../bin/boucles.js', import.meta.url).pathname;
  for (const arg of ['help', '--help']) {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, arg]);
    assert.match(stdout, /^boucles — plateforme d'économie circulaire territoriale/, arg);
    assert.equal(stderr, '', arg);
  }
  const refused = await promisify(execFile)(process.execPath, [bin, '--frobnicate']).then(
    () => assert.fail('an unknown option is refused'),
    (e: { code: number; stderr: string }) => e,
  );
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /^Option inconnue : --frobnicate/);
  assert.doesNotMatch(refused.stderr, /\n\s+at /);
});

test('an unknown command exits with 2 and says so', async () => {
  const io = capture();
  assert.equal(await run(['frobnicate'], io), 2);
  assert.match(io.errors[0] ?? '', /Commande inconnue : frobnicate/);
});

test('boucles reference summarises the embedded reference data', async () => {
  const io = capture();
  assert.equal(await run(['reference'], io), 0);
  const text = io.lines.join('\n');
  assert.match(text, /Communes \(COG\) : 3\d{4}/);
  assert.match(text, /EPCI à fiscalité propre : 1255/);
});

test('boucles check names each fault of a document by file and path, and writes nothing', async () => {
  const file = join(dir, 'bad.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'boucles-territory',
      formatVersion: 1,
      territory: { code: 'T', level: 'custom', name: 'T', communes: ['59350'] },
      actors: [{ externalId: 'A1', name: 'A', kind: 'company', siret: '11111111111112' }],
      sites: [],
      flows: [],
    }),
  );
  const io = capture();
  assert.equal(await run(['check', file], io), 1);
  assert.match(io.errors[0] ?? '', /bad\.json : 1 problème/);
  assert.match(io.errors[1] ?? '', /actors\[0\]\.siret : SIRET 11111111111112 invalide/);
});

test('boucles load creates a territory from a valid document, and refuses it the second time', async () => {
  const file = join(dir, 'good.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'boucles-territory',
      formatVersion: 1,
      territory: { code: 'T2', level: 'custom', name: 'T2', communes: ['59350'] },
      actors: [{ externalId: 'A1', name: 'A', kind: 'company', siret: '73282932000074' }],
      sites: [{ externalId: 'S1', actorExternalId: 'A1', name: 'S', communeCode: '59350', location: { lat: 50.63, lon: 3.06 } }],
      flows: [],
      needs: [],
    }),
  );
  const io = capture();
  assert.equal(await run(['load', file], io), 0);
  assert.match(io.lines.join('\n'), /Territoire T2 créé — acteurs : 1, sites : 1, flux : 0, besoins : 0/);
  const again = capture();
  assert.equal(await run(['load', file], again), 1);
  assert.match(again.errors.join('\n'), /existe déjà/);
});

test('the published JSON Schema of the territory document is the one the code checks against', async () => {
  const io = capture();
  assert.equal(await run(['schema'], io), 0);
  const published = readFileSync(new URL('../../../docs/schemas/territory-document.schema.json', import.meta.url), 'utf8');
  assert.equal(
    published.trim(),
    io.lines.join('\n').trim(),
    'regenerate it with: npx boucles schema > docs/schemas/territory-document.schema.json',
  );
});

test('boucles analyse ranks the demo document’s synergies, prints JSON with --json, and takes rules from a file', async () => {
  const { demoPath, loadCompatibilityRules } = await import('@boucles/reference-data');
  const demo = demoPath('territoire-demo.json');
  const table = capture();
  assert.equal(await run(['analyse', demo, '--top', '5'], table), 0, table.errors.join('\n'));
  assert.match(table.lines[0] ?? '', /^Analyse : moteur \d+\.\d+\.\d+, règles/);
  assert.match(table.lines.join('\n'), /heat-medium-to-greenhouses/);

  const rules = join(dir, 'regles-verre.json');
  writeFileSync(rules, JSON.stringify({ version: 'verre-1', rules: loadCompatibilityRules().rules.filter((r) => r.family === 'glass') }));
  const json = capture();
  assert.equal(await run(['analyse', demo, '--json', '--rules', rules, '--objective', 'cost'], json), 0, json.errors.join('\n'));
  const result = JSON.parse(json.lines.join('\n')) as { rulesVersion: string; objective: string; synergies: { family: string }[] };
  assert.equal(result.rulesVersion, 'verre-1');
  assert.equal(result.objective, 'cost');
  assert.ok(result.synergies.length > 0 && result.synergies.every((s) => s.family === 'glass'));
});

test('boucles analyse refuses a rules file with faults, naming the file and the field', async () => {
  const { demoPath } = await import('@boucles/reference-data');
  const rules = join(dir, 'regles-fausses.json');
  writeFileSync(rules, JSON.stringify({ version: '1', rules: [{ id: 'X Y' }] }));
  const io = capture();
  assert.equal(await run(['analyse', demoPath('territoire-demo.json'), '--rules', rules], io), 1);
  assert.match(io.errors.join('\n'), /regles-fausses\.json:rules\[0\]\.id/);
  assert.equal(await run(['analyse', '--objective', 'co2'], capture()), 2);
});

test('boucles metabolisme prints the accounts’ indicators and, with --scenario, what the detected synergies change', async () => {
  const { demoPath } = await import('@boucles/reference-data');
  const io = capture();
  const out = join(dir, 'comptes.xlsx');
  assert.equal(await run(['metabolisme', demoPath('territoire-demo.json'), '--scenario', '--out', out], io), 0, io.errors.join('\n'));
  const text = io.lines.join('\n');
  assert.match(text, /Taux de bouclage local \[material\] : [\d,]+ %/);
  assert.match(text, /Scénario : \d+ synergies/);
  assert.match(text, /Taux de bouclage local \[material\] : [\d,]+ → [\d,]+ % \(\+/);
  assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK');
  assert.equal(await run(['metabolisme', '--with', 'X'], capture()), 2);
});

test('boucles admin create makes a platform administrator who can sign in, with its password printed once; a second one with the same e-mail is refused', async () => {
  const io = capture();
  assert.equal(
    await run(['admin', 'create', '--email', 'Premiere.Admin@Example.org', '--name', 'Première administratrice'], io),
    0,
    io.errors.join('\n'),
  );
  assert.match(io.lines[0] ?? '', /^Administrateur créé : premiere\.admin@example\.org \([0-9a-f-]{36}\)\.$/);
  const password = /Mot de passe \(affiché une seule fois\) : (\S+)$/.exec(io.lines[1] ?? '')?.[1];
  assert.ok(password && password.length >= 12);
  const { createServices, openPglite, migrate } = await import('@boucles/server');
  const { ReferenceCatalog } = await import('@boucles/reference-data');
  const db = await openPglite({ dataDir: join(dir, 'data', 'pglite') });
  try {
    await migrate(db);
    const accounts = createServices(db, new ReferenceCatalog()).accounts;
    const session = await accounts.login('premiere.admin@example.org', password, '127.0.0.1');
    const live = await accounts.fromSession(session.token);
    assert.equal(live?.principal.isAdmin, true);
  } finally {
    await db.close();
  }
  const again = capture();
  assert.equal(await run(['admin', 'create', '--email', 'premiere.admin@example.org', '--name', 'Doublon'], again), 1);
  assert.match(again.errors.join('\n'), /un compte existe déjà/);
  const usage = capture();
  assert.equal(await run(['admin', 'create', '--email', 'x@example.org'], usage), 2);
});

test('text taken from a file cannot drive the terminal: control characters and bidirectional overrides are printed as visible symbols', async () => {
  writeFileSync(
    join(dir, 'ecran.json'),
    JSON.stringify({
      format: 'boucles-territory',
      formatVersion: 1,
      territory: { code: 'ECRAN', level: 'custom', name: 'Écran', communes: ['59350'] },
      actors: [],
      sites: [],
      flows: [],
    }),
  );
  assert.equal(await run(['load', join(dir, 'ecran.json')], capture()), 0);
  const file = join(dir, 'acteurs.csv');
  writeFileSync(file, 'id_acteur;raison_sociale;type\r\nE1;Piège;\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J\u202evaisseau\r\n');
  const io = capture();
  assert.equal(await run(['import', file, '--territory', 'ECRAN', '--mode', 'essai', '--no-progress'], io), 1);
  const printed = [...io.lines, ...io.errors].join('\n');
  assert.match(printed, /acteurs, ligne 2/);
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  assert.doesNotMatch(printed, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  assert.match(printed, /␛/);
});

test('while the server holds the data folder, commands that open the database are refused with what to do, and the database opens afterwards', async () => {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const main = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
  const dataDir = join(dir, 'occupe');
  const server = spawn(process.execPath, [main], {
    env: { ...process.env, BOUCLES_DATA_DIR: dataDir, BOUCLES_DEMO: '0', BOUCLES_LOG: '0', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /écoute sur (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const saved = process.env.BOUCLES_DATA_DIR;
  process.env.BOUCLES_DATA_DIR = dataDir;
  try {
    const file = join(dir, 'acteurs-occupe.csv');
    writeFileSync(file, 'id_acteur;raison_sociale;type\r\nO1;Occupé;entreprise\r\n');
    for (const args of [
      ['import', file, '--territory', 'X', '--no-progress'],
      ['migrate'],
      ['sauvegarde'],
      ['export', '--territory', 'X', '--format', 'json', '--out', join(dir, 'x.json')],
    ]) {
      const io = capture();
      assert.equal(await run(args, io), 3, `${args[0]}: ${io.errors.join('\n')}`);
      assert.match(io.errors.join('\n'), /utilisé par le serveur Boucles/);
      assert.ok(io.errors.join('\n').includes(url), 'the message gives the running server’s address');
      assert.match(io.errors.join('\n'), /arrêtez le serveur/);
    }
    server.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      server.on('exit', () => resolve());
      server.kill('SIGTERM');
    });
    const io = capture();
    assert.equal(await run(['migrate'], io), 0, io.errors.join('\n'));
    const backup = capture();
    assert.equal(await run(['sauvegarde'], backup), 0, backup.errors.join('\n'));
    assert.match(backup.lines[0] ?? '', /Sauvegarde écrite : .*sauvegardes\/boucles-.*\.tar\.gz/);
  } finally {
    process.env.BOUCLES_DATA_DIR = saved;
    server.kill('SIGKILL');
  }
});
