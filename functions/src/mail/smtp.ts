/** A thin mail adapter over nodemailer's SMTP transport: send a plain-text message, close the connection. */

/** One message to send. */
export interface MailMessage {
  to: readonly string[];
  subject: string;
  text: string;
  /** The Date header: the injected clock's time, not the machine's. */
  date: Date;
}

/** What the server accepted. */
export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/** Sends mail; `close()` ends any open connection. */
export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

/** Where and as whom to send. */
export interface SmtpOptions {
  /** smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps://… (TLS from the start). */
  url: string;
  /** The From header, e.g. "Phòng Nội vụ <no-reply@thapmuoi.gov.vn>". */
  from: string;
}

const addresses = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((a) => (typeof a === 'string' ? a : String((a as { address?: unknown }).address)))
    : [];

/** A mailer over one SMTP transport; nodemailer is loaded on first use, not at import (cold start). */
export async function createSmtpMailer(options: SmtpOptions): Promise<Mailer> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(options.url);
  return {
    async send(message) {
      const info = (await transport.sendMail({
        from: options.from,
        to: [...message.to],
        subject: message.subject,
        text: message.text,
        date: message.date,
      })) as { messageId?: unknown; accepted?: unknown; rejected?: unknown };
      return {
        messageId: typeof info.messageId === 'string' ? info.messageId : '',
        accepted: addresses(info.accepted),
        rejected: addresses(info.rejected),
      };
    },
    close: () => transport.close(),
  };
}
