import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  DEMO,
  external,
  FACILITATOR,
  PASSWORD,
  screenshot,
  seriousViolations,
  signInWithForm,
  start,
  type Account,
  type Harness,
} from '../../../e2e/harness.js';

const COLME = 'SCEA Serres de la Colme';
const COGEBOIS = 'Cogébois de l’Aa (centrale de cogénération biomasse)';
/** The greenhouse company's own account: a contributor for its actor only. */
const GROWER: Account = { email: 'serres@colme.test', displayName: 'Dominique Maraîchère', password: PASSWORD };
/** A regional resource centre: a reader of the demo territory. */
const READER: Account = { email: 'observatoire@region.test', displayName: 'Observatoire régional', password: PASSWORD };

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
  await h.createAccount(READER, [{ territoryCode: DEMO, role: 'reader' }]);
  const run = await h.inject({ method: 'POST', url: `/api/territories/${DEMO}/analyses`, payload: {} });
  assert.equal(run.statusCode, 201, run.body);
});
after(() => h.close());

async function navLinks(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').allTextContents()).map((s) => s.trim());
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Chargement'));
}

test('someone not signed in is sent to the sign-in page, which has no serious accessibility violation and says why a sign-in is refused', async () => {
  const page = await h.newPage(null);
  await page.goto(`${h.origin}/t/${DEMO}/acteurs`);
  await page.waitForURL(`${h.origin}/connexion?retour=${encodeURIComponent(`/t/${DEMO}/acteurs`)}`);
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  await page.getByText('Connectez-vous pour continuer').waitFor();
  // Nothing of the territory was shown, and no identity provider is configured here.
  assert.equal(await page.getByRole('navigation', { name: 'Navigation principale' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: /ProConnect/ }).count(), 0);
  await screenshot(page, '30-connexion');
  assert.deepEqual(await seriousViolations(page), []);

  // Empty fields are stopped at the fields.
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByText('Indiquer votre adresse e-mail.').waitFor();
  assert.equal(await page.getByLabel('Adresse e-mail', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'signin-email');

  // A wrong password: the API's message, announced and focused.
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(GROWER.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent())?.trim(), 'Adresse ou mot de passe incorrect.');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
  assert.equal(await page.getByLabel('Mot de passe', { exact: true }).inputValue(), '');
  assert.deepEqual(await seriousViolations(page), []);
});

test('when an identity provider is configured, the sign-in page offers it as a link the browser follows to the server', async () => {
  const page = await h.newPage(null);
  // The server here has none: its answers are stood in for, on this page only.
  await page.route('**/api/auth/oidc', (route) => route.fulfill({ json: { enabled: true, label: 'ProConnect' } }));
  await page.route('**/api/auth/oidc/login', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="fr"><title>Fournisseur</title><p>Page du fournisseur d’identité</p></html>',
    }),
  );
  await page.goto(`${h.origin}/connexion`);
  const link = page.getByRole('link', { name: 'Se connecter avec ProConnect' });
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), '/api/auth/oidc/login');
  assert.deepEqual(await seriousViolations(page), []);
  await link.click();
  await page.getByText('Page du fournisseur d’identité').waitFor();
  assert.equal(new URL(page.url()).pathname, '/api/auth/oidc/login');
});

