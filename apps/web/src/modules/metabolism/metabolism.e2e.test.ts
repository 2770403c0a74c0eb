import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { external, screenshot, seriousViolations, start, type Harness } from '../../../e2e/harness.js';

const CODE = 'DEMO-VALBOUCLES';
let h: Harness;
before(async () => {
  h = await start();
});
after(() => h.close());

/** Opens the metabolism page and waits for the diagram (a canvas) and its table. */
async function openMetabolism(): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.origin}/t/${CODE}/metabolisme`);
  await page.getByRole('heading', { level: 1, name: 'Métabolisme du territoire' }).waitFor();
  await page.locator('#metabolism-flows-table tbody tr').first().waitFor();
  await page.locator('.metabolism-sankey-chart[role="img"] canvas').waitFor();
  return page;
}

/** The texts of one column of the flows table. */
async function flowColumn(page: Page, column: number): Promise<string[]> {
  return page.locator(`#metabolism-flows-table tbody tr td:nth-child(${column})`).allTextContents();
}

/** A number as the page writes it in French ("1 234,5", "+20,2", "−3,1"). */
function frenchNumber(text: string): number {
  return Number(
    text
      .replace(/[\s\u00a0\u202f]/g, '')
      .replace('−', '-')
      .replace(',', '.'),
  );
}

test('the metabolism page of the demo shows the materials Sankey diagram with its table of flows, the mass balance and the indicators with their definitions', async () => {
  const page = await openMetabolism();
  const chart = page.locator('.metabolism-sankey-chart');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.match((await chart.getAttribute('aria-label')) ?? '', /Diagramme de Sankey.*Matières \(t\).*État actuel/);
  assert.ok((await page.locator('.metabolism-sankey-chart canvas').count()) >= 1);

  const rows = await page.locator('#metabolism-flows-table tbody tr').count();
  assert.ok(rows > 10, `${rows} links in the table`);
  assert.deepEqual([...new Set(await flowColumn(page, 5))], ['t']);
  assert.ok((await flowColumn(page, 1)).some((s) => s.startsWith('Boucle locale')));
  assert.equal(await page.getByRole('tab', { name: /Matières/ }).getAttribute('aria-selected'), 'true');

  // The mass balance exceeds the tolerance in the demo: a status, styled as a warning, not hidden.
  const balance = page.locator('.metabolism-balance[role="status"]');
  assert.match((await balance.textContent()) ?? '', /dépasse la tolérance de 1\s%.*151\s909\st/);

  // Indicators: value with unit, declared or statistics, coverage, and the definition one click away.
  const indicators = page.locator('table.metabolism-indicators');
  const loop = indicators.locator('tbody tr', { hasText: 'Taux de bouclage local' });
  assert.match((await loop.textContent()) ?? '', /20,1\s%.*Donnée déclarée.*100\s%/);
  assert.match((await indicators.textContent()) ?? '', /Statistiques requises/);
  await loop.getByText('Taux de bouclage local').click();
  await loop.getByText(/Définition de la plateforme, pas un standard officiel/).waitFor();
  assert.match((await loop.locator('code').textContent()) ?? '', /recovery_inside/);

  // A family without outputs: the indicator is null and says why.
  await page.getByLabel('Famille de flux (indicateurs et comparaison)').selectOption('energy_carriers');
  await indicators
    .getByRole('cell', { name: /Non calculable\..*Aucune sortie déclarée/ })
    .first()
    .waitFor();
  await page.getByLabel('Famille de flux (indicateurs et comparaison)').selectOption('');

  // No analysis yet: the scenario explains it and links to the synergies page.
  const scenario = page.locator('section.metabolism-scenario');
  await scenario.getByText(/Aucune analyse des synergies n’a encore été lancée/).waitFor();
  assert.equal(
    await scenario.getByRole('link', { name: 'Lancer une analyse sur la page Synergies' }).getAttribute('href'),
    `/t/${CODE}/synergies`,
  );

  // Exports.
  const csv = page.getByRole('link', { name: 'Télécharger les comptes de flux (CSV)' });
  assert.equal(await csv.getAttribute('href'), `/api/territories/${CODE}/metabolism/export?format=csv&table=comptes`);
  assert.equal(
    await page.getByRole('link', { name: 'Télécharger les indicateurs (CSV)' }).getAttribute('href'),
    `/api/territories/${CODE}/metabolism/export?format=csv&table=indicateurs`,
  );
  const xlsx = await page.request.get(
    `${h.origin}${await page.getByRole('link', { name: /comptes et les indicateurs \(XLSX\)/ }).getAttribute('href')}`,
  );
  assert.equal(xlsx.status(), 200);
  assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/);

  await screenshot(page, '08-metabolisme');
  assert.deepEqual(await seriousViolations(page), []);
});

