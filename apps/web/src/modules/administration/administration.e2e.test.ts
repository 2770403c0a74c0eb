import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  ADMIN,
  ARTIFACTS,
  DEMO,
  external,
  FACILITATOR,
  NEIGHBOUR,
  PASSWORD,
  screenshot,
  seriousViolations,
  signInWithForm,
  start,
  TERRITORY_ADMIN,
  type Account,
  type Harness,
} from '../../../e2e/harness.js';

const COGEBOIS = 'Cogébois de l’Aa (centrale de cogénération biomasse)';
/** The town hall whose contact asks for their data to be erased (demo data, fictional). */
const BERGUES = 'Commune de Bergues (mairie, données fictives)';
const BERGUES_EMAIL = 'mairie.bergues.demo@example.org';
/** A regional observatory: a reader of both demo territories. */
const READER: Account = { email: 'observatoire@hauts-de-france.test', displayName: 'Observatoire régional', password: PASSWORD };
/** Someone who will be given a contributor role by the territory's administrator. */
const ENERGY_ADVISER: Account = { email: 'conseil@energie.test', displayName: 'Morgane Conseillère', password: PASSWORD };
/** Someone who changes their password. */
const CHANGER: Account = { email: 'changement@boucles.test', displayName: 'Lou Changement', password: PASSWORD };

/** The reasons' words, as the page reads them out. */
const SECRET_LABEL = /^secret statistique : (moins de trois établissements|un établissement représente plus de 85 %|secret induit)$/;

type Reason = 'too_few_actors' | 'dominance' | 'complementary';
interface Report {
  minActors: number;
  dominanceShare: number | null;
  suppressed: Record<Reason, number>;
  complete: boolean;
}
interface ReaderMetabolism {
  sankey: Record<
    string,
    { links: { value: number | null; suppressed: Reason | null }[]; nodes: { value: number | null; suppressed: Reason | null }[] }
  >;
  disclosure: Report;
}
interface ReaderInterdependencies {
  rows: { suppressed: Partial<Record<string, Reason>> }[];
  disclosure: Report;
}

let h: Harness;
const ids: Record<string, string> = {};

