import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO, external, PASSWORD, screenshot, seriousViolations, start, type Account, type Harness } from '../../../e2e/harness.js';

const COLME = 'SCEA Serres de la Colme';
const COGEBOIS = 'Cogébois de l’Aa (centrale de cogénération biomasse)';
const GROWER: Account = { email: 'serres@colme.test', displayName: 'Dominique Maraîchère', password: PASSWORD };
const PLANT: Account = { email: 'energie@cogebois.test', displayName: 'Sacha Énergéticien', password: PASSWORD };
const BASE = `/t/${DEMO}`;

interface Item {
  id: string;
  caseId: string | null;
  status: string;
  family: string;
  supplier: { disclosed: boolean; name?: string };
  receiver: { disclosed: boolean; name?: string };
}

interface PipelineAnswer {
  counts: Record<string, number>;
  conversion: { detectedToImplemented: number | null };
  abandonReasons: Record<string, number>;
}

let h: Harness;
/** The cogeneration plant's waste heat to the greenhouses: the synergy followed through. */
let heat: Item;
let caseId = '';

async function actorId(name: string): Promise<string> {
  const res = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/actors?q=${encodeURIComponent(name)}` });
  const id = res.json<{ items: { id: string; name: string }[] }>().items.find((a) => a.name === name)?.id;
  assert.ok(id, name);
  return id;
}

async function pipeline(): Promise<PipelineAnswer> {
  const res = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/pipeline` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<PipelineAnswer>();
}

