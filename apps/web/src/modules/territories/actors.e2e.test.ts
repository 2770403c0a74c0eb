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

function luhnDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = `${partial}${d}`;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let n = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}

/** A valid SIRET: a SIREN with its check digit, then a NIC whose last digit makes the 14 pass Luhn too. */
function siret(siren8: string, nic4: string): string {
  const siren = `${siren8}${luhnDigit(siren8)}`;
  return `${siren}${nic4}${luhnDigit(`${siren}${nic4}`)}`;
}

async function rangeText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('.actors-range')?.textContent === t, text);
}

async function focused(page: Page): Promise<{ id: string; text: string; className: string }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return { id: e?.id ?? '', text: e?.textContent?.trim() ?? '', className: e?.className ?? '' };
  });
}

async function actorId(name: string): Promise<string> {
  const res = await h.inject({ method: 'GET', url: `/api/territories/${CODE}/actors?q=${encodeURIComponent(name)}` });
  const id = res.json<{ items: { id: string; name: string }[] }>().items.find((a) => a.name === name)?.id;
  assert.ok(id, name);
  return id;
}

test('the actors list searches the demo actors by name, filters them and pages through them, with no serious accessibility violation', async () => {
  const page = await h.newPage();
  await page.goto(`${h.origin}/t/${CODE}/acteurs`);
  await page.getByRole('heading', { level: 1, name: 'Acteurs' }).waitFor();
  await rangeText(page, '1–20 sur 106');
  const table = page.getByRole('table', { name: /Acteurs du territoire, 1–20 sur 106/ });
  assert.equal(await table.locator('tbody tr').count(), 20);
  for (const header of ['Nom', 'SIRET', 'Type d’acteur', 'NAF']) await table.getByRole('columnheader', { name: header }).waitFor();
  await screenshot(page, '10-acteurs');
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByRole('button', { name: 'Page suivante' }).click();
  await rangeText(page, '21–40 sur 106');
  assert.match(page.url(), /offset=20/);
  await page.getByRole('button', { name: 'Page précédente' }).click();
  await rangeText(page, '1–20 sur 106');

  // Search by name, accents and case aside, then narrow down with the filters.
  await page.getByLabel('Nom ou SIRET').fill('serres');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await rangeText(page, '1–3 sur 3');
  await page.getByLabel('Nom ou SIRET').fill('');
  await page.getByLabel('Type d’acteur').selectOption('farm');
  await page.getByLabel('Code NAF commençant par').fill('01.13');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await rangeText(page, '1–5 sur 5');
  assert.match(page.url(), /kind=farm&naf=01\.13/);
  await page.getByLabel('Économie sociale et solidaire (ESS)').selectOption('true');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await rangeText(page, 'Aucun acteur ne correspond.');
  assert.equal(await page.getByRole('table').count(), 0);
  // A NAF start the API would refuse is stopped at the field, with its reason.
  await page.getByLabel('Code NAF commençant par').fill('boulangerie');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  assert.equal(await page.getByLabel('Code NAF commençant par').getAttribute('aria-invalid'), 'true');
  await page.getByText('Saisir le début d’un code NAF').waitFor();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await rangeText(page, '1–20 sur 106');

  // By SIRET start.
  await page.getByLabel('Nom ou SIRET').fill('951169');
  await page.keyboard.press('Enter');
  await rangeText(page, '1–1 sur 1');
  await page.getByRole('link', { name: 'EARL Les Serres de Holque' }).click();
  await page.getByRole('heading', { level: 1, name: 'EARL Les Serres de Holque' }).waitFor();
});