test('the layer tabs work with the keyboard alone: the arrow keys switch to energy (MWh) and water (m³), Home goes back to materials', async () => {
  const page = await openMetabolism();
  // From the skip link, Tab reaches the selected tab (the only one in the tab order).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
  }
  assert.ok(reached, 'the tab list is reachable with Tab');
  assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /Matières/);

  await page.keyboard.press('ArrowRight');
  const energy = page.getByRole('tab', { name: /Énergie/ });
  assert.equal(await energy.getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'metabolism-tab-energy');
  await page.getByRole('heading', { level: 2, name: 'Flux : Énergie (MWh)' }).waitFor();
  assert.deepEqual([...new Set(await flowColumn(page, 5))], ['MWh']);
  assert.match((await page.locator('.metabolism-sankey-chart').getAttribute('aria-label')) ?? '', /Énergie \(MWh\)/);
  assert.equal(await page.getByRole('tabpanel').getAttribute('aria-labelledby'), 'metabolism-tab-energy');
  assert.deepEqual(await seriousViolations(page), []);

  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { level: 2, name: 'Flux : Eau (m³)' }).waitFor();
  assert.deepEqual([...new Set(await flowColumn(page, 5))], ['m³']);
  await page.keyboard.press('Home');
  await page.getByRole('heading', { level: 2, name: 'Flux : Matières (t)' }).waitFor();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'metabolism-tab-water');

  // The panel follows the tabs in the tab order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'metabolism-panel');
});

test('on a phone-sized screen the diagram fits, the wide tables scroll inside regions reachable with the keyboard, and nothing else overflows', async () => {
  const page = await openMetabolism();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(
    () =>
      ((document.querySelector('.metabolism-sankey-chart canvas') as HTMLCanvasElement | null)?.getBoundingClientRect().width ?? 999) <=
      390,
  );
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main') as HTMLElement;
    return main.scrollWidth - main.clientWidth;
  });
  assert.equal(overflow, 0, 'the main content does not overflow horizontally');
  const region = page.getByRole('region', { name: /Flux du diagramme : Matières/ });
  assert.equal(await region.getAttribute('tabindex'), '0');
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await screenshot(page, '08-metabolisme-mobile');
  assert.deepEqual(await seriousViolations(page), []);
});