async function detected(): Promise<Item[]> {
  const res = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/synergies?status=detected` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ items: Item[] }>().items;
}

/** A percentage as the page writes it in French: "0,9 %". */
function frPercent(ratio: number): string {
  return `${(ratio * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
}

/** The count of a step in the pipeline's table. */
async function stepCount(page: Page, step: string): Promise<string> {
  const row = page.getByRole('table', { name: 'Synergies par étape du suivi' }).getByRole('row', { name: new RegExp(`^${step}`) });
  return ((await row.locator('td').first().textContent()) ?? '').trim();
}

async function changeStatus(page: Page, status: string, comment?: string): Promise<void> {
  await page.getByLabel('Nouveau statut').selectOption({ label: status });
  if (comment) await page.getByLabel('Commentaire (facultatif)').fill(comment);
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  await page.getByText(`Statut changé : ${status}.`).waitFor();
  await page.locator('.followup-facts .status-tag', { hasText: status }).waitFor();
}

before(async () => {
  h = await start();
  await h.createAccount(GROWER, [{ territoryCode: DEMO, role: 'contributor', actorId: await actorId(COLME) }]);
  await h.createAccount(PLANT, [{ territoryCode: DEMO, role: 'contributor', actorId: await actorId(COGEBOIS) }]);
  const run = await h.inject({ method: 'POST', url: `/api/territories/${DEMO}/analyses`, payload: {} });
  assert.equal(run.statusCode, 201, run.body);
  const found = (await detected()).find((s) => s.supplier.name === COGEBOIS && s.receiver.name === COLME && s.family === 'waste_heat');
  assert.ok(found, 'the analysis finds the waste heat for the greenhouses');
  heat = found;
});
after(() => h.close());

test('a facilitator opens a case from a detected synergy, moves it through proposed, in discussion and being implemented to implemented with verified impacts, and the pipeline counts and conversion follow', async () => {
  const before = await pipeline();
  assert.equal(before.counts.implemented, 0);
  const page = await h.newPage();
  await page.goto(`${h.origin}${BASE}/suivi`);
  await page.getByRole('heading', { level: 1, name: 'Suivi des synergies' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Chargement'));
  assert.equal(await stepCount(page, 'Détectée'), before.counts.detected?.toLocaleString('fr-FR'));
  assert.equal(await stepCount(page, 'Mise en œuvre'), '0');
  assert.equal((await page.locator('.followup-conversion-value').textContent())?.trim(), '0 %');

  // Only the detected ones, then the case is opened from the heat's row.
  await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Détectée' });
  await page.waitForURL(/statut=detected/);
  const list = page.getByRole('table', { name: 'Synergies au statut « Détectée »' });
  await list.waitFor();
  const row = list.locator('tbody tr', { has: page.locator(`a[href="${BASE}/synergies/${encodeURIComponent(heat.id)}"]`) });
  assert.match((await row.textContent()) ?? '', /Cogébois de l’Aa.*SCEA Serres de la Colme/);
  await row.getByRole('button', { name: /^Ouvrir un suivi de Cogébois de l’Aa .* vers SCEA Serres de la Colme$/ }).click();
  await page.waitForURL(new RegExp(`${BASE}/suivi/[0-9a-f-]{36}$`));
  caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByRole('heading', { level: 1, name: `Suivi : ${COGEBOIS} → ${COLME}` }).waitFor();
  await page.locator('.followup-facts .status-tag', { hasText: 'Détectée' }).waitFor();
  await page.getByText('Les impacts vérifiés se saisissent quand la synergie est en cours de mise en œuvre').waitFor();
  assert.deepEqual(await seriousViolations(page), []);

  await changeStatus(page, 'Proposée', 'Présentée aux deux entreprises au club d’entreprises du 12 mars.');
  await changeStatus(page, 'En discussion');
  // Who follows it, and what comes next.
  await page.getByLabel('Responsable du suivi').selectOption({ label: 'Camille Animatrice (vous)' });
  await page.getByLabel('Prochaines étapes').fill('Visite de la chaufferie avec le maraîcher ; devis du réseau de chaleur.');
  await page.getByLabel('Échéance de la prochaine étape').fill('2026-04-30');
  await page.getByLabel('Notes').fill('Le maraîcher veut une garantie de fourniture en hiver.');
  await page.getByRole('button', { name: 'Enregistrer le pilotage' }).click();
  await page.getByText('Pilotage enregistré.').waitFor();
  const facts = page.locator('.followup-facts');
  await facts.getByText('Camille Animatrice').waitFor();
  await facts.getByText('Échéance : 30 avril 2026').waitFor();
  await changeStatus(page, 'En cours de mise en œuvre', 'Réseau de chaleur en travaux.');

  // The verified impacts, beside the estimated ones.
  await page.getByRole('heading', { name: 'Impacts vérifiés' }).waitFor();
  await page.getByLabel('Émissions évitées (t CO2e/an)').fill('douze');
  await page.getByRole('button', { name: 'Enregistrer les impacts vérifiés' }).click();
  await page.getByText('Indiquer un nombre, par exemple 12,5').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'case-verified-co2eAvoidedT');
  await page.getByLabel('Émissions évitées (t CO2e/an)').fill('1 850');
  await page.getByLabel('Économies du fournisseur (€/an)').fill('42000');
  await page.getByLabel('Économies du receveur (€/an)').fill('65 000');
  await page.getByLabel('Emplois (ETP)').fill('1,5');
  await page
    .getByLabel('Comment ces chiffres ont été obtenus')
    .fill('Compteur de chaleur posé en mars ; factures de gaz du maraîcher 2025 et 2026.');
  await page.getByRole('button', { name: 'Enregistrer les impacts vérifiés' }).click();
  await page.getByText('Impacts vérifiés enregistrés.').waitFor();
  await changeStatus(page, 'Mise en œuvre', 'Première saison de chauffe complète.');
  await page.getByText('Une synergie mise en œuvre ne change plus de statut.').waitFor();

  const impacts = page.getByRole('table', { name: /Impacts annuels : estimés par l’analyse et vérifiés/ });
  const co2 = (await impacts.getByRole('row', { name: /Émissions évitées/ }).textContent()) ?? '';
  assert.match(co2, /2\s381 t CO2e\/an.*1\s850 t CO2e\/an/);
  assert.match((await impacts.getByRole('row', { name: /Économies du receveur/ }).textContent()) ?? '', /65\s000 €\/an/);
  assert.match((await impacts.getByRole('row', { name: /Emplois/ }).textContent()) ?? '', /1,5 ETP/);
  await page.getByText('Compteur de chaleur posé en mars').waitFor();

  // The history, newest first, with who did what.
  const history = page.getByRole('table', { name: /Historique du suivi/ });
  const changes = (await history.locator('tbody tr td:first-of-type').allTextContents()).map((s) => s.trim());
  assert.deepEqual(changes.slice(0, 4), [
    'En cours de mise en œuvre → Mise en œuvre',
    'En cours de mise en œuvre (mise à jour)',
    'En discussion → En cours de mise en œuvre',
    'En discussion (mise à jour)',
  ]);
  assert.ok(changes.includes('Détectée → Proposée'));
  assert.match(
    (await history.textContent()) ?? '',
    /Présentée aux deux entreprises au club d’entreprises du 12 mars\..*Camille Animatrice/s,
  );
  await screenshot(page, '40-suivi-cas');
  assert.deepEqual(await seriousViolations(page), []);

  // Back to the pipeline: one more implemented, one fewer detected, and the conversion.
  const now = await pipeline();
  assert.equal(now.counts.implemented, 1);
  assert.equal(now.counts.detected, (before.counts.detected ?? 0) - 1);
  assert.ok(now.conversion.detectedToImplemented && now.conversion.detectedToImplemented > 0);
  await page.getByRole('link', { name: 'Retour au suivi des synergies' }).click();
  await page.getByRole('table', { name: 'Synergies par étape du suivi' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Chargement'));
  assert.equal(await stepCount(page, 'Mise en œuvre'), '1');
  assert.equal(await stepCount(page, 'Détectée'), now.counts.detected?.toLocaleString('fr-FR'));
  assert.equal((await page.locator('.followup-conversion-value').textContent())?.trim(), frPercent(now.conversion.detectedToImplemented));
  await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Mise en œuvre' });
  const done = page.getByRole('table', { name: 'Synergies au statut « Mise en œuvre »' });
  await done.waitFor();
  // The table's caption shows before its rows arrive: wait for the row, then count.
  await done.getByRole('link', { name: /^Voir le suivi de Cogébois/ }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Chargement'));
  assert.equal(await done.locator('tbody tr').count(), 1);
  await screenshot(page, '41-suivi');
  assert.deepEqual(await seriousViolations(page), []);
});

test('abandoning a case asks for its reason, and the pipeline counts the reasons', async () => {
  const other = (await detected()).find((s) => s.id !== heat.id);
  assert.ok(other);
  const opened = await h.inject({
    method: 'POST',
    url: `/api/territories/${DEMO}/synergy-cases`,
    payload: { synergyId: other.id, status: 'proposed' },
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const page = await h.newPage();
  await page.goto(`${h.origin}${BASE}/suivi/${opened.json<{ id: string }>().id}`);
  await page.locator('.followup-facts .status-tag', { hasText: 'Proposée' }).waitFor();
  // Backwards is not offered.
  assert.equal(await page.getByLabel('Nouveau statut').locator('option', { hasText: 'Détectée' }).count(), 0);
  await page.getByLabel('Nouveau statut').selectOption({ label: 'Abandonnée' });
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  await page.getByText('Choisir la raison de l’abandon.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'case-reason-regulation');
  await page.getByRole('group', { name: 'Raison de l’abandon' }).getByLabel('Coût').check();
  await page.getByLabel('Précisions sur l’abandon (facultatif)').fill('Le transport coûterait plus que la matière vierge.');
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  await page.getByText('Statut changé : Abandonnée.').waitFor();
  await page.getByText('Raison : Coût — Le transport coûterait plus que la matière vierge.').waitFor();
  assert.equal((await pipeline()).abandonReasons.cost, 1);
  await page.goto(`${h.origin}${BASE}/suivi`);
  const reasons = page.getByRole('table', { name: 'Synergies abandonnées, par raison' });
  assert.match((await reasons.getByRole('row', { name: /Coût/ }).textContent()) ?? '', /Coût\s*1/);
});

test('the contributors’ consent to disclosure flips the anonymous party to its name once both sides have consented', async () => {
  assert.ok(caseId, 'the first test opened the case');
  const grower = await h.newPage(GROWER);
  await grower.goto(`${h.origin}${BASE}/suivi/${caseId}`);
  const summary = grower.locator('.followup-facts');
  await summary.waitFor();
  // The greenhouses see themselves, and the plant described only.
  assert.match((await summary.textContent()) ?? '', /Fournisseuranonyme\s*une entreprise/);
  assert.doesNotMatch((await grower.locator('main').textContent()) ?? '', /Cogébois/);
  assert.match(
    (await grower.getByRole('heading', { level: 1 }).textContent()) ?? '',
    /^Suivi : une entreprise .* → SCEA Serres de la Colme$/,
  );
  // No steering or status form for a contributor; their side's consent only.
  assert.equal(await grower.getByRole('button', { name: 'Changer le statut' }).count(), 0);
  assert.equal(await grower.getByRole('button', { name: /consentement du fournisseur/ }).count(), 0);
  assert.deepEqual(await seriousViolations(grower), []);
  await grower.getByRole('button', { name: 'Consentir à faire connaître notre nom' }).click();
  await grower.getByText('Votre consentement est enregistré.').waitFor();
  await grower.getByText('Tant que les deux n’ont pas consenti').waitFor();
  assert.doesNotMatch((await summary.textContent()) ?? '', /Cogébois/);

  // The plant sees the greenhouses anonymous, consents, and both are named.
  const plant = await h.newPage(PLANT);
  await plant.goto(`${h.origin}${BASE}/suivi/${caseId}`);
  const plantSummary = plant.locator('.followup-facts');
  await plantSummary.waitFor();
  assert.doesNotMatch((await plantSummary.textContent()) ?? '', /Serres de la Colme/);
  await plant.getByText('A consenti le').waitFor();
  await plant.getByRole('button', { name: 'Consentir à faire connaître notre nom' }).click();
  await plant.getByText('Les deux entreprises ont consenti : chacune voit le nom de l’autre.').waitFor();
  assert.match((await plantSummary.textContent()) ?? '', /ReceveurSCEA Serres de la Colme/);
  await screenshot(plant, '42-consentement');

  await grower.reload();
  await grower.getByRole('heading', { level: 1, name: `Suivi : ${COGEBOIS} → ${COLME}` }).waitFor();
  await grower.goto(`${h.origin}${BASE}/synergies`);
  const proposed = grower.getByRole('table', { name: 'Synergies proposées à votre entreprise' });
  await proposed.waitFor();
  // The plant is named in the supplier's column of the implemented synergy.
  await proposed
    .locator('tbody tr', { has: grower.locator('.status-implemented') })
    .getByRole('cell', { name: COGEBOIS, exact: true })
    .waitFor();

  // Withdrawn: anonymous again for the other side.
  await plant.getByRole('button', { name: 'Retirer notre consentement' }).click();
  await plant.getByText('Votre consentement est retiré.').waitFor();
  await grower.goto(`${h.origin}${BASE}/suivi/${caseId}`);
  await grower.locator('.followup-facts').waitFor();
  assert.doesNotMatch((await grower.locator('.followup-facts').textContent()) ?? '', /Cogébois/);
});

test('the analysis list shows each synergy’s follow-up status, and a case can be opened from a synergy’s page', async () => {
  assert.ok(caseId, 'the first test opened the case');
  const page = await h.newPage();
  await page.goto(`${h.origin}${BASE}/synergies`);
  const table = page.getByRole('table', { name: /Synergies de substitution/ });
  await table.waitFor();
  await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Mise en œuvre' });
  // The case follows the pair of flows: every rule that matched the same pair shows it.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.synergy-table tbody tr')];
    return (
      rows.length > 0 &&
      rows.length < 10 &&
      rows.every((r) => /Cogébois de l’Aa.*SCEA Serres de la Colme.*Mise en œuvre/.test(r.textContent ?? ''))
    );
  });
  const row = table.locator('tbody tr').first();
  await row.getByRole('link', { name: /^Voir le suivi/ }).click();
  await page.waitForURL(`${h.origin}${BASE}/suivi/${caseId}`);
  await page.goto(`${h.origin}${BASE}/synergies`);
  await page.getByLabel('Statut', { exact: true }).selectOption('all');

  // A synergy not followed yet: its page opens a case.
  const next = (await detected()).find((s) => s.id !== heat.id);
  assert.ok(next);
  await page.goto(`${h.origin}${BASE}/synergies/${encodeURIComponent(next.id)}`);
  await page.getByText('Cette synergie n’est pas encore suivie.').waitFor();
  await page.getByRole('button', { name: 'Ouvrir un suivi' }).click();
  await page.waitForURL(new RegExp(`${BASE}/suivi/[0-9a-f-]{36}$`));
  await page.getByRole('heading', { level: 1, name: /^Suivi : / }).waitFor();
  await page.getByText('Suivi ouvert : Détectée').waitFor();

  // The case's page reads in English too.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Consent to be known' }).waitFor();
  await page.getByRole('button', { name: 'Change the status' }).waitFor();
  await page.getByText('Case opened: Detected').waitFor();
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByRole('heading', { level: 2, name: 'Consentement à se faire connaître' }).waitFor();
});

test('no request leaves localhost on the follow-up pages', () => {
  assert.ok(h.requests.some((u) => u.includes('/pipeline')));
  assert.deepEqual(external(h.requests, h.origin), []);
});
