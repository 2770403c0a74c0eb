import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO, external, PASSWORD, screenshot, seriousViolations, start, type Account, type Harness } from '../../../e2e/harness.js';

const COLME = 'SCEA Serres de la Colme';
const COGEBOIS = 'Cogébois de l’Aa (centrale de cogénération biomasse)';
/** The greenhouse company's own account: a contributor for its actor only. */
const GROWER: Account = { email: 'serres@colme.test', displayName: 'Dominique Maraîchère', password: PASSWORD };
const BASE = `/t/${DEMO}`;
const LOG = `/api/territories/${DEMO}/interactions`;

let h: Harness;
const ids: Record<string, string> = {};

async function actorId(name: string): Promise<string> {
  const res = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/actors?q=${encodeURIComponent(name)}` });
  const id = res.json<{ items: { id: string; name: string }[] }>().items.find((a) => a.name === name)?.id;
  assert.ok(id, name);
  return id;
}

before(async () => {
  h = await start();
  ids.colme = await actorId(COLME);
  ids.cogebois = await actorId(COGEBOIS);
  await h.createAccount(GROWER, [{ territoryCode: DEMO, role: 'contributor', actorId: ids.colme }]);
});
after(() => h.close());

async function navLinks(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').allTextContents()).map((s) => s.trim());
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Chargement'));
}

/** The headings of the exchanges listed, top to bottom. */
async function listed(page: Page): Promise<string[]> {
  return (await page.locator('.rel-list article h3').allTextContents()).map((s) => s.trim());
}

async function activeId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

test('a facilitator writes down a visit with a weak signal, sees it listed and filtered, changes it and deletes it, with no serious accessibility violation', async () => {
  const page = await h.newPage();
  await page.goto(`${h.origin}${BASE}`);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Échanges', exact: true }).click();
  await page.waitForURL(`${h.origin}${BASE}/echanges`);
  await page.getByRole('heading', { level: 1, name: 'Échanges avec les entreprises' }).waitFor();
  await settled(page);
  // An empty log says what to do next.
  await page.getByText('Aucun échange noté. Ajoutez le premier : une visite, une rencontre…').waitFor();
  assert.deepEqual(await seriousViolations(page), []);

  // The form opens with the focus on its heading; what is missing is said at the field, which takes the focus.
  await page.getByRole('button', { name: 'Noter un échange' }).click();
  await page.getByRole('heading', { level: 2, name: 'Noter un échange' }).waitFor();
  assert.equal(await activeId(page), 'interaction-form-title');
  await page.getByLabel('Type d’échange').selectOption({ label: 'Visite' });
  await page.getByRole('button', { name: 'Enregistrer l’échange' }).click();
  await page.getByText('Choisissez l’entreprise rencontrée.').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'interaction-actorId');
  assert.equal(await page.getByLabel('Entreprise rencontrée').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('Rechercher l’entreprise').fill('Colme');
  await page.getByLabel('Entreprise rencontrée').locator('option', { hasText: COLME }).waitFor({ state: 'attached' });
  await page.getByLabel('Entreprise rencontrée').selectOption({ label: COLME });
  await page.getByLabel('Date de l’échange').fill('2026-03-12');
  await page.getByLabel('Participants (facultatif)').fill('La gérante, le chef de culture ; Camille (animation)');
  await page.getByLabel('Sujets abordés (facultatif)').fill('Chauffage des serres en hiver, emballages');
  await page.getByLabel('Un signal faible a été repéré').check();
  await page.getByRole('button', { name: 'Enregistrer l’échange' }).click();
  await page.getByText('Dites quel est le signal faible repéré.').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'interaction-weakSignalText');
  await page.getByLabel('Le signal faible', { exact: true }).fill('Envisage de quitter le territoire si le prix du gaz remonte');
  await page.getByLabel('Service proposé (facultatif)').fill('Réponse à des appels d’offres, soutien au développement de l’éco-conception');
  await page.getByLabel('Date de relance (facultatif)').fill('2026-06-01');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '70-echanges-formulaire');
  await page.getByRole('button', { name: 'Enregistrer l’échange' }).click();
  await page.getByText('Échange enregistré.').waitFor();
  assert.deepEqual(await listed(page), [`Visite — ${COLME}`]);
  const entry = page.locator('.rel-list article').first();
  const text = (await entry.textContent()) ?? '';
  assert.match(text, /12 mars 2026/);
  assert.match(text, /Signal faible.*Envisage de quitter le territoire/);
  assert.match(text, /Relance prévue.*1 juin 2026/);
  assert.match(text, /Noté par Camille Animatrice/);

  // Another exchange, later and without a weak signal: newest first, and the filter keeps the weak signal only.
  const other = await h.inject({
    method: 'POST',
    url: LOG,
    payload: { actorId: ids.cogebois, occurredOn: '2026-04-02', kind: 'club', topics: 'Club des dirigeants' },
  });
  assert.equal(other.statusCode, 201, other.body);
  await page.getByLabel('Signaux faibles seulement').check();
  await page.getByText('1 échange avec un signal faible').waitFor();
  assert.deepEqual(await listed(page), [`Visite — ${COLME}`]);
  await page.getByLabel('Signaux faibles seulement').uncheck();
  await page.getByText('2 échanges', { exact: true }).waitFor();
  assert.deepEqual(await listed(page), [`Club — ${COGEBOIS}`, `Visite — ${COLME}`]);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '71-echanges-journal');

  // A change: the form comes filled; a date the server refuses is said beside its field.
  await page.getByRole('button', { name: `Modifier l’échange du 12 mars 2026 avec ${COLME}` }).click();
  await page.getByRole('heading', { level: 2, name: `Modifier l’échange avec ${COLME}` }).waitFor();
  assert.equal(await page.getByLabel('Entreprise rencontrée').inputValue(), ids.colme);
  assert.equal(
    await page.getByLabel('Le signal faible', { exact: true }).inputValue(),
    'Envisage de quitter le territoire si le prix du gaz remonte',
  );
  await page.getByLabel('Type d’échange').selectOption({ label: 'Atelier en entreprise' });
  await page.getByLabel('Date de l’échange').fill('1850-03-12');
  await page.getByRole('button', { name: 'Enregistrer l’échange' }).click();
  await page.getByText('Date entre 1900 et 2999 attendue.').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'interaction-occurredOn');
  assert.equal(await page.getByLabel('Date de l’échange').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Date de l’échange').fill('2026-03-12');
  await page.getByLabel('Le signal faible', { exact: true }).fill('Pourrait reprendre la chaleur de la chaufferie voisine');
  await page.getByRole('button', { name: 'Enregistrer l’échange' }).click();
  await page.getByText('Échange enregistré.').waitFor();
  await page.getByRole('heading', { level: 3, name: `Atelier en entreprise — ${COLME}` }).waitFor();
  assert.match((await page.locator('.rel-list article').nth(1).textContent()) ?? '', /Pourrait reprendre la chaleur/);

  // Deleting asks first; cancelling keeps it, confirming removes it.
  const remove = page.getByRole('button', { name: `Supprimer l’échange du 12 mars 2026 avec ${COLME}` });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer cet échange ?' });
  await dialog.waitFor();
  assert.match((await dialog.textContent()) ?? '', new RegExp(`L’échange du 12 mars 2026 avec ${COLME} sera retiré du journal`));
  assert.deepEqual(await seriousViolations(page), []);
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await listed(page).then((l) => l.length), 2);
  await remove.click();
  await dialog.getByRole('button', { name: 'Supprimer l’échange' }).click();
  await page.getByText('Échange supprimé.').waitFor();
  assert.deepEqual(await listed(page), [`Club — ${COGEBOIS}`]);
  const left = await h.inject({ method: 'GET', url: LOG });
  assert.deepEqual(
    left.json<{ items: { actorId: string }[] }>().items.map((i) => i.actorId),
    [ids.cogebois],
  );
});

test('a contributor is not offered the log: no navigation entry, the page says it is not for their role, and the API refuses as for any facilitators’ action', async () => {
  const canary = 'Confidentiel : la gérante cherche un repreneur';
  const made = await h.inject({
    method: 'POST',
    url: LOG,
    payload: { actorId: ids.colme, occurredOn: '2026-05-05', kind: 'meeting', weakSignal: true, weakSignalText: canary },
  });
  assert.equal(made.statusCode, 201, made.body);
  const page = await h.newPage(GROWER);
  const before = h.requests.length;
  await page.goto(`${h.origin}${BASE}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settled(page);
  assert.ok(!(await navLinks(page)).includes('Échanges'));
  await page.goto(`${h.origin}${BASE}/echanges`);
  await page.getByRole('heading', { level: 1, name: 'Échanges avec les entreprises' }).waitFor();
  await page.getByText('Non disponible pour votre rôle').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Noter un échange' }).count(), 0);
  assert.equal(await page.getByText(canary).count(), 0);
  assert.ok(!h.requests.slice(before).some((u) => u.includes('/interactions')), 'the page asked nothing of the log');
  assert.deepEqual(await seriousViolations(page), []);

  // The server refuses, even for an entry about the contributor's own company, with the answer of any facilitators' action.
  const theirs = await h.inject({ method: 'GET', url: LOG }, GROWER);
  const entry = await h.inject({ method: 'GET', url: `${LOG}/${made.json<{ id: string }>().id}` }, GROWER);
  const analyses = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/analyses` }, GROWER);
  for (const r of [theirs, entry]) {
    assert.equal(r.statusCode, 403);
    assert.deepEqual(r.json(), analyses.json());
    assert.ok(!r.body.includes(canary));
  }
});

test('no request leaves localhost while using the log', () => {
  assert.ok(h.requests.length > 5);
  assert.deepEqual(external(h.requests, h.origin), []);
});
