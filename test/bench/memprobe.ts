// Preloaded into the server process by the benchmark (node --require): on
// SIGUSR2 it writes the process's own heap figures to stderr, which the LSP
// protocol leaves free. The server itself needs no benchmark hook.
process.on('SIGUSR2', () => {
  const m = process.memoryUsage();
  process.stderr.write(`VNHR_MEM ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
});
export {};
