/**
 * Password-reset messages by SMTP (nodemailer), when `SMTP_URL` is set; without it the account
 * service writes reset links to the server's log.
 *
 * Messages are handed to the SMTP server in the background: the reset request answers at once and
 * the same way whether or not the address has an account, and an SMTP failure (written to the log)
 * cannot tell either.
 */
import nodemailer from 'nodemailer';
import type { ResetMailer } from './service.js';

export interface SmtpSettings {
  /** `smtp://user:password@host:587` (STARTTLS when offered; `?requireTLS=true` to insist) or `smtps://…:465`. */
  url: string;
  /** The sender, `Boucles <noreply@example.org>` or a bare address. */
  from: string;
}

export interface SmtpMailer extends ResetMailer {
  /** Resolves when every message handed over so far has been sent or has failed. */
  idle(): Promise<void>;
  close(): void;
}

function checkUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:password@host:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  if (!url.hostname) throw new Error('SMTP_URL must name a host');
}

export function smtpMailer(settings: SmtpSettings, log: (line: string) => void = console.error): SmtpMailer {
  checkUrl(settings.url);
  const transport = nodemailer.createTransport(settings.url);
  const inFlight = new Set<Promise<void>>();
  return {
    send(message) {
      const sending = transport
        .sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text })
        .then(
          () => undefined,
          // Neither the address nor the message (it holds the reset link) goes to the log.
          (e: unknown) =>
            log(`Échec de l'envoi d'un courriel de réinitialisation par SMTP : ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      return Promise.resolve();
    },
    async idle() {
      await Promise.all([...inFlight]);
    },
    close() {
      transport.close();
    },
  };
}

/** The SMTP mailer of `SMTP_URL` and `SMTP_FROM`; undefined when `SMTP_URL` is not set. */
export function smtpMailerFromEnv(env: NodeJS.ProcessEnv = process.env, log?: (line: string) => void): SmtpMailer | undefined {
  const url = env.SMTP_URL?.trim();
  if (!url) return undefined;
  const from = env.SMTP_FROM?.trim();
  if (!from)
    throw new Error('SMTP_FROM (the sender of password-reset messages, e.g. "Boucles <noreply@example.org>") is required with SMTP_URL');
  return smtpMailer({ url, from }, log);
}
