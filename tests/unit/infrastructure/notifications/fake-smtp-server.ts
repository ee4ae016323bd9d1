import net from 'node:net';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The message as sent after DATA, dot-unstuffed, CRLF line ends. */
  readonly data: string;
}

export interface FakeSmtpServer {
  readonly port: number;
  readonly received: readonly ReceivedMail[];
  /** The `user:password` pairs clients authenticated with (AUTH PLAIN). */
  readonly logins: readonly string[];
  close(): Promise<void>;
}

export interface FakeSmtpOptions {
  /** Answer AUTH with 535, as a server does for a wrong password. */
  readonly rejectLogin?: boolean;
}

/**
 * Just enough of an SMTP server (RFC 5321) for nodemailer to deliver one message per connection:
 * EHLO advertising AUTH PLAIN, MAIL, RCPT, DATA, QUIT. No TLS.
 */
export const startFakeSmtpServer = async (options: FakeSmtpOptions = {}): Promise<FakeSmtpServer> => {
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);

    let buffered = '';
    let from = '';
    let to: string[] = [];
    let data: string[] | null = null;
    let awaitingPlainLogin = false;

    const login = (encoded: string) => {
      const [, user = '', pass = ''] = Buffer.from(encoded, 'base64').toString('utf8').split('\0');
      logins.push(`${user}:${pass}`);
      reply(options.rejectLogin ? '535 5.7.8 Authentication credentials invalid' : '235 2.7.0 Authentication successful');
    };

    const command = (line: string) => {
      const verb = line.split(' ', 1)[0]?.toUpperCase();
      if (awaitingPlainLogin) {
        awaitingPlainLogin = false;
        login(line);
      } else if (verb === 'EHLO') {
        reply('250-fake.smtp.test');
        reply('250-AUTH PLAIN');
        reply('250 8BITMIME');
      } else if (verb === 'HELO' || verb === 'NOOP' || verb === 'RSET') {
        reply('250 OK');
      } else if (verb === 'AUTH') {
        const [, mechanism, initial] = line.split(' ');
        if (mechanism?.toUpperCase() !== 'PLAIN') return reply('504 5.5.4 Unrecognized authentication type');
        if (initial) return login(initial);
        awaitingPlainLogin = true;
        reply('334 ');
      } else if (verb === 'MAIL') {
        from = /<([^>]*)>/.exec(line)?.[1] ?? '';
        to = [];
        reply('250 OK');
      } else if (verb === 'RCPT') {
        to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        reply('250 OK');
      } else if (verb === 'DATA') {
        data = [];
        reply('354 End data with <CR><LF>.<CR><LF>');
      } else if (verb === 'QUIT') {
        reply('221 Bye');
        socket.end();
      } else {
        reply('502 5.5.2 Command not implemented');
      }
    };

    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (data === null) {
          command(line);
        } else if (line === '.') {
          received.push({ from, to, data: data.join('\r\n') });
          data = null;
          reply(`250 OK queued as fake-${received.length}`);
        } else {
          data.push(line.startsWith('.') ? line.slice(1) : line);
        }
      }
    });
    reply('220 fake.smtp.test ESMTP');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    received,
    logins,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