test('a company contributor signs in through the login form, comes back to the page asked for and sees only their own actor', async () => {
  const page = await h.newPage(null);
  await page.goto(`${h.origin}/t/${DEMO}/acteurs`);
  await page.waitForURL(/\/connexion\?retour=/);
  await signInWithForm(page, GROWER);
  await page.waitForURL(`${h.origin}/t/${DEMO}/acteurs`);
  await page.waitForFunction(() => document.querySelector('.actors-range')?.textContent === '1–1 sur 1');
  const table = page.getByRole('table', { name: /Acteurs du territoire/ });
  assert.deepEqual(await table.locator('tbody th').allTextContents(), [COLME]);
  // Who is signed in, and as what, is in the header; nothing offers to create an actor.
  const header = page.getByRole('banner');
  assert.match((await header.textContent()) ?? '', /Dominique Maraîchère/);
  assert.match((await header.textContent()) ?? '', /Contribution pour SCEA Serres de la Colme/);
  assert.equal(await page.getByRole('button', { name: 'Nouvel acteur' }).count(), 0);
  // The navigation offers what a contributor may use (the metabolism with small groups withheld): no map, no import.
  const links = await navLinks(page);
  assert.deepEqual(links, ['Territoires', 'Accueil', 'Acteurs', 'Synergies', 'Suivi', 'Métabolisme']);
  assert.ok(!links.includes('Import et export'));

  // Their own actor's page can be edited; the list of territories holds only theirs.
  await table.getByRole('link', { name: COLME }).click();
  await page.getByRole('heading', { level: 1, name: COLME }).waitFor();
  await page.getByRole('button', { name: 'Modifier la fiche' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Supprimer l’acteur' }).count(), 0);
  await page.getByRole('link', { name: 'Territoires', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Territoires' }).waitFor();
  await settled(page);
  assert.deepEqual(
    (await page.locator('.card-list > li > a').allTextContents()).map((s) => s.trim()),
    ['Communauté de communes du Val de Boucles (territoire fictif de démonstration)'],
  );
  await page.getByText('Votre rôle : Contribution pour SCEA Serres de la Colme').waitFor();
});

test('another actor’s page answers “introuvable” to a contributor, and the import page offers nothing', async () => {
  const page = await h.newPage(GROWER);
  await page.goto(`${h.origin}/t/${DEMO}/acteurs/${ids.cogebois}`);
  await page.getByRole('heading', { level: 1, name: 'Acteur introuvable' }).waitFor();
  await page.getByText('Cet acteur n’existe pas dans ce territoire').waitFor();
  assert.equal(await page.getByText('Cogébois').count(), 0);
  // The server says the same, exactly as for an actor that does not exist.
  const theirs = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/actors/${ids.cogebois}` }, GROWER);
  const none = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/actors/00000000-0000-4000-8000-000000000000` }, GROWER);
  assert.equal(theirs.statusCode, 404);
  assert.deepEqual(theirs.json(), none.json());

  await page.goto(`${h.origin}/t/${DEMO}/import`);
  await page.getByText('Non disponible pour votre rôle').waitFor();
  assert.equal(await page.locator('input[type=file]').count(), 0);
  assert.ok(!(await navLinks(page)).includes('Import et export'));
  await page.goto(`${h.origin}/t/${DEMO}/carte`);
  await page.getByText('Non disponible pour votre rôle').waitFor();
});

test('the synergies proposed to a contributor show the counterpart anonymous, described by its activity and distance', async () => {
  const page = await h.newPage(GROWER);
  await page.goto(`${h.origin}/t/${DEMO}`);
  await page.getByRole('heading', { name: 'Votre entreprise' }).waitFor();
  await page.getByRole('link', { name: 'Voir les synergies proposées à votre entreprise' }).click();
  await page.getByRole('heading', { level: 1, name: 'Synergies proposées' }).waitFor();
  const table = page.getByRole('table', { name: 'Synergies proposées à votre entreprise' });
  await table.waitFor();
  const rows = await table.locator('tbody tr').allTextContents();
  assert.ok(rows.length > 0);
  for (const row of rows) {
    assert.match(row, /SCEA Serres de la Colme/);
    assert.match(row, /anonyme/);
    assert.match(row, /Vous recevez|Vous fournissez/);
    assert.doesNotMatch(row, /Cogébois/);
  }
  const heat = rows.find((r) => /Chaleur/.test(r));
  assert.ok(heat, 'the waste heat is proposed to the greenhouses');
  assert.match(heat, /anonyme\s*une entreprise du secteur « [^»]+ » à (environ \d+ km|moins de 1 km)/);
  await screenshot(page, '31-synergies-proposees');
  assert.deepEqual(await seriousViolations(page), []);
});

test('the follow-up page shows the pipeline to a contributor, with no serious accessibility violation', async () => {
  const page = await h.newPage(GROWER);
  await page.goto(`${h.origin}/t/${DEMO}/suivi`);
  await page.getByRole('heading', { level: 1, name: 'Suivi des synergies' }).waitFor();
  const pipeline = page.getByRole('table', { name: 'Synergies par étape du suivi' });
  await pipeline.waitFor();
  for (const step of ['Détectée', 'Proposée', 'En discussion', 'En cours de mise en œuvre', 'Mise en œuvre', 'Abandonnée']) {
    await pipeline.getByRole('rowheader', { name: step, exact: true }).waitFor();
  }
  await page.getByText('Taux de conversion de la détection à la mise en œuvre').waitFor();
  await page.getByRole('table', { name: 'Synergies et leur suivi' }).waitFor();
  await settled(page);
  // No case can be opened from here by a contributor.
  assert.equal(await page.getByRole('button', { name: /Ouvrir un suivi/ }).count(), 0);
  await screenshot(page, '32-suivi-contributeur');
  assert.deepEqual(await seriousViolations(page), []);
});

test('a reader sees the pipeline, the metabolism and anonymised synergies, but no actor, map or import', async () => {
  const page = await h.newPage(READER);
  await page.goto(`${h.origin}/t/${DEMO}`);
  await page.getByRole('heading', { name: 'Chiffres clés' }).waitFor();
  assert.deepEqual(await navLinks(page), ['Territoires', 'Accueil', 'Synergies', 'Suivi', 'Métabolisme']);
  await page.getByText('Consultation').first().waitFor();
  await page.goto(`${h.origin}/t/${DEMO}/synergies`);
  const table = page.getByRole('table', { name: 'Synergies du territoire (anonymisées)' });
  await table.waitFor();
  const text = (await table.textContent()) ?? '';
  assert.doesNotMatch(text, /Cogébois|Serres de la Colme/);
  await page.goto(`${h.origin}/t/${DEMO}/acteurs`);
  await page.getByText('Non disponible pour votre rôle').waitFor();
  assert.equal(await page.getByRole('table').count(), 0);
  // The metabolism without the facilitators' scenario and exports, and nothing refused on the way.
  await page.getByRole('link', { name: 'Métabolisme' }).click();
  await page.getByRole('heading', { level: 1, name: /Métabolisme/ }).waitFor();
  await page.locator('.metabolism-sankey').first().waitFor();
  await settled(page);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'Exports' }).count(), 0);
});

