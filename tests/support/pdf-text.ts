import { spawn } from 'node:child_process';

// pdf-parse (pdf.js) loads its worker with a dynamic import(), which jest's module sandbox refuses
// ("invoked without --experimental-vm-modules"); plain node runs it as any reader would.
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
  } finally {
    await parser.destroy();
  }
});`;

/** The text of a PDF (every page) as pdf-parse v2 extracts it, and its page count. */
export const pdfText = (data: Buffer): Promise<{ text: string; pages: number }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', EXTRACT], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as { text: string; pages: number });
      else reject(new Error(`pdf-parse failed (exit ${code}): ${stderr}`));
    });
    child.stdin.end(data);
  });
