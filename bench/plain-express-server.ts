import express from 'express';

/** (c)'s baseline: a plain express 5 handler that parses a JSON body and answers 201 with JSON. */
const app = express();
app.use(express.json());
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.post('/api/warranty/activate', (req, res) => {
  res.status(201).json({ received: req.body as unknown, position: 1 });
});
const server = app.listen(Number(process.env['PORT'] ?? 0), process.env['HOST'] ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, msg: 'listening' }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