async function actorId(name: string): Promise<string> {
  const res = await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/actors?q=${encodeURIComponent(name.slice(0, 20))}` });
  const id = res.json<{ items: { id: string; name: string }[] }>().items.find((a) => a.name === name)?.id;
  assert.ok(id, name);
  return id;
}

before(async () => {
  h = await start();
  ids.cogebois = await actorId(COGEBOIS);
  ids.bergues = await actorId(BERGUES);
  await h.createAccount(READER, [
    { territoryCode: DEMO, role: 'reader' },
    { territoryCode: NEIGHBOUR, role: 'reader' },
  ]);
  ids.adviser = await h.createAccount(ENERGY_ADVISER, [{ territoryCode: DEMO, role: 'reader' }]);
  await h.createAccount(CHANGER, [{ territoryCode: DEMO, role: 'reader' }]);
  // Enough older events in the territory's audit log for it to run over a page.
  for (let i = 1; i <= 12; i++)
    await h.createAccount({ email: `lecture${i}@valboucles.test`, displayName: `Lecture ${i}`, password: PASSWORD }, [
      { territoryCode: DEMO, role: 'reader' },
    ]);
  const run = await h.inject({ method: 'POST', url: `/api/territories/${DEMO}/analyses`, payload: {} });
  assert.equal(run.statusCode, 201, run.body);
});
after(() => h.close());

/** A screenshot of what is on screen (a modal dialog sits over the viewport, not the whole page). */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Chargement'));
}

async function navLinks(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').allTextContents()).map((s) => s.trim());
}

/** The API as an API key would call it, over HTTP. */
function withKey(key: string, path: string): Promise<Response> {
  return fetch(`${h.origin}${path}`, { headers: { authorization: `Bearer ${key}` } });
}

async function openAdministration(as: Account): Promise<Page> {
  const page = await h.newPage(as);
  await page.goto(`${h.origin}/t/${DEMO}`);
  await page.getByRole('link', { name: 'Administration', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Administration du territoire' }).waitFor();
  await page.getByRole('table', { name: /Membres du territoire/ }).waitFor();
  await page.getByRole('table', { name: /Journal du territoire/ }).waitFor();
  await settled(page);
  return page;
}

/** The rows of the audit log's current page, as text. */
async function auditRows(page: Page): Promise<string[]> {
  return (
    await page
      .getByRole('table', { name: /Journal du territoire/ })
      .locator('tbody tr')
      .allInnerTexts()
  ).map((s) => s.replace(/\s+/g, ' ').trim());
}

/** The texts of the cells of a table that hold a withheld figure, and of those that do not. */
async function secretCells(
  table: Locator,
): Promise<{ withheld: string[]; labels: string[]; dashesBesideSecret: number; dashedNumbers: number }> {
  return table.evaluate((el) => {
    const cells = [...el.querySelectorAll('tbody td')];
    const withheld = cells.filter((c) => c.querySelector('.metabolism-secret'));
    return {
      withheld: withheld.map((c) => c.querySelector('[aria-hidden="true"]')?.textContent ?? ''),
      labels: withheld.map((c) => c.querySelector('.metabolism-secret .visually-hidden')?.textContent ?? ''),
      dashesBesideSecret: withheld.filter((c) => (c.textContent ?? '').includes('—')).length,
      // A figure column that says '—' (unknown) where the API gave a figure or withheld it.
      dashedNumbers: cells.filter((c) => c.classList.contains('number') && (c.textContent ?? '').trim() === '—').length,
    };
  });
}

test('a territory administrator sees the administration page in the navigation, which facilitators do not, and it has no serious accessibility violation', async () => {
  const page = await openAdministration(TERRITORY_ADMIN);
  assert.deepEqual(await navLinks(page), [
    'Territoires',
    'Accueil',
    'Carte',
    'Acteurs',
    'Synergies',
    'Suivi',
    'Échanges',
    'Métabolisme',
    'Import et export',
    'Administration',
  ]);
  const members = page.getByRole('table', { name: /Membres du territoire/ });
  await members.getByRole('rowheader', { name: 'Camille Animatrice', exact: true }).waitFor();
  await members.getByRole('rowheader', { name: TERRITORY_ADMIN.displayName, exact: true }).waitFor();
  assert.match((await members.textContent()) ?? '', /Administration du territoire/);
  // The section list leads to each section.
  for (const name of ['Membres', 'Clés d’API', 'Journal', 'Données personnelles (RGPD)']) {
    await page.getByRole('navigation', { name: 'Sections de la page' }).getByRole('link', { name, exact: true }).waitFor();
  }
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '50-administration');

  // A facilitator is not offered it, and the page says so if opened anyway; a platform administrator is.
  const facilitator = await h.newPage(FACILITATOR);
  await facilitator.goto(`${h.origin}/t/${DEMO}/administration`);
  await facilitator.getByText('Non disponible pour votre rôle').waitFor();
  assert.ok(!(await navLinks(facilitator)).includes('Administration'));
  const platform = await h.newPage(ADMIN);
  await platform.goto(`${h.origin}/t/${NEIGHBOUR}/administration`);
  await platform.getByRole('table', { name: /Membres du territoire/ }).waitFor();
  assert.ok((await navLinks(platform)).includes('Administration'));
});

test('a territory administrator gives a contributor role to a member, creates an account with a role, and takes a role back after confirming in a dialog', async () => {
  const page = await openAdministration(TERRITORY_ADMIN);
  const members = page.getByRole('table', { name: /Membres du territoire/ });
  const form = page.getByRole('form', { name: 'Donner un rôle' });

  // A member (a reader here) becomes the contributor for an actor.
  await form.getByLabel('Adresse e-mail', { exact: true }).fill(ENERGY_ADVISER.email);
  await form.getByLabel('Rôle', { exact: true }).selectOption('contributor');
  await form.getByRole('button', { name: 'Donner le rôle' }).click();
  await form.getByText('Choisir l’acteur pour lequel cette personne contribue.').waitFor();
  await form.getByLabel('Rechercher l’acteur').fill('Cogébois');
  await page.waitForFunction(() => document.querySelectorAll('#member-actor option').length === 2);
  await form.getByLabel('Acteur représenté').selectOption({ label: COGEBOIS });
  await form.getByRole('button', { name: 'Donner le rôle' }).click();
  await page.getByText('Rôle « Contribution (une entreprise) » donné à Morgane Conseillère.').waitFor();
  const adviser = members.locator('tbody tr', { has: page.getByRole('rowheader', { name: ENERGY_ADVISER.displayName, exact: true }) });
  await adviser.getByText(/Contribution \(une entreprise\) — Cogébois/).waitFor();
  const roles = (await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/members` }, TERRITORY_ADMIN)).json<{
    items: { id: string; roles: { role: string; actorId: string | null }[] }[];
  }>();
  const given = roles.items.find((u) => u.id === ids.adviser)?.roles.find((r) => r.role === 'contributor');
  assert.equal(given?.actorId, ids.cogebois);

  // Someone without an account: the name is asked for, then the account is made with the role.
  await form.getByLabel('Adresse e-mail', { exact: true }).fill('elu.dechets@valboucles.test');
  await form.getByLabel('Rôle', { exact: true }).selectOption('reader');
  await form.getByRole('button', { name: 'Donner le rôle' }).click();
  await form.getByText(/indiquez le nom de la personne pour lui créer un compte/).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'member-name');
  await form.getByLabel('Nom affiché').fill('Yannick Élu');
  await form.getByRole('button', { name: 'Donner le rôle' }).click();
  await page.getByText('Compte de Yannick Élu créé, avec le rôle « Consultation ».').waitFor();
  const elected = members.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Yannick Élu', exact: true }) });
  await elected.waitFor();

  // Taking the role back asks first, in a dialog: the focus starts on "Annuler", Escape closes it and the focus comes back.
  const remove = elected.getByRole('button', { name: 'Retirer le rôle Consultation de Yannick Élu' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Retirer le rôle « Consultation » de Yannick Élu ?' });
  await dialog.waitFor();
  assert.match((await dialog.textContent()) ?? '', /perd aussitôt/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Annuler');
  assert.deepEqual(await seriousViolations(page), []);
  await viewportShot(page, '51-retirer-un-role');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /Retirer le rôle Consultation de Yannick Élu/);
  await remove.click();
  await dialog.getByRole('button', { name: 'Retirer le rôle' }).click();
  await page.getByText('Rôle « Consultation » retiré à Yannick Élu.').waitFor();
  await elected.waitFor({ state: 'detached' });
});