test('an actor’s page shows its record, its sites, its flows and needs, and the synergies of the latest analysis once there is one', async () => {
  const page = await h.newPage();
  const cogebois = await actorId('Cogébois de l’Aa (centrale de cogénération biomasse)');
  await page.goto(`${h.origin}/t/${CODE}/acteurs/${cogebois}`);
  await page.getByRole('heading', { level: 1, name: /Cogébois de l’Aa/ }).waitFor();
  await page.getByRole('heading', { name: 'Fiche de l’acteur' }).waitFor();
  await page.getByRole('heading', { name: 'Flux (7)' }).waitFor();
  const flows = page.getByRole('table', { name: /Flux de Cogébois/ });
  await flows.getByRole('rowheader', { name: /Chaleur fatale : eau chaude à 65 °C/ }).waitFor();
  for (const header of ['Sens', 'Ressource', 'Libellé', 'Quantité', 'Devenir ou origine actuels'])
    await flows.getByRole('columnheader', { name: header }).waitFor();
  assert.match((await flows.textContent()) ?? '', /Sortant/);
  assert.match((await flows.textContent()) ?? '', /Entrant/);
  await page.getByRole('table', { name: /Sites de Cogébois/ }).waitFor();
  await page.getByText('Aucune analyse des synergies n’a encore été lancée').waitFor();

  // Once an analysis has run, the synergies involving the actor link to their page.
  const run = await h.inject({ method: 'POST', url: `/api/territories/${CODE}/analyses`, payload: {} });
  assert.equal(run.statusCode, 201, run.body);
  const latest = (await h.inject({ method: 'GET', url: `/api/territories/${CODE}/analyses/latest` })).json<{
    result: { synergies: { id: string; supplierActorId: string; receiverActorId: string }[] };
  }>();
  const mine = latest.result.synergies.filter((s) => s.supplierActorId === cogebois || s.receiverActorId === cogebois);
  assert.ok(mine.length > 0, 'the biomass plant’s waste heat finds the greenhouses');
  await page.reload();
  const synergies = page.getByRole('table', { name: /Synergies impliquant Cogébois/ });
  await synergies.waitFor();
  // The ten best first, then all on request.
  assert.ok(mine.length > 10);
  assert.equal(await synergies.locator('tbody tr').count(), 10);
  await page.getByRole('button', { name: `Afficher les ${mine.length} synergies` }).click();
  assert.equal(await synergies.locator('tbody tr').count(), mine.length);
  const first = mine[0];
  assert.ok(first);
  const link = synergies.locator(`a[href="/t/${CODE}/synergies/${encodeURIComponent(first.id)}"]`);
  assert.equal(await link.count(), 1);
  await page.waitForFunction(() => !document.body.textContent?.includes('Chargement'));
  await screenshot(page, '11-acteur');
  assert.deepEqual(await seriousViolations(page), []);
});

