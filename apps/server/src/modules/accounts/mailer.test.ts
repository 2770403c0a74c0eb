import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ReferenceCatalog } from '@boucles/reference-data';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { buildApp, type Services } from '../../app.js';
import { openPglite } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { smtpMailer, smtpMailerFromEnv, type SmtpMailer } from './mailer.js';

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

/** The text body of a single-part message, decoded (quoted-printable or base64). */
function textOf(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A real SMTP server on 127.0.0.1 that asks for a password and keeps what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[]; next(): Promise<Received> }> {
  const received: Received[] = [];
  const waiting: ((r: Received) => void)[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'boucles' && auth.password === 'secret smtp') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const r: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((a) => a.address),
          user: session.user,
          raw: Buffer.concat(chunks).toString('latin1'),
        };
        const w = waiting.shift();
        if (w) w(r);
        else received.push(r);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    server,
    port,
    received,
    next: () => {
      const r = received.shift();
      return r ? Promise.resolve(r) : new Promise<Received>((resolve) => waiting.push(resolve));
    },
  };
}

describe('password-reset messages by SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: SmtpMailer;
  let app: FastifyInstance;
  let services: Services;
  let close: () => Promise<void>;
  const logged: string[] = [];

  before(async () => {
    smtp = await startSmtp();
    const m = smtpMailerFromEnv(
      { SMTP_URL: `smtp://boucles:secret%20smtp@127.0.0.1:${smtp.port}`, SMTP_FROM: 'Boucles <noreply@boucles.test>' },
      (l) => logged.push(l),
    );
    assert.ok(m);
    mailer = m;
    const db = await openPglite();
    await migrate(db);
    ({ app, services } = await buildApp({
      db,
      reference: new ReferenceCatalog(),
      mailer,
      publicUrl: 'https://boucles.test/',
      log: (l) => logged.push(l),
    }));
    close = async () => {
      await app.close();
      await db.close();
    };
    await services.accounts.createUser(
      { kind: 'system' },
      { email: 'Agent@Ville.test', displayName: 'Agent de la ville', password: 'un mot de passe initial' },
    );
  });
  after(async () => {
    mailer.close();
    await close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  test('no SMTP_URL, no mailer; SMTP_URL without SMTP_FROM or not smtp:// is refused', () => {
    assert.equal(smtpMailerFromEnv({}), undefined);
    assert.throws(() => smtpMailerFromEnv({ SMTP_URL: 'smtp://mail.example.org:587' }), /SMTP_FROM/);
    assert.throws(() => smtpMailerFromEnv({ SMTP_URL: 'http://mail.example.org', SMTP_FROM: 'a@b.test' }), /smtp:\/\//);
    assert.throws(() => smtpMailerFromEnv({ SMTP_URL: 'not a url', SMTP_FROM: 'a@b.test' }), /SMTP_URL/);
  });

  test('a reset request sends the link by SMTP (authenticated), and the link sets a new password', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'agent@ville.test' } });
    assert.equal(res.statusCode, 202);
    const message = await smtp.next();
    assert.equal(message.user, 'boucles');
    assert.equal(message.from, 'noreply@boucles.test');
    assert.deepEqual(message.to, ['agent@ville.test']);
    assert.match(message.raw, /^From: Boucles <noreply@boucles\.test>/m);
    const text = textOf(message.raw);
    assert.match(text, /nouveau mot de passe Boucles/);
    const link = /https:\/\/boucles\.test\/reinitialiser\?token=([A-Za-z0-9_-]+)/.exec(text);
    assert.ok(link?.[1], text);
    // Nothing of the link went to the log.
    assert.ok(!logged.some((l) => l.includes(link[1] as string)), logged.join('\n'));

    const confirm = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: link[1], newPassword: 'un tout nouveau mot de passe' },
    });
    assert.equal(confirm.statusCode, 204, confirm.body);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'agent@ville.test', password: 'un tout nouveau mot de passe' },
    });
    assert.equal(login.statusCode, 200, login.body);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: link[1], newPassword: 'encore un autre mot de passe' },
    });
    assert.equal(again.statusCode, 400);
  });

  test('an address without an account gets the same answer and no message', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'personne@ville.test' } });
    assert.equal(res.statusCode, 202);
    await mailer.idle();
    assert.equal(smtp.received.length, 0);
  });

  test('an SMTP failure is logged without the address or the link, and the request still answers 202', async () => {
    const lines: string[] = [];
    const wrong = smtpMailer({ url: `smtp://boucles:wrong@127.0.0.1:${smtp.port}`, from: 'noreply@boucles.test' }, (l) => lines.push(l));
    await wrong.send({ to: 'agent@ville.test', subject: 'Boucles', text: 'lien secret https://boucles.test/reinitialiser?token=abc' });
    await wrong.idle();
    wrong.close();
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /Échec de l'envoi/);
    assert.ok(!(lines[0] ?? '').includes('agent@ville.test') && !(lines[0] ?? '').includes('token=abc'));
    assert.equal(smtp.received.length, 0);
  });
});
