import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { type AppConfig, InjectConfig } from '#platform';

export interface OutgoingEmail {
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  /** Stable per notice, so a receiving system can tell a repeat from a new message. */
  readonly messageId: string;
  /** Content-Language: `en`, `ja`, or `en, ja` for a message written in both. */
  readonly language: string;
}

/**
 * E-mail over SMTP (SMTP_URL) with nodemailer; without SMTP_URL each message is written as an .eml
 * file under DATA_DIR/mail and logged, so the demo shows what would have been sent.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('mail');
  private readonly transport: Transporter;
  private readonly directory: string | undefined;

  constructor(@InjectConfig() private readonly config: AppConfig) {
    if (config.mail.smtpUrl) {
      this.transport = nodemailer.createTransport({
        url: config.mail.smtpUrl,
        pool: true,
        maxConnections: 5,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
    } else {
      this.directory = join(config.dataDir, 'mail');
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  /** Resolves once the server accepted the message (or the file is written); rejects otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.mail.from,
      to: { name: email.to.name, address: email.to.address },
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
      headers: { 'Content-Language': email.language, 'Auto-Submitted': 'auto-generated' },
    })) as { message?: Buffer };
    if (this.directory && info.message) {
      await mkdir(this.directory, { recursive: true });
      const file = join(this.directory, `${email.messageId.replace(/^<|@.*$/g, '')}.eml`);
      await writeFile(file, info.message);
      this.logger.log(`e-mail to ${email.to.address} written to ${file}: ${email.subject}`);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