test('a new actor is created with the keyboard alone, its NAF code picked in the combobox, and then found in the list', async () => {
  const page = await h.newPage();
  await page.goto(`${h.origin}/t/${CODE}/acteurs`);
  await rangeText(page, '1–20 sur 106');
  for (let i = 0; i < 40 && (await focused(page)).text !== 'Nouvel acteur'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Nouvel acteur');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'actors-new-form-name');

  // Submitting it empty: the summary takes the focus and links to the field, which says what is missing.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('actors-error-summary'));
  assert.match((await focused(page)).text, /Nom : Indiquer le nom de l’acteur\./);
  const name = page.locator('#actors-new-form-name');
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  assert.match((await name.getAttribute('aria-describedby')) ?? '', /actors-new-form-name-error/);
  assert.match((await page.locator('#actors-new-form-name-error').textContent()) ?? '', /Indiquer le nom de l’acteur/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'actors-new-form-name');

  const actorName = 'Boulangerie d’essai des Flandres';
  await page.keyboard.type(actorName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(siret('91234567', '0001'));
  await page.keyboard.press('Tab'); // kind: company
  await page.keyboard.press('Tab');
  const naf = page.locator('#actors-new-form-nafCode');
  assert.equal((await focused(page)).id, 'actors-new-form-nafCode');
  assert.equal(await naf.getAttribute('role'), 'combobox');
  await page.keyboard.type('boulangerie patisserie');
  await page.waitForFunction(() => document.getElementById('actors-new-form-nafCode')?.getAttribute('aria-expanded') === 'true');
  // Escape closes the suggestions, Down opens them again on the first one, Enter picks it.
  await page.keyboard.press('Escape');
  assert.equal(await naf.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => !!document.getElementById('actors-new-form-nafCode')?.getAttribute('aria-activedescendant'));
  const active = await naf.getAttribute('aria-activedescendant');
  assert.ok(active);
  assert.match((await page.locator(`[id="${active}"]`).textContent()) ?? '', /10\.71C/);
  assert.equal(await page.locator(`[id="${active}"]`).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator(`[id="${active}"]`).getAttribute('role'), 'option');
  await screenshot(page, '12-formulaire');
  assert.deepEqual(await seriousViolations(page), []);
  await page.keyboard.press('Enter');
  assert.equal(await naf.getAttribute('aria-expanded'), 'false');
  assert.match(await naf.inputValue(), /^10\.71C — Boulangerie et boulangerie-pâtisserie/);

  // Enter in a closed combobox submits the form.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('actors-saved'));
  assert.match((await focused(page)).text, /Acteur « Boulangerie d’essai des Flandres » créé\./);

  // The new actor is in the list.
  await page.keyboard.press('Tab'); // its link
  await page.keyboard.press('Tab'); // the search box
  assert.equal((await focused(page)).id, 'actors-filter-q');
  await page.keyboard.type('essai des flandres');
  await page.keyboard.press('Enter');
  await rangeText(page, '1–1 sur 1');
  const row = page.getByRole('row', { name: new RegExp(actorName) });
  assert.match((await row.textContent()) ?? '', /10\.71C/);
  assert.match((await row.textContent()) ?? '', /Entreprise/);

  const stored = (
    await h.inject({ method: 'GET', url: `/api/territories/${CODE}/actors?q=${encodeURIComponent('essai des Flandres')}` })
  ).json<{ items: { nafCode: string; kind: string }[] }>();
  assert.deepEqual(
    stored.items.map((a) => [a.nafCode, a.kind]),
    [['10.71C', 'company']],
  );
});

test('a flow whose temperature is outside its heat band is refused, with the French message next to the field, and saved once corrected', async () => {
  const page = await h.newPage();
  const serres = await actorId('SCEA Serres de la Colme');
  await page.goto(`${h.origin}/t/${CODE}/acteurs/${serres}`);
  await page.getByRole('heading', { name: 'Flux (5)' }).waitFor();
  await page.getByRole('button', { name: 'Ajouter un flux' }).click();
  await page.getByRole('heading', { name: 'Ajouter un flux' }).waitFor();

  // The resource is picked with the keyboard; its default unit follows.
  const resource = page.locator('#flow-form-resourceCode');
  await resource.focus();
  await page.keyboard.type('energy.heat.medium');
  // Suggestions of the whole text typed, not of a part of it still on its way (the list is debounced).
  await page.waitForFunction(() =>
    document.querySelector('#flow-form-resourceCode-listbox [role=option]')?.textContent?.startsWith('energy.heat.medium'),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.match(await resource.inputValue(), /^energy\.heat\.medium — /);
  await page.getByText('Plage de cette ressource : de 60 °C (inclus) à 90 °C (exclu).').waitFor();
  await page.waitForFunction(() => (document.getElementById('flow-form-quantity-unit') as HTMLSelectElement | null)?.value === 'MWh');
  // Only units of energy are offered for heat.
  const units = await page
    .locator('#flow-form-quantity-unit option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  assert.deepEqual(units.sort(), ['GJ', 'GWh', 'MWh', 'kWh']);

  await page.getByRole('group', { name: 'Sens' }).getByLabel('Entrant').check();
  await page.getByLabel('Libellé (obligatoire)').fill('Eau chaude d’appoint');
  await page.getByLabel('Valeur').fill('1 200,5');
  await page.getByRole('group', { name: 'Mois où le flux est disponible' }).getByLabel('janvier').check();
  await page.getByRole('group', { name: 'Mois où le flux est disponible' }).getByLabel('décembre').check();
  await page.getByLabel('Température (°C)').fill('40');
  await page.getByRole('button', { name: 'Créer le flux' }).click();

  await page.waitForFunction(() => document.activeElement?.classList.contains('actors-error-summary'));
  const temperature = page.locator('#flow-form-quality-temperatureC');
  assert.equal(await temperature.getAttribute('aria-invalid'), 'true');
  const describedBy = (await temperature.getAttribute('aria-describedby')) ?? '';
  assert.ok(describedBy.split(' ').includes('flow-form-quality-temperatureC-error'), describedBy);
  const message = (await page.locator('#flow-form-quality-temperatureC-error').textContent()) ?? '';
  assert.match(message, /40 °C est hors de la plage de energy\.heat\.medium \(60 à 90 °C\)/);
  // The summary links to the field.
  await page.locator('.actors-error-summary a', { hasText: 'Température (°C)' }).click();
  assert.equal((await focused(page)).id, 'flow-form-quality-temperatureC');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '13-formulaire-flux-erreur');

  await temperature.fill('75');
  await page.getByRole('button', { name: 'Créer le flux' }).click();
  await page.getByText('Flux « Eau chaude d’appoint » enregistré.').waitFor();
  await page.getByRole('heading', { name: 'Flux (6)' }).waitFor();
  const row = page.getByRole('row', { name: /Eau chaude d’appoint/ });
  assert.match((await row.textContent()) ?? '', /Entrant/);
  assert.match((await row.textContent()) ?? '', /1\s200,5 MWh par an/);
  assert.match((await row.textContent()) ?? '', /janv\., déc\./);

  // Edited in place (PATCH): the form comes back filled in.
  await row.getByRole('button', { name: 'Modifier Eau chaude d’appoint' }).click();
  await page.getByRole('heading', { name: 'Modifier le flux « Eau chaude d’appoint »' }).waitFor();
  assert.equal(await page.getByLabel('Température (°C)').inputValue(), '75');
  assert.equal(await page.getByLabel('Valeur').inputValue(), '1200,5');
  assert.match(await page.locator('#flow-form-resourceCode').inputValue(), /^energy\.heat\.medium — /);
  await page.getByLabel('Libellé (obligatoire)').fill('Eau chaude d’appoint des serres');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Flux « Eau chaude d’appoint des serres » enregistré.').waitFor();
  await page.getByRole('heading', { name: 'Flux (6)' }).waitFor();
});

test('a site is added to an actor with a commune of the territory, and a wrong commune or a lone coordinate is refused at its field', async () => {
  const page = await h.newPage();
  const id = await actorId('Boulangerie d’essai des Flandres');
  await page.goto(`${h.origin}/t/${CODE}/acteurs/${id}`);
  await page.getByText('Aucun site : ajoutez-en un pour pouvoir déclarer des flux.').waitFor();
  await page.getByRole('button', { name: 'Ajouter un site' }).click();
  await page.getByLabel('Nom du site (obligatoire)').fill('Fournil');
  await page.getByLabel('Latitude').fill('50,87');
  await page.getByRole('button', { name: 'Créer le site' }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('actors-error-summary'));
  assert.match((await page.locator('.actors-error-summary').textContent()) ?? '', /Commune : Choisir la commune du site\./);
  assert.match((await page.locator('#site-form-location-lon-error').textContent()) ?? '', /Donner la latitude et la longitude/);

  // The communes are named.
  await page.getByLabel('Commune (obligatoire)').selectOption({ label: 'Wormhout (59663)' });
  await page.getByLabel('Longitude').fill('2,48');
  await page.getByRole('button', { name: 'Créer le site' }).click();
  await page.getByText('Site « Fournil » enregistré.').waitFor();
  await page
    .getByRole('table', { name: /Sites de Boulangerie d’essai/ })
    .getByRole('cell', { name: 'Wormhout (59663)' })
    .waitFor();

  // The record is edited in place; the API's own message shows at the faulty field.
  await page.getByRole('button', { name: 'Modifier la fiche' }).click();
  assert.match(await page.locator('#actor-edit-form-nafCode').inputValue(), /^10\.71C — Boulangerie/);
  await page.getByLabel('Courriel').fill('pas-un-courriel');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('actors-error-summary'));
  assert.match((await page.locator('#actor-edit-form-contact-email-error').textContent()) ?? '', /adresse e-mail invalide/);
  await page.getByLabel('Courriel').fill('fournil@example.org');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Fiche enregistrée.').waitFor();
  await page.getByRole('link', { name: 'fournil@example.org' }).waitFor();

  // A need to share, with its resource picked in the list.
  await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
  await page.getByLabel('Catégorie (obligatoire)').selectOption('waste_collection');
  await page.getByLabel('Description (obligatoire)').fill('Collecte mutualisée des cartons d’emballage');
  await page.locator('#need-form-resourceCode').focus();
  await page.keyboard.type('carton');
  await page.waitForFunction(() =>
    document.querySelector('#need-form-resourceCode-listbox [role=option]')?.textContent?.includes('Papiers et cartons'),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByLabel('Valeur').fill('3');
  await page.getByLabel('Unité').selectOption('t');
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('button', { name: 'Créer le besoin' }).click();
  await page.getByText('Besoin enregistré.').waitFor();
  const needs = page.getByRole('table', { name: /Besoins de Boulangerie d’essai/ });
  assert.match((await needs.textContent()) ?? '', /Collecte de déchets.*Collecte mutualisée des cartons.*Papiers et cartons.*3 t par an/);
});

test('the forms work in English too', async () => {
  const page = await h.newPage();
  await page.goto(`${h.origin}/t/${CODE}/acteurs`);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await rangeText(page, '1–20 of 107');
  await page.getByRole('button', { name: 'New actor' }).click();
  await page.getByRole('button', { name: 'Create the actor' }).click();
  await page.getByText('Give the actor’s name.').first().waitFor();
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await rangeText(page, '1–20 sur 107');
});

test('no request leaves localhost on the actors pages', () => {
  assert.ok(h.requests.some((u) => u.includes('/api/reference/naf')));
  assert.deepEqual(external(h.requests, h.origin), []);
});