test('a territory administrator creates an API key, shown once with a copy button, and revokes it: the key then stops working', async () => {
  const page = await openAdministration(TERRITORY_ADMIN);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
  const form = page.getByRole('form', { name: 'Créer une clé' });
  await form.getByRole('button', { name: 'Créer la clé' }).click();
  await form.getByText('Indiquer un nom pour la clé.').waitFor();
  await form.getByLabel('Nom de la clé').fill('Observatoire régional des déchets');
  await form.getByRole('button', { name: 'Créer la clé' }).click();

  const created = page.getByRole('region', { name: 'Clé « Observatoire régional des déchets » créée' });
  await created.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'api-key-new-title');
  await created.getByText('Copiez cette clé maintenant : elle ne sera plus jamais affichée.').waitFor();
  const key = await created.getByLabel('Clé d’API').inputValue();
  assert.match(key, /^bk_[\w-]{43}$/);
  await created.getByRole('button', { name: 'Copier la clé' }).click();
  await created.getByText('Clé copiée dans le presse-papiers.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '52-cle-api-creee');

  // The key reads the territory (the metabolism comes with small groups withheld), and is listed by its start only.
  const before = await withKey(key, `/api/territories/${DEMO}/metabolism`);
  assert.equal(before.status, 200);
  assert.ok(((await before.json()) as { disclosure?: Report }).disclosure, 'an API key gets the metabolism with disclosure control');
  const keys = page.getByRole('table', { name: /Clés d’API du territoire/ });
  const row = keys.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Observatoire régional des déchets' }) });
  await row.getByText(`${key.slice(0, 10)}…`).waitFor();
  assert.doesNotMatch((await keys.textContent()) ?? '', new RegExp(key.slice(10)));

  // Once hidden, the key is not on the page any more.
  await created.getByRole('button', { name: 'J’ai copié la clé : la masquer' }).click();
  await created.waitFor({ state: 'detached' });
  assert.equal(await page.getByText(key).count(), 0);

  // Revoking asks first, then the key is refused at once.
  await row.getByRole('button', { name: 'Révoquer la clé Observatoire régional des déchets' }).click();
  const dialog = page.getByRole('dialog', { name: 'Révoquer la clé « Observatoire régional des déchets » ?' });
  await dialog.waitFor();
  assert.match((await dialog.textContent()) ?? '', new RegExp(`${key.slice(0, 10)}….*refusées dès maintenant`));
  await dialog.getByRole('button', { name: 'Révoquer la clé' }).click();
  await page.getByText('Clé « Observatoire régional des déchets » révoquée : elle ne donne plus accès à rien.').waitFor();
  await row.getByText(/Révoquée le/).waitFor();
  assert.equal(await row.getByRole('button', { name: /Révoquer/ }).count(), 0);
  const afterRevoke = await withKey(key, `/api/territories/${DEMO}/metabolism`);
  assert.equal(afterRevoke.status, 401);
});

