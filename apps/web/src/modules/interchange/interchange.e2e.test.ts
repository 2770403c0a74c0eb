import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { external, screenshot, seriousViolations, start, type Harness } from '../../../e2e/harness.js';

const CODE = 'DEMO-VALBOUCLES';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_LABEL = 'Fichier à importer (XLSX ou CSV)';
const STEP = {
  choose: 'Étape 1 sur 4 : Choisir le fichier',
  report: 'Étape 2 sur 4 : Rapport de vérification',
  confirm: 'Étape 3 sur 4 : Confirmer',
  result: 'Étape 4 sur 4 : Résultat',
};

type Row = (string | number | null)[];

let h: Harness;
before(async () => {
  h = await start();
});
after(() => h.close());

/** The server's template with the example rows replaced by `sheets` (a sheet not given is left with its header only). */
async function filledTemplate(sheets: Partial<Record<'acteurs' | 'sites' | 'flux' | 'besoins', Row[]>>): Promise<Buffer> {
  const response = await fetch(`${h.origin}/api/templates/territoire.xlsx`);
  assert.equal(response.status, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  for (const name of ['acteurs', 'sites', 'flux', 'besoins'] as const) {
    const ws = workbook.getWorksheet(name);
    assert.ok(ws, `the template has a sheet ${name}`);
    assert.match(String(ws.getCell('A2').value), /^EXEMPLE-/, `the template's ${name} sheet has its example row`);
    ws.spliceRows(2, ws.rowCount - 1);
    (sheets[name] ?? []).forEach((row, i) => {
      ws.getRow(i + 2).values = row;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A downloaded workbook, for ExcelJS (whose Buffer type is an ArrayBuffer; Node's Buffer is accepted at run time). */
async function xlsxOf(path: string): Promise<ExcelJS.Buffer> {
  return (await readFile(path)) as unknown as ExcelJS.Buffer;
}

async function api<T>(path: string): Promise<T> {
  const response = await h.fetch(path);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

async function openPage(): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.origin}/t/${CODE}/import`);
  await page.getByRole('heading', { level: 3, name: STEP.choose }).waitFor();
  await page
    .getByRole('table', { name: /derniers imports/i })
    .or(page.getByText('Aucun import pour l’instant.'))
    .waitFor();
  return page;
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

/** The focused step heading is the one expected: each step is announced by moving the focus to it. */
async function stepFocused(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 3, name }).waitFor();
  await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, name);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H3');
}

/** The texts of each body row of a table (header cell included). */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(async (r) => (await r.locator('th, td').allTextContents()).map((s) => s.trim())));
}

/** Presses Tab until the focused element satisfies `accept` (at most 60 times). */
async function tabTo(
  page: Page,
  what: string,
  accept: (el: { tag: string; id: string; text: string; type: string }) => boolean,
): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', id: a?.id ?? '', text: a?.textContent?.trim() ?? '', type: a?.getAttribute('type') ?? '' };
    });
    if (accept(el)) return;
  }
  assert.fail(`the keyboard never reached ${what}`);
}

async function noViolations(page: Page, when: string): Promise<void> {
  assert.deepEqual(await seriousViolations(page), [], when);
}

test('import the template filled with a few rows: the dry-run report, the confirmation, the result, and the rows are in the territory', async () => {
  const file = await filledTemplate({
    acteurs: [
      ['E2E-A1', '73282932000074', 'Menuiserie des Moëres (essai)', '16.23Z', 'entreprise'],
      ['E2E-A2', null, 'Ressourcerie de la Colme (essai)', '38.32Z', 'structure_ess'],
    ],
    sites: [['E2E-S1', 'E2E-A1', 'Atelier de la menuiserie', '3 rue du Bois', '59663', 50.878, 2.479]],
    flux: [['E2E-F1', 'E2E-S1', 'sortant', 'material.wood.clean', null, 'Chutes de bois de menuiserie', 12, 't', 'an']],
  });
  const page = await openPage();
  await noViolations(page, 'step 1');
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'territoire-rempli.xlsx', mimeType: XLSX, buffer: file });
  await page.getByText('Fichier choisi : territoire-rempli.xlsx').waitFor();
  await page.getByRole('radio', { name: 'Tout ou rien', exact: true }).check();
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

  // 2) the dry-run report
  await stepFocused(page, STEP.report);
  await page.getByText('Aucune erreur : le fichier peut être importé.').waitFor();
  const counts = page.getByRole('table', { name: 'Ce que l’import ferait, par feuille' });
  assert.deepEqual(await rowsOf(counts), [
    ['acteurs', '2', '0', '0', '0'],
    ['sites', '1', '0', '0', '0'],
    ['flux', '1', '0', '0', '0'],
    ['besoins', '0', '0', '0', '0'],
  ]);
  assert.equal((await api<{ total: number }>(`/api/territories/${CODE}/actors?q=Menuiserie des Mo`)).total, 0, 'the dry run wrote nothing');
  await noViolations(page, 'step 2');
  await screenshot(page, '02-import');

  // 3) confirm
  await page.getByRole('button', { name: 'Continuer vers la confirmation' }).click();
  await stepFocused(page, STEP.confirm);
  assert.equal(await page.getByRole('radio', { name: 'Tout ou rien', exact: true }).isChecked(), true, 'the mode chosen at step 1 is kept');
  await page.getByText('Toutes les lignes seront enregistrées en une fois.').waitFor();
  await noViolations(page, 'step 3');
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();

  // 4) the result
  await stepFocused(page, STEP.result);
  await page.getByText(/^Import enregistré\. 4 ligne\(s\) créée\(s\)/).waitFor();
  assert.deepEqual((await rowsOf(page.getByRole('table', { name: 'Ce que l’import a fait, par feuille' })))[0], [
    'acteurs',
    '2',
    '0',
    '0',
    '0',
  ]);
  await noViolations(page, 'step 4');

  // The rows are in the territory.
  const actors = await api<{
    total: number;
    items: { name: string; siret: string | null; nafCode: string | null; externalId: string | null }[];
  }>(`/api/territories/${CODE}/actors?q=Menuiserie des Mo`);
  assert.equal(actors.total, 1);
  assert.equal(actors.items[0]?.siret, '73282932000074');
  assert.equal(actors.items[0]?.nafCode, '16.23Z');
  assert.equal((await api<{ total: number }>(`/api/territories/${CODE}/actors?q=Ressourcerie de la Colme`)).total, 1);
  const flows = await api<{ total: number; items: { label: string; direction: string }[] }>(
    `/api/territories/${CODE}/flows?q=Chutes de bois de menuiserie`,
  );
  assert.equal(flows.total, 1);
  assert.equal(flows.items[0]?.direction, 'output');

  // The history lists the import (and the dry run before it), newest first.
  const history = page.getByRole('table', { name: /derniers imports/i });
  await history.getByText('Tout ou rien').waitFor();
  const [latest, previous] = await rowsOf(history);
  assert.deepEqual(latest?.slice(1, 8), ['territoire-rempli.xlsx', 'Tout ou rien', 'oui', '4', '0', '0', '0']);
  assert.deepEqual(previous?.slice(1, 4), ['territoire-rempli.xlsx', 'Essai à blanc', 'non']);

  // Importing the same file again changes nothing.
  await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
  await stepFocused(page, STEP.choose);
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'territoire-rempli.xlsx', mimeType: XLSX, buffer: file });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await stepFocused(page, STEP.report);
  assert.deepEqual((await rowsOf(page.getByRole('table', { name: 'Ce que l’import ferait, par feuille' })))[0], [
    'acteurs',
    '0',
    '0',
    '2',
    '0',
  ]);
});

test('see precise errors for a faulty file: sheet, row, column, the value typed and the message', async () => {
  const file = await filledTemplate({
    acteurs: [
      ['E2E-X1', '12345678901234', 'Scierie au SIRET faux', '16.10A', 'entreprise'],
      ['E2E-X2', null, 'Atelier au code NAF inconnu', '00.00Z', 'entreprise'],
      ['E2E-X3', null, 'Atelier correct', '16.10A', 'entreprise'],
    ],
  });
  const page = await openPage();
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'acteurs-fautifs.xlsx', mimeType: XLSX, buffer: file });
  assert.equal(await page.getByRole('radio', { name: 'Essai à blanc', exact: true }).isChecked(), true, 'the dry run is the default mode');
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await stepFocused(page, STEP.report);
  await page.getByText('2 erreur(s) dans le fichier.', { exact: false }).waitFor();
  const errors = page.getByRole('table', { name: 'Erreurs de la feuille acteurs (2)' });
  assert.deepEqual(
    (await errors.locator('thead th').allTextContents()).map((s) => s.trim()),
    ['Ligne', 'Colonne', 'Valeur', 'Message'],
  );
  const rows = await rowsOf(errors);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0]?.slice(0, 3), ['2', 'siret', '12345678901234']);
  assert.match(rows[0]?.[3] ?? '', /SIRET 12345678901234 invalide/);
  assert.deepEqual(rows[1]?.slice(0, 3), ['3', 'code_naf', '00.00Z']);
  assert.match(rows[1]?.[3] ?? '', /code NAF 00\.00Z inconnu/);
  assert.deepEqual((await rowsOf(page.getByRole('table', { name: 'Ce que l’import ferait, par feuille' })))[0], [
    'acteurs',
    '1',
    '0',
    '0',
    '2',
  ]);
  await noViolations(page, 'the report with errors');
  await screenshot(page, '03-erreurs');

  // At confirmation, "all or nothing" says plainly that nothing would be saved.
  await page.getByRole('button', { name: 'Continuer vers la confirmation' }).click();
  await stepFocused(page, STEP.confirm);
  await page.getByText(/Le fichier comporte 2 erreur\(s\) : en « tout ou rien », rien ne sera enregistré/).waitFor();
  await page.getByRole('button', { name: 'Retour au rapport' }).click();
  await stepFocused(page, STEP.report);
  await page.getByRole('button', { name: 'Retour au choix du fichier' }).click();
  await stepFocused(page, STEP.choose);
  assert.equal(
    await page.getByLabel(FILE_LABEL).evaluate((el) => (el as HTMLInputElement).files?.[0]?.name),
    'acteurs-fautifs.xlsx',
    'going back keeps the chosen file',
  );
});

test('keep the valid rows only, and download the rejected ones to correct them', async () => {
  const csv =
    '\uFEFFid_acteur;raison_sociale;type\r\nE2E-V1;Brasserie du Canal (essai);entreprise\r\nE2E-V2;Fusée de Bergues (essai);fusée\r\n';
  const page = await openPage();
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'acteurs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  assert.equal(
    await page.getByLabel('Feuille contenue dans ce fichier CSV').inputValue(),
    'acteurs',
    'the sheet is guessed from the file name',
  );
  await page.getByRole('radio', { name: 'Lignes valides seulement', exact: true }).check();
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await stepFocused(page, STEP.report);
  const rows = await rowsOf(page.getByRole('table', { name: 'Erreurs de la feuille acteurs (1)' }));
  assert.deepEqual(rows[0]?.slice(0, 3), ['3', 'type', 'fusée']);
  await page.getByRole('button', { name: 'Continuer vers la confirmation' }).click();
  await stepFocused(page, STEP.confirm);
  assert.equal(await page.getByRole('radio', { name: 'Lignes valides seulement', exact: true }).isChecked(), true);
  await page.getByText('les 1 ligne(s) rejetée(s) vous seront rendues dans un fichier à corriger', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await stepFocused(page, STEP.result);
  await page.getByText(/^Import enregistré\. 1 ligne\(s\) créée\(s\)/).waitFor();
  await noViolations(page, 'the result with rejected rows');

  const link = page.getByRole('link', { name: /Télécharger les lignes rejetées/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'rejets.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await xlsxOf(await download.path()));
  const sheet = workbook.getWorksheet('acteurs');
  assert.equal(sheet?.getCell('A2').value, 'E2E-V2');
  assert.ok((sheet?.getRow(1).values as unknown[]).includes('erreurs'), 'the rejected rows come with an erreurs column');
  assert.equal((await api<{ total: number }>(`/api/territories/${CODE}/actors?q=Brasserie du Canal`)).total, 1);
  assert.equal((await api<{ total: number }>(`/api/territories/${CODE}/actors?q=Fusée de Bergues`)).total, 0);
  await page
    .getByRole('table', { name: /derniers imports/i })
    .getByRole('link', { name: /Télécharger \(XLSX\)/ })
    .first()
    .waitFor();
});

test('the wizard can be used with the keyboard alone, each step announced by moving the focus to its heading', async () => {
  const csv = 'id_acteur,raison_sociale,type\nE2E-K1,Ferme des Wateringues (essai clavier),exploitation agricole\n';
  const page = await openPage();
  await tabTo(page, 'the file input', (el) => el.id === 'ie-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name: 'acteurs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByText('Fichier choisi : acteurs.csv').waitFor();
  // The radio group: the checked option takes the focus, the arrows change it.
  await tabTo(page, 'the modes', (el) => el.type === 'radio');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ie-mode-dry-run');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByRole('radio', { name: 'Tout ou rien', exact: true }).isChecked(), true);
  await tabTo(page, 'the check button', (el) => el.text === 'Vérifier le fichier');
  await page.keyboard.press('Enter');
  await stepFocused(page, STEP.report);
  await tabTo(page, 'the next button', (el) => el.text === 'Continuer vers la confirmation');
  await page.keyboard.press('Enter');
  await stepFocused(page, STEP.confirm);
  await tabTo(page, 'the confirm button', (el) => el.text === 'Confirmer l’import');
  await page.keyboard.press('Enter');
  await stepFocused(page, STEP.result);
  await page.getByText(/^Import enregistré\. 1 ligne\(s\) créée\(s\)/).waitFor();
  await tabTo(page, 'the restart button', (el) => el.text === 'Importer un autre fichier');
  await page.keyboard.press('Enter');
  await stepFocused(page, STEP.choose);
  assert.equal(await focusedText(page), STEP.choose);
  assert.equal((await api<{ total: number }>(`/api/territories/${CODE}/actors?q=Ferme des Wateringues`)).total, 1);
});

test('a missing file, a file of another kind and a damaged workbook are reported clearly, the API error in an alert', async () => {
  const page = await openPage();
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await page.getByText('Choisissez un fichier à importer.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ie-file', 'the focus goes to the field in error');
  assert.equal(await page.getByLabel(FILE_LABEL).getAttribute('aria-invalid'), 'true');

  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bonjour') });
  await page.getByText('Le fichier « notes.txt » n’est ni un classeur XLSX ni un fichier CSV').waitFor();

  await page
    .getByLabel(FILE_LABEL)
    .setInputFiles({ name: 'abime.xlsx', mimeType: XLSX, buffer: Buffer.from('PK\u0003\u0004 ce classeur est abîmé') });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText('Le fichier n’a pas pu être lu.').waitFor();
  assert.match((await alert.textContent()) ?? '', /XLSX illisible/);
  assert.equal(await page.getByRole('heading', { level: 3, name: STEP.choose }).isVisible(), true, 'the wizard stays on step 1');
  await noViolations(page, 'the API error');

  // A file over the server's limit (200 MB by default) and a refused type, as the API answers them.
  const answers = [
    { status: 413, error: 'body_too_large', fr: 'fichier trop gros : plus de 200 Mo', title: 'Le fichier est trop volumineux.' },
    {
      status: 415,
      error: 'unsupported_media_type',
      fr: 'envoyer le fichier lui-même, de type XLSX ou CSV',
      title: 'Ce type de fichier n’est pas accepté.',
    },
  ];
  for (const answer of answers) {
    await page.route('**/api/territories/*/imports?*', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: answer.status,
            contentType: 'application/json',
            body: JSON.stringify({ error: answer.error, message: { fr: answer.fr, en: answer.fr } }),
          })
        : route.fallback(),
    );
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await alert.getByText(answer.title).waitFor();
    assert.match((await alert.textContent()) ?? '', new RegExp(answer.fr));
    await page.unroute('**/api/territories/*/imports?*');
  }
});

test('export the territory: the XLSX workbook and a CSV sheet download', async () => {
  const page = await openPage();
  await page.getByRole('heading', { level: 2, name: 'Exporter les données du territoire' }).scrollIntoViewIfNeeded();
  await noViolations(page, 'the export links');
  await screenshot(page, '06-export');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Classeur complet \(XLSX/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${CODE}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await xlsxOf(await download.path()));
  for (const name of ['acteurs', 'sites', 'flux', 'besoins']) assert.ok(workbook.getWorksheet(name), `the export has a sheet ${name}`);
  const acteurs = workbook.getWorksheet('acteurs');
  assert.ok((acteurs?.actualRowCount ?? 0) > 100, 'the demo territory’s actors are exported');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Feuille sites (CSV)' }).click()]);
  assert.equal(csv.suggestedFilename(), `${CODE}-sites.csv`);
  const text = await readFile(await csv.path(), 'utf8');
  assert.match(text, /^\uFEFFid_site;acteur;nom;/);

  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le modèle à remplir (XLSX)' }).click(),
  ]);
  assert.equal(template.suggestedFilename(), 'territoire.xlsx');
});

test('the page is complete in English', async () => {
  const page = await openPage();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 3, name: 'Step 1 of 4: Choose the file' }).waitFor();
  await page.getByLabel('File to import (XLSX or CSV)').waitFor();
  await page.getByRole('radio', { name: 'Valid rows only', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Full workbook (XLSX, four sheets, template layout)' }).waitFor();
  await noViolations(page, 'in English');
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByRole('heading', { level: 3, name: STEP.choose }).waitFor();
});

test('no request leaves localhost on the import and export page', () => {
  assert.ok(h.requests.length > 5);
  assert.deepEqual(external(h.requests, h.origin), []);
});
