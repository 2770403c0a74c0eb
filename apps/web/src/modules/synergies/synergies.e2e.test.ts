import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { external, screenshot, seriousViolations, start, type Harness } from '../../../e2e/harness.js';

let h: Harness;
before(async () => {
  h = await start();
});
after(() => h.close());

const LIST = '/t/DEMO-VALBOUCLES/synergies';

/** The tests after the first read an analysis: run one through the API if none is stored yet. */
async function ensureAnalysis(): Promise<void> {
  const latest = await h.inject({ method: 'GET', url: '/api/territories/DEMO-VALBOUCLES/analyses/latest' });
  if (latest.statusCode === 404) {
    const run = await h.inject({ method: 'POST', url: '/api/territories/DEMO-VALBOUCLES/analyses', payload: {} });
    assert.equal(run.statusCode, 201);
  }
}

test('a facilitator runs an analysis with the keyboard alone and sees the cogeneration plant’s 65 °C heat to the greenhouses at the top', async (t) => {
  const page = await h.newPage();
  await page.goto(`${h.origin}${LIST}`);
  await page.getByText('Aucune analyse n’a encore été lancée sur ce territoire').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Maximiser les émissions évitées (t CO2e)' }).isChecked(), true);
  assert.deepEqual(await seriousViolations(page), []);

  // Tab from the top of the page to the button, then Enter.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(
      () => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent === 'Lancer une analyse',
    );
  }
  assert.ok(reached, 'the button is reachable with Tab');
  // Watch every change of the page while it runs, however short the run: an indeterminate progress
  // bar, a status message, the button disabled.
  await page.evaluate(() => {
    const w = window as unknown as { sawRunning: boolean };
    w.sawRunning = false;
    const check = () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Lancer une analyse');
      const progress = document.querySelector('[role=status] progress');
      const status = progress?.closest('[role=status]');
      if (
        button?.disabled === true &&
        progress &&
        !progress.hasAttribute('value') &&
        (status?.textContent ?? '').includes('Analyse en cours…')
      )
        w.sawRunning = true;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const started = performance.now();
  await page.keyboard.press('Enter');

  // Done: the counts, then the table of the latest analysis.
  await page
    .getByText(/Analyse terminée en .* s : [\d\s]+ synergies proposées, [\d\s]+ candidates écartées, \d+ mutualisations\./)
    .waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate(() => (window as unknown as { sawRunning: boolean }).sawRunning), true, 'the running state was shown');
  t.diagnostic(`analysis run and its result loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(await page.getByRole('button', { name: 'Lancer une analyse' }).isDisabled(), false);
  // The keyboard stays where it was: on the button.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Lancer une analyse');
  const table = page.getByRole('table', { name: /Synergies de substitution de la dernière analyse/ });
  await table.waitFor();
  const first = table.locator('tbody tr').first();
  const firstText = (await first.textContent()) ?? '';
  assert.match(firstText, /Cogébois de l’Aa/);
  assert.match(firstText, /Serres de la Colme/);
  assert.match(firstText, /65 °C/);
  assert.match(firstText, /Chaleur fatale 60–90 °C vers serres maraîchères et horticoles/);
  assert.match(firstText, /Détectée/);
  const link = first.getByRole('link');
  assert.match((await link.getAttribute('href')) ?? '', /%3E.*%40heat-medium-to-greenhouses$/);
  assert.match(
    (await link.textContent()) ?? '',
    /^Cogébois de l’Aa \(centrale de cogénération biomasse\)\s*→\s*vers\s*SCEA Serres de la Colme$/,
  );

  // Mutualisations and rejected candidates have their own sections.
  await page.getByRole('table', { name: 'Mutualisations proposées par la dernière analyse' }).waitFor();
  await page.getByText(/Voir les [\d\s]+ candidates écartées, par motif/).click();
  await page
    .getByRole('table', { name: 'Candidates écartées par motif' })
    .getByRole('rowheader', { name: 'Activité du receveur' })
    .waitFor();

  await screenshot(page, '04-analyse');
  assert.deepEqual(await seriousViolations(page), []);
});

test('the filters narrow the list and sorting by impact keeps the largest CO2e first', async (t) => {
  await ensureAnalysis();
  const page = await h.newPage();
  const started = performance.now();
  await page.goto(`${h.origin}${LIST}`);
  const table = page.getByRole('table', { name: /Synergies de substitution/ });
  await table.waitFor();
  t.diagnostic(`list page with the latest analysis shown in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await page.getByLabel('Famille').selectOption({ label: 'Verre' });
  await page.getByText(/synergies de substitution sur [\d\s]+ correspondent aux filtres/).waitFor();
  for (const row of await table.locator('tbody tr').all()) assert.match((await row.textContent()) ?? '', /Verre/);

  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByLabel('Ressource, flux, règle ou acteur').fill('serres');
  await page.getByLabel('Distance maximale (km)').fill('1');
  await page.waitForFunction(() => document.querySelectorAll('.synergy-table tbody tr').length > 0);
  const distances = await table.locator('tbody tr td:nth-child(5)').allTextContents();
  for (const d of distances) assert.ok(Number(d.replace(',', '.')) <= 1, d);

  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByLabel('Trier par').selectOption('co2');
  await page.getByRole('table', { name: /triées par émissions évitées/ }).waitFor();
  const co2 = (await table.locator('tbody tr td:nth-child(7)').allTextContents())
    .slice(0, 5)
    .map((s) => Number(s.replace(/\s/g, '').replace(',', '.')));
  for (let i = 1; i < co2.length; i++) assert.ok((co2[i - 1] ?? 0) >= (co2[i] ?? 0), `${co2.join(' ')}`);

  // More rows: the focus goes to the first new one.
  await page.getByRole('button', { name: 'Afficher 50 synergies de plus' }).press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.synergy-table tbody tr').length === 100);
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelectorAll('.synergy-table tbody tr th a')[50]), true);

  await page.getByLabel('Type de synergie').selectOption('mutualisation');
  assert.equal(await page.getByRole('table', { name: /Synergies de substitution/ }).count(), 0);
  await page.getByRole('table', { name: 'Mutualisations proposées par la dernière analyse' }).waitFor();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
});