test('the audit log shows the administrator’s actions with their e-mail, « compte supprimé » for a deleted account, pages through older events and links to the CSV export', async () => {
  // Someone who did something in the territory, then lost their account.
  const gone: Account = { email: 'parti@valboucles.test', displayName: 'Camille Partie', password: PASSWORD };
  const goneId = await h.createAccount(gone, [{ territoryCode: DEMO, role: 'administrator' }]);
  assert.equal(
    (await h.inject({ method: 'POST', url: `/api/territories/${DEMO}/api-keys`, payload: { name: 'Clé de test' } }, gone)).statusCode,
    201,
  );
  assert.equal((await h.inject({ method: 'DELETE', url: `/api/users/${goneId}` }, ADMIN)).statusCode, 204);

  const page = await openAdministration(TERRITORY_ADMIN);
  const rows = await auditRows(page);
  const mine = (action: RegExp) => rows.find((r) => r.includes(TERRITORY_ADMIN.email) && action.test(r));
  // The earlier tests' actions, newest first: the key revoked and created, the roles given and taken back.
  assert.ok(mine(/révocation clé d’API [0-9a-f-]{36}/), rows.join('\n'));
  assert.ok(mine(/création clé d’API [0-9a-f-]{36}/), rows.join('\n'));
  assert.ok(mine(/rôle donné rôle [0-9a-f-]{36}.*role\s*:\s*contributor/), rows.join('\n'));
  assert.ok(mine(/retrait rôle [0-9a-f-]{36}/), rows.join('\n'));
  const deleted = rows.find((r) => r.includes('compte supprimé') && /création clé d’API/.test(r));
  assert.ok(deleted, rows.join('\n'));
  assert.ok(!rows.some((r) => r.includes(gone.email)));
  // Nothing personal is kept: no name in the log.
  assert.ok(!rows.some((r) => r.includes(ENERGY_ADVISER.displayName) || r.includes('Yannick')));

  const status = page.locator('.admin-range');
  const total = Number(/sur ([\d\s\u202f]+)/.exec((await status.textContent()) ?? '')?.[1]?.replace(/\D/g, ''));
  assert.ok(total > 20, `${total} events`);
  await page.getByRole('button', { name: 'Événements plus anciens' }).click();
  await page.waitForFunction(() => document.querySelector('.admin-range')?.textContent?.startsWith('Événements 21 à'));
  assert.notDeepEqual(await auditRows(page), rows);
  await page.getByRole('button', { name: 'Événements plus récents' }).click();
  await page.waitForFunction(() => document.querySelector('.admin-range')?.textContent?.startsWith('Événements 1 à'));

  const csv = page.getByRole('link', { name: 'Télécharger tout le journal du territoire (CSV)' });
  assert.equal(await csv.getAttribute('href'), `/api/audit/export?territory=${DEMO}`);
  const res = await page.request.get(`${h.origin}/api/audit/export?territory=${DEMO}`);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), /api_key/);
  await page.getByRole('heading', { level: 2, name: 'Journal' }).scrollIntoViewIfNeeded();
  await screenshot(page, '53-journal');
  assert.deepEqual(await seriousViolations(page), []);
});

