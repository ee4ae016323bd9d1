import type { ChildProcess } from 'node:child_process';

/** Reads a child's stdout line by line; asking for a line the child never printed fails once it has closed. */
export const linesOf = (child: ChildProcess) => {
  const lines: string[] = [];
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let buffered = '';
  let errors = '';
  let closed: Error | null = null;
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      const reader = waiting.shift();
      if (reader) reader.resolve(line);
      else lines.push(line);
    }
  });
  child.once('close', (code) => {
    closed = new Error(`child closed (${String(code)}): ${errors}`);
    for (const reader of waiting.splice(0)) reader.reject(closed);
  });
  return {
    next: (): Promise<string> => {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (closed) return Promise.reject(closed);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
};