test('a facilitator opens the top synergy and reads its explanation, checks, impacts and score', async () => {
  await ensureAnalysis();
  const page = await h.newPage();
  await page.goto(`${h.origin}${LIST}`);
  const table = page.getByRole('table', { name: /Synergies de substitution/ });
  await table.waitFor();
  // Open it with the keyboard too.
  await table.locator('tbody tr').first().getByRole('link').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Synergie : Cogébois de l’Aa .*→ SCEA Serres de la Colme$/ }).waitFor();
  assert.match(decodeURIComponent(new URL(page.url()).pathname), />.*@heat-medium-to-greenhouses$/);

  await page.getByRole('heading', { level: 2, name: 'Explication' }).waitFor();
  const explanation = (await page.locator('.explanation').textContent()) ?? '';
  assert.match(explanation, /Chaleur fatale : eau chaude à 65 °C/);
  assert.match(explanation, /Cogébois de l’Aa/);
  assert.match(explanation, /SCEA Serres de la Colme/);
  assert.match(explanation, /Vérifié :/);

  const checks = page.getByRole('table', { name: 'Les vérifications de cette synergie' });
  for (const name of [
    'Quantités',
    'Saisonnalité (mois)',
    'Température',
    'Qualité (pureté)',
    'Activité du receveur',
    'Caractère dangereux',
    'Statut réglementaire',
    'Distance',
    'Complétude des données',
  ]) {
    await checks.getByRole('rowheader', { name, exact: true }).waitFor();
  }
  const temperature = (await checks.getByRole('row', { name: /Température/ }).textContent()) ?? '';
  assert.match(temperature, /vérifié/);
  assert.match(temperature, /65 °C disponibles ≥ 60 °C requis \+ 5 °C de marge/);
  assert.match((await checks.getByRole('row', { name: /Qualité/ }).textContent()) ?? '', /sans objet/);

  const impacts = page.getByRole('table', { name: 'Impacts annuels de la synergie, tous estimés' });
  const co2 = (await impacts.getByRole('row', { name: /Émissions de gaz à effet de serre évitées/ }).textContent()) ?? '';
  assert.match(co2, /2\s381 t CO2e\/an/);
  assert.match(co2, /estimation/);
  assert.ok((await impacts.getByRole('link', { name: /Base Carbone/ }).count()) >= 1);
  await page.getByText(/Quantité allouée par an : 9\s000 MWh\/an\./).waitFor();
  await page.getByRole('table', { name: 'Composantes du score' }).waitFor();

  await screenshot(page, '05-synergie');
  assert.deepEqual(await seriousViolations(page), []);
});

test('a synergy’s page opened directly from its address reads the same, and in English too', async () => {
  await ensureAnalysis();
  const page = await h.newPage();
  await page.goto(`${h.origin}${LIST}`);
  const href = await page
    .getByRole('table', { name: /Synergies de substitution/ })
    .locator('tbody tr')
    .first()
    .getByRole('link')
    .getAttribute('href');
  assert.ok(href);
  await page.goto(`${h.origin}${href}`);
  await page.getByRole('heading', { level: 2, name: 'Explication' }).waitFor();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Explanation' }).waitFor();
  assert.match((await page.locator('.explanation').textContent()) ?? '', /can replace/);
  assert.match((await page.getByRole('table', { name: 'The checks of this synergy' }).textContent()) ?? '', /passed/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByRole('heading', { level: 2, name: 'Explication' }).waitFor();

  await page.goto(`${h.origin}${LIST}/${encodeURIComponent('nope>nope@none')}`);
  await page.getByText('Cette synergie ne figure pas dans la dernière analyse du territoire').waitFor();
});

test('no request leaves localhost on the synergy pages', () => {
  assert.ok(h.requests.length > 5);
  assert.deepEqual(external(h.requests, h.origin), []);
});
