import { createHttpLogger } from '../../../src/interfaces/http/shared';

describe('createHttpLogger', () => {
  it('redacts authorization headers, cookies, passwords and tokens whatever the caller logs', async () => {
    const lines: string[] = [];
    const logger = createHttpLogger({}, { write: (line: string) => lines.push(line) });

    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def', cookie: 'sid=1' } },
        body: { password: 'hunter2', refreshToken: 'rt-1', email: 'ann@example.com' },
        token: 'tk-1',
      },
      'something happened',
    );

    expect(lines).toHaveLength(1);
    const [line] = lines;
    for (const secret of ['abc.def', 'sid=1', 'hunter2', 'rt-1', 'tk-1']) expect(line).not.toContain(secret);
    expect(line).toContain('ann@example.com');
    expect(line).toContain('[redacted]');
  });
});