test('a territory administrator finds what is held under a contact’s e-mail, downloads it, erases it after a confirmation that says what goes, and the actor’s contact is empty afterwards', async () => {
  const page = await openAdministration(TERRITORY_ADMIN);
  const search = page.getByRole('search', { name: 'Rechercher une adresse' });
  await search.getByLabel('Adresse e-mail de la personne').fill(BERGUES_EMAIL);
  await search.getByRole('button', { name: 'Rechercher' }).click();
  const found = page.getByRole('region', { name: `Données enregistrées pour ${BERGUES_EMAIL}` });
  await found.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'privacy-found-title');
  const contacts = found.getByRole('table', { name: /Contacts d’acteurs qui portent cette adresse \(1\)/ });
  await contacts.getByRole('rowheader', { name: BERGUES }).waitFor();
  assert.match((await contacts.textContent()) ?? '', /Sophie Lemaire.*mairie\.bergues\.demo@example\.org.*\+33 3 53 48 11 96/);

  // The download is the answer, as JSON.
  const download = found.getByRole('link', { name: 'Télécharger ces données (JSON)' });
  assert.equal(await download.getAttribute('download'), 'donnees-personnelles-mairie.bergues.demo_example.org.json');
  const held = await download.evaluate(
    async (a) => (await fetch((a as HTMLAnchorElement).href)).json() as Promise<{ email: string; contacts: { actorId: string }[] }>,
  );
  assert.equal(held.email, BERGUES_EMAIL);
  assert.deepEqual(
    held.contacts.map((c) => c.actorId),
    [ids.bergues],
  );

  // Erasing says what goes, and asks.
  await found.getByRole('button', { name: 'Effacer ces données…' }).click();
  const dialog = page.getByRole('dialog', { name: `Effacer les données personnelles de ${BERGUES_EMAIL} ?` });
  await dialog.waitFor();
  const text = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(text, /les coordonnées de contact \(nom, adresse e-mail, téléphone\) de 1 acteur\(s\) : Commune de Bergues/);
  assert.match(text, /notes et commentaires du suivi/);
  assert.match(text, /C’est irréversible\./);
  assert.deepEqual(await seriousViolations(page), []);
  await viewportShot(page, '54-effacement-rgpd');
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await page.getByText(`Données de ${BERGUES_EMAIL} effacées : contacts d’acteurs : 1 ; comptes : 0 ; textes du suivi : 0.`).waitFor();
  await found.waitFor({ state: 'detached' });

  // The actor stays, its contact is empty, and a new search finds nothing.
  const actor = (await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/actors/${ids.bergues}` })).json<{
    name: string;
    contact?: Record<string, unknown> | null;
  }>();
  assert.equal(actor.name, BERGUES);
  assert.deepEqual(actor.contact ?? {}, {});
  await search.getByRole('button', { name: 'Rechercher' }).click();
  await found.getByText('Rien n’est enregistré sous cette adresse dans les territoires que vous administrez.').waitFor();
  // The log says it was done, not to whom.
  await page
    .getByRole('table', { name: /Journal du territoire/ })
    .getByText('contact d’un acteur')
    .first()
    .waitFor();
  const rows = await auditRows(page);
  const bergues = ids.bergues ?? '';
  assert.ok(
    rows.some((r) => /effacement contact d’un acteur/.test(r) && r.includes(bergues)),
    rows.join('\n'),
  );
  assert.ok(!rows.some((r) => r.includes(BERGUES_EMAIL)));
});

test('a reader’s metabolism page shows « s » for withheld figures with their reason, a notice that sums them up, no dash where a figure is withheld, and no serious accessibility violation', async () => {
  const api = (await h.inject({ method: 'GET', url: `/api/territories/${DEMO}/metabolism` }, READER)).json<ReaderMetabolism>();
  const page = await h.newPage(READER);
  await page.goto(`${h.origin}/t/${DEMO}/metabolisme`);
  await page.getByRole('heading', { level: 1, name: 'Métabolisme du territoire' }).waitFor();
  await page.locator('#metabolism-flows-table tbody tr').first().waitFor();
  await page.locator('.metabolism-sankey-chart[role="img"] canvas').waitFor();
  await settled(page);
  assert.equal(await page.getByRole('alert').count(), 0);

  // The notice: how many, why, the rules and their source.
  const notice = page.getByRole('region', { name: /Secret statistique/ }).first();
  const { too_few_actors: few, dominance, complementary } = api.disclosure.suppressed;
  const said = ((await notice.textContent()) ?? '').replace(/[\s\u202f]+/g, ' ');
  assert.match(said, new RegExp(`Valeurs non affichées, sur les trois couches : ${few + dominance + complementary}\\.`));
  assert.match(said, new RegExp(`Moins de trois établissements \\(règle de fréquence\\) : ${few}\\.`));
  assert.match(said, new RegExp(`plus de 85 % de la valeur \\(règle de dominance\\) : ${dominance}\\.`));
  assert.match(said, new RegExp(`Secret induit.* : ${complementary}\\.`));
  assert.equal(
    await notice.getByRole('link', { name: /Manuel de protection des tableaux/ }).getAttribute('href'),
    'https://inseefrlab.github.io/manuel-protection-tableaux/chapters/annexes/regles.html',
  );

  // Each layer: as many « s » in the links table as links withheld, each with its reason in words, and no dash for them.
  for (const [layer, tab] of [
    ['material', /Matières/],
    ['energy', /Énergie/],
    ['water', /Eau/],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForFunction(
      (l) => document.getElementById('metabolism-flows')?.textContent?.includes(l),
      layer === 'material' ? 'Matières' : layer === 'energy' ? 'Énergie' : 'Eau',
    );
    const links = await secretCells(page.locator('#metabolism-flows-table'));
    const withheld = api.sankey[layer]?.links.filter((l) => l.suppressed) ?? [];
    assert.equal(links.withheld.length, withheld.length, layer);
    assert.ok(links.withheld.every((s) => s === 's'));
    assert.ok(
      links.labels.every((s) => SECRET_LABEL.test(s)),
      links.labels.join(' | '),
    );
    assert.equal(links.dashesBesideSecret, 0);
    assert.equal(links.dashedNumbers, 0);
    // The nodes carry their own values: their table shows them, « s » where withheld.
    const nodes = await secretCells(page.locator('#metabolism-nodes-table'));
    assert.equal(nodes.withheld.length, api.sankey[layer]?.nodes.filter((n) => n.suppressed).length, layer);
    assert.equal(nodes.dashedNumbers, 0);
    // The chart is drawn from what is shown, and says how many links it leaves out.
    if (withheld.length > 0)
      assert.match(
        (await page.locator('.metabolism-sankey-chart').getAttribute('aria-label')) ?? '',
        new RegExp(`${withheld.length} liens ne sont pas dessinés`),
      );
    const indicators = await secretCells(page.locator('table.metabolism-indicators'));
    assert.equal(indicators.dashesBesideSecret, 0);
    assert.ok(indicators.labels.every((s) => SECRET_LABEL.test(s)));
  }
  // Water: the balancing item is withheld, and so is its comparison with the tolerance.
  await page.getByText('L’écart de bilan n’est pas affiché (secret statistique)').waitFor();
  const imbalance = page.locator('.metabolism-balance-figures div', { hasText: 'Écart (entrées − sorties)' }).locator('dd');
  assert.equal(await imbalance.locator('.metabolism-secret [aria-hidden="true"]').textContent(), 's');
  assert.doesNotMatch((await imbalance.textContent()) ?? '', /—/);
  await page.getByRole('tab', { name: /Matières/ }).click();
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '55-metabolisme-lecteur');

  // The scenario of the latest analysis: its synergies counted, not listed; the comparison with « s ».
  await page.getByRole('button', { name: 'Avec les synergies détectées' }).click();
  await page.getByText(/synergies appliquées : \d+ ; écartées : \d+\. Le détail des synergies n’est pas affiché/).waitFor();
  const comparison = page.getByRole('table', { name: /Indicateurs avant et après les synergies/ });
  await comparison.waitFor();
  const compared = await secretCells(comparison);
  assert.ok(compared.withheld.length > 0);
  assert.equal(compared.dashesBesideSecret, 0);
  assert.deepEqual(await seriousViolations(page), []);
});

test('a reader of both demo territories sees their interdependencies with « s » for withheld figures, its own notice, and no export', async () => {
  const api = (
    await h.inject({ method: 'GET', url: `/api/interdependencies?territories=${DEMO},${NEIGHBOUR}` }, READER)
  ).json<ReaderInterdependencies>();
  const page = await h.newPage(READER);
  await page.goto(`${h.origin}/t/${DEMO}/metabolisme`);
  await page.locator('#metabolism-flows-table tbody tr').first().waitFor();
  await page.getByLabel('Autre territoire', { exact: true }).selectOption(NEIGHBOUR);
  await page.getByRole('button', { name: 'Afficher les interdépendances' }).click();
  const table = page.locator('table.metabolism-inter');
  await table.waitFor();
  const notice = page.locator('.metabolism-secret-notice[data-scope="inter"]');
  const total = api.disclosure.suppressed.too_few_actors + api.disclosure.suppressed.dominance + api.disclosure.suppressed.complementary;
  assert.match(
    ((await notice.textContent()) ?? '').replace(/[\s\u202f]+/g, ' '),
    new RegExp(`Valeurs d’interdépendance non affichées : ${total}\\.`),
  );
  // The table shows four of each row's figures: declared by each side, the gap and the dependency.
  const shownFields = ['declaredBySource', 'declaredByDestination', 'gap', 'dependency'];
  const expected = api.rows.reduce((n, r) => n + shownFields.filter((f) => r.suppressed[f]).length, 0);
  const cells = await secretCells(table);
  assert.equal(cells.withheld.length, expected);
  assert.ok(expected > 0);
  assert.ok(
    cells.labels.every((s) => SECRET_LABEL.test(s)),
    cells.labels.join(' | '),
  );
  assert.equal(cells.dashesBesideSecret, 0);
  // The exports hold every figure: not offered to a reader.
  assert.equal(await page.getByRole('link', { name: /Télécharger ces interdépendances/ }).count(), 0);
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, '56-interdependances-lecteur');
  assert.deepEqual(await seriousViolations(page), []);
});

test('a user changes their password on their account page: the other sessions end, and the new password signs in', async () => {
  const page = await h.newPage(CHANGER);
  await page.goto(`${h.origin}/t/${DEMO}`);
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  const identity = page.getByRole('region', { name: 'Identité' });
  assert.match(
    ((await identity.textContent()) ?? '').replace(/\s+/g, ' '),
    /Lou Changement.*changement@boucles\.test.*Communauté de communes du Val de Boucles.*: Consultation/,
  );
  await page.getByText('Les autres sessions ouvertes avec ce compte').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  // Another session of the same account, open elsewhere.
  assert.equal((await h.inject({ method: 'GET', url: '/api/auth/me' }, CHANGER)).statusCode, 200);

  const fresh = 'une autre phrase de passe, plus récente';
  const form = page.getByRole('region', { name: 'Changer de mot de passe' });
  await form.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
  await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
  await form.getByLabel('Confirmer le nouveau mot de passe').fill('court');
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await form.getByText('Le mot de passe doit compter au moins 12 caractères.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'account-next');
  await form.getByLabel('Nouveau mot de passe', { exact: true }).fill(fresh);
  await form.getByLabel('Confirmer le nouveau mot de passe').fill(fresh);
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await form.getByText('Le mot de passe actuel est incorrect.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'account-current');
  await form.getByLabel('Mot de passe actuel').fill(CHANGER.password);
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByText('Mot de passe changé. Vos autres sessions ont été fermées ; celle-ci reste ouverte.').waitFor();
  await screenshot(page, '57-compte');

  // The other session is closed; this one is not.
  assert.equal((await h.inject({ method: 'GET', url: '/api/auth/me' }, CHANGER)).statusCode, 401);
  await page.getByRole('link', { name: 'Boucles', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Territoires' }).waitFor();

  // The old password no longer signs in; the new one does.
  const old = await page.request.post(`${h.origin}/api/auth/login`, { data: { email: CHANGER.email, password: CHANGER.password } });
  assert.equal(old.status(), 400);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${h.origin}/connexion`);
  await signInWithForm(page, { ...CHANGER, password: fresh });
  await page.getByRole('heading', { level: 1, name: 'Territoires' }).waitFor();
  await page.getByText('Lou Changement').first().waitFor();
});

test('no request leaves localhost on the administration, account and reader’s metabolism pages', () => {
  assert.ok(h.requests.some((u) => u.includes('/api/audit?')));
  assert.deepEqual(external(h.requests, h.origin), []);
});