test('the page reads in English too, units included', async () => {
  const page = await openMetabolism();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Territorial metabolism' }).waitFor();
  await page.getByRole('tab', { name: /Water/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Flows: Water (m³)' }).waitFor();
  assert.ok((await flowColumn(page, 1)).some((s) => s.includes('supply')));
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByRole('heading', { level: 1, name: 'Métabolisme du territoire' }).waitFor();
});

test('the interdependencies with the neighbouring territory show both declarations, the gap and the dependency, with their exports', async () => {
  const page = await openMetabolism();
  const select = page.getByLabel('Autre territoire', { exact: true });
  await select.focus();
  await select.selectOption('DEMO-DUNKERQUE');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Afficher les interdépendances');
  await page.keyboard.press('Enter');
  const table = page.locator('table.metabolism-inter');
  await table.locator('tbody tr').first().waitFor();
  assert.ok((await table.locator('tbody tr').count()) >= 5);
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, [
    'Territoire d’origine',
    'Territoire de destination',
    'Couche',
    'Famille',
    'Déclaré par l’origine',
    'Déclaré par la destination',
    'Écart',
    'Dépendance de la destination',
  ]);
  const first = await table.locator('tbody tr').first().locator('td').allTextContents();
  assert.match(first[0] ?? '', /Val de Boucles/);
  assert.match(first[1] ?? '', /Dunes de Flandre/);
  assert.equal(first[3], 'Toutes familles');
  assert.match(first[7] ?? '', /%$/);
  assert.match((await table.textContent()) ?? '', /Énergie/);
  await page
    .getByRole('status')
    .filter({ hasText: /Lignes d’interdépendance : \d+/ })
    .waitFor({ state: 'attached' });

  const csvHref = await page.getByRole('link', { name: 'Télécharger ces interdépendances (CSV)' }).getAttribute('href');
  assert.equal(csvHref, `/api/interdependencies/export?territories=${CODE},DEMO-DUNKERQUE&format=csv`);
  const csv = await page.request.get(`${h.origin}${csvHref}`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /;/);
  assert.ok(await page.getByRole('link', { name: 'Télécharger ces interdépendances (XLSX)' }).isVisible());
  assert.deepEqual(await seriousViolations(page), []);
});

test('after an analysis is run, "with the detected synergies" shows the local loop closure rising in the comparison table and the Sankey diagram after', async () => {
  const run = await h.fetch(`/api/territories/${CODE}/analyses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(run.status, 201);

  const page = await openMetabolism();
  const toggle = page.getByRole('button', { name: 'Avec les synergies détectées' });
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.focus();
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');

  const comparison = page.locator('table.metabolism-comparison');
  await comparison.waitFor();
  assert.deepEqual(await comparison.locator('thead th').allTextContents(), ['Indicateur', 'Avant', 'Après', 'Variation', 'Unité']);
  const loop = comparison.locator('tbody tr[data-indicator="local_loop_closure"]');
  assert.equal(await loop.locator('th').textContent(), 'Taux de bouclage local');
  const [before, afterValue, change, unit] = await loop.locator('td').allTextContents();
  assert.ok(frenchNumber(afterValue ?? '') > frenchNumber(before ?? ''), `local loop closure ${before} → ${afterValue}`);
  assert.match(change ?? '', /^\+/);
  assert.equal(unit, '%');

  // The Sankey diagram and its table now show the state after the synergies.
  assert.match((await page.locator('.metabolism-sankey-chart').getAttribute('aria-label')) ?? '', /Après les synergies détectées/);
  assert.match((await page.locator('#metabolism-flows-table caption').textContent()) ?? '', /Après les synergies détectées/);
  await page.locator('.metabolism-sankey-chart canvas').waitFor();
  assert.match((await page.locator('.metabolism-scenario-status').textContent()) ?? '', /synergies appliquées : \d+/);

  // The link of the summary leads to the comparison.
  await page.getByRole('link', { name: 'Voir les indicateurs avant et après' }).click();
  assert.equal(await page.evaluate(() => location.hash), '#metabolism-comparison');

  await screenshot(page, '09-scenario');
  assert.deepEqual(await seriousViolations(page), []);

  // Energy layer of the scenario: its comparison follows the tab.
  await page.getByRole('tab', { name: /Énergie/ }).click();
  await comparison.locator('tbody tr[data-indicator="local_loop_closure"]').waitFor();
  assert.equal(await comparison.locator('tbody tr[data-indicator="local_loop_closure"] td').nth(3).textContent(), '%');
  assert.match((await comparison.locator('caption').textContent()) ?? '', /Énergie/);

  // Turning the scenario off goes back to the current state.
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await comparison.count(), 0);
  assert.match((await page.locator('.metabolism-sankey-chart').getAttribute('aria-label')) ?? '', /État actuel/);
});

test('no request leaves localhost on the metabolism page', () => {
  assert.ok(h.requests.length > 5);
  assert.deepEqual(external(h.requests, h.origin), []);
});
