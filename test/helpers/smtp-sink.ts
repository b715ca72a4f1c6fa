// A real SMTP server in-process (smtp-server): records what arrives and can refuse the first tries.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  messageId: string | null;
  /** Decoded from its MIME encoded-words. */
  subject: string;
  text: string;
  html: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** How many DATA commands were answered with a temporary failure. */
  refused: number;
  /** Answer the next `count` deliveries with `451 4.3.0`, as a busy server does. */
  refuseNext(count: number): void;
  /** Hold each accepted message this long before answering, as a slow server does. */
  delayAnswers(ms: number): void;
  /** Answer nothing until the returned release is called, as a server that hangs does. */
  holdAnswers(): () => void;
  /** How many messages have started to arrive (DATA began), answered or not. */
  started: number;
  /** Resolves when `count` messages have started to arrive. */
  waitForStarted(count: number, timeoutMs?: number): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts an SMTP server on a free loopback port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let toRefuse = 0;
  let answerDelayMs = 0;
  let held: Promise<void> | null = null;
  const sink = {
    url: '',
    received,
    refused: 0,
    started: 0,
    refuseNext(count: number) {
      toRefuse = count;
    },
    delayAnswers(ms: number) {
      answerDelayMs = ms;
    },
    holdAnswers() {
      let release!: () => void;
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        held = null;
        release();
      };
    },
    async waitForStarted(count: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.started < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails to start, got ${sink.started}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async waitFor(count: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      sink.started++;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, answerDelayMs));
        if (held) await held;
        if (toRefuse > 0) {
          toRefuse--;
          sink.refused++;
          const error = new Error('Requested action aborted: local error in processing') as Error & {
            responseCode: number;
          };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const parsed = await simpleParser(raw);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: parsed.messageId ?? null,
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}