test('a platform administrator creates a contributor account for an actor picked in the territory, adds and removes a role, and deletes an account after confirming', async () => {
  const page = await h.newPage(ADMIN);
  await page.goto(`${h.origin}/`);
  await page.getByRole('link', { name: 'Utilisateurs' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
  const list = page.getByRole('table', { name: /Comptes de la plateforme/ });
  await list.waitFor();
  await list.getByRole('rowheader', { name: 'Camille Animatrice', exact: true }).waitFor();

  await page.getByLabel('Adresse e-mail', { exact: true }).fill('contact@cogebois.test');
  await page.getByLabel('Nom affiché').fill('Claude Cogébois');
  await page.getByLabel('Mot de passe initial (facultatif)').fill('court');
  await page.getByLabel('Territoire').selectOption(DEMO);
  await page.getByLabel('Rôle', { exact: true }).selectOption('contributor');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  // Too short a password, and no actor picked: both said at their field.
  await page.getByText('Le mot de passe doit compter au moins 12 caractères.').waitFor();
  await page.getByText('Choisir l’acteur pour lequel cette personne contribue.').waitFor();
  await page.getByLabel('Mot de passe initial (facultatif)').fill(PASSWORD);
  await page.getByLabel('Rechercher l’acteur').fill('Cogébois');
  await page.waitForFunction(() => document.querySelectorAll('#new-user-role-actor option').length === 2);
  await page.getByLabel('Acteur représenté').selectOption({ label: COGEBOIS });
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByText('Compte de Claude Cogébois créé.').waitFor();
  const row = list.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Claude Cogébois', exact: true }) });
  await row.waitFor();
  assert.match(
    (await row.textContent()) ?? '',
    /Contribution \(une entreprise\) — Communauté de communes du Val de Boucles.*\(Cogébois de l’Aa/,
  );
  await screenshot(page, '33-utilisateurs');

  // A second role: reader of the neighbouring territory, then taken back.
  await row.getByRole('button', { name: 'Ajouter un rôle à Claude Cogébois' }).click();
  const panel = page.getByRole('form', { name: 'Ajouter un rôle à Claude Cogébois' });
  await panel.getByLabel('Territoire').selectOption('DEMO-DUNKERQUE');
  await panel.getByLabel('Rôle', { exact: true }).selectOption('reader');
  await panel.getByRole('button', { name: 'Ajouter un rôle' }).click();
  await page.getByText(/Rôle « Consultation » dans Dunes de Flandre.* donné à Claude Cogébois\./).waitFor();
  await row.getByText(/Consultation — Dunes de Flandre/).waitFor();
  await row.getByRole('button', { name: /Retirer le rôle Consultation — Dunes de Flandre/ }).click();
  await page.getByText(/Rôle Consultation — Dunes de Flandre.* retiré à Claude Cogébois\./).waitFor();
  await row.getByText(/Consultation — Dunes de Flandre/).waitFor({ state: 'detached' });
  assert.doesNotMatch((await row.textContent()) ?? '', /Dunes de Flandre/);

  // The new account signs in, and sees its actor only.
  const theirs = await h.newPage({ email: 'contact@cogebois.test', displayName: 'Claude Cogébois', password: PASSWORD });
  await theirs.goto(`${h.origin}/t/${DEMO}/acteurs`);
  await theirs.waitForFunction(() => document.querySelector('.actors-range')?.textContent === '1–1 sur 1');

  // Deleting asks first; cancelling gives the focus back; confirming deletes, and the account's session ends.
  await row.getByRole('button', { name: 'Supprimer Claude Cogébois' }).click();
  const confirm = page.getByRole('group', { name: /Supprimer le compte de Claude Cogébois/ });
  await confirm.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Supprimer le compte de Claude Cogébois');
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('delete-open-'));
  await row.getByRole('button', { name: 'Supprimer Claude Cogébois' }).click();
  await page.getByRole('button', { name: 'Supprimer le compte de Claude Cogébois' }).click();
  await page.getByText('Compte de Claude Cogébois supprimé.').waitFor();
  await list.getByRole('rowheader', { name: 'Claude Cogébois', exact: true }).waitFor({ state: 'detached' });
  await theirs.reload();
  await theirs.waitForURL(/\/connexion/);
});

test('the users page is refused to a facilitator, who is not a platform administrator', async () => {
  const page = await h.newPage(FACILITATOR);
  await page.goto(`${h.origin}/admin/utilisateurs`);
  await page.getByText('Cette page est réservée aux administrateurs de la plateforme.').waitFor();
  assert.equal((await h.inject({ method: 'GET', url: '/api/users' })).statusCode, 403);
});

test('a forgotten password is reset through the link sent, and the new password signs in', async () => {
  const page = await h.newPage(null);
  await page.goto(`${h.origin}/connexion`);
  await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'forgot-email');
  await page.keyboard.type(READER.email);
  await page.getByRole('button', { name: 'Recevoir un lien de réinitialisation' }).click();
  await page.getByText(`Si un compte existe pour ${READER.email}`).waitFor();
  const line = h.logs.find((l) => l.includes('/reinitialiser?token='));
  assert.ok(line, 'the link went to the server’s log (no mailer here)');
  const token = /\/reinitialiser\?token=([\w-]+)/.exec(line)?.[1];
  assert.ok(token);

  await page.goto(`${h.origin}/reinitialiser?token=${token}`);
  await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  const fresh = 'un tout nouveau mot de passe pour lire';
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(fresh);
  await page.getByLabel('Confirmer le nouveau mot de passe').fill(`${fresh}!`);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.getByText('Les deux mots de passe sont différents.').waitFor();
  await page.getByLabel('Confirmer le nouveau mot de passe').fill(fresh);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.getByText('Mot de passe enregistré.').waitFor();
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await signInWithForm(page, { ...READER, password: fresh });
  await page.getByRole('heading', { level: 1, name: 'Territoires' }).waitFor();

  // The link works once only.
  await page.goto(`${h.origin}/reinitialiser?token=${token}`);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(fresh);
  await page.getByLabel('Confirmer le nouveau mot de passe').fill(fresh);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.getByText('Lien de réinitialisation inconnu, déjà utilisé ou expiré.').waitFor();
});

test('signing out ends the session: the next page asks to sign in again', async () => {
  const page = await h.newPage(GROWER);
  await page.goto(`${h.origin}/t/${DEMO}/suivi`);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${h.origin}/connexion`);
  await page.goto(`${h.origin}/t/${DEMO}/synergies`);
  await page.waitForURL(/\/connexion\?retour=/);
  const me = await page.request.get(`${h.origin}/api/auth/me`);
  assert.equal(me.status(), 401);

  // A session that ends while a page is open (signed out elsewhere): the next request leads to the sign-in page, and back.
  await signInWithForm(page, GROWER);
  await page.waitForURL(`${h.origin}/t/${DEMO}/synergies`);
  await page.getByRole('table', { name: 'Synergies proposées à votre entreprise' }).waitFor();
  const { csrfToken } = (await (await page.request.get(`${h.origin}/api/auth/me`)).json()) as { csrfToken: string };
  assert.equal((await page.request.post(`${h.origin}/api/auth/logout`, { headers: { 'x-csrf-token': csrfToken } })).status(), 204);
  await page.getByRole('link', { name: 'Suivi', exact: true }).click();
  await page.waitForURL(`${h.origin}/connexion?retour=${encodeURIComponent(`/t/${DEMO}/suivi`)}`);
  await signInWithForm(page, GROWER);
  await page.waitForURL(`${h.origin}/t/${DEMO}/suivi`);
  await page.getByRole('table', { name: 'Synergies par étape du suivi' }).waitFor();
});

test('no request leaves localhost on the sign-in, users and access pages', () => {
  assert.ok(h.requests.some((u) => u.endsWith('/api/auth/me')));
  assert.deepEqual(external(h.requests, h.origin), []);
});
