import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { external, screenshot, seriousViolations, start, type Harness } from '../../../e2e/harness.js';

let h: Harness;
before(async () => {
  h = await start();
});
after(() => h.close());

test('the home page of the demo territory shows its key figures and what to do next, in French, with no serious accessibility violation', async () => {
  const page = await h.newPage();
  await page.goto(`${h.origin}/`);
  await page.getByRole('link', { name: /Val de Boucles/ }).click();
  await page.getByRole('heading', { level: 1, name: /Val de Boucles/ }).waitFor();
  await page.getByRole('heading', { name: 'Chiffres clés' }).waitFor();
  await page.getByText('Acteurs', { exact: true }).first().waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes('Chargement'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.match((await page.locator('.figures').textContent()) ?? '', /106/);
  await screenshot(page, '01-accueil');
  assert.deepEqual(await seriousViolations(page), []);
});

test('the language switch turns every text into English and back', async () => {
  const page = await h.newPage();
  await page.goto(`${h.origin}/t/DEMO-VALBOUCLES`);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Key figures' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await page.getByRole('heading', { name: 'Chiffres clés' }).waitFor();
});

test('the skip link and the navigation work with the keyboard alone', async () => {
  const page = await h.newPage();
  await page.goto(`${h.origin}/t/DEMO-VALBOUCLES`);
  await page.getByRole('heading', { name: 'Chiffres clés' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Aller au contenu');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), '#contenu');
});

test('no request leaves localhost while using the app', () => {
  assert.ok(h.requests.length > 5);
  assert.deepEqual(external(h.requests, h.origin), []);
});
