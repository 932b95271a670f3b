// Preloaded into a benchmarked gateway with `--import` (only in the memory scenario), so src/ needs
// no change: answers `{type: 'bench:memory'}` over IPC with process.memoryUsage() after a full GC.
// Plain JavaScript on purpose: a .ts preload would load Node's type stripper into the measured process.
if (process.send) {
  process.on('message', (message) => {
    if (message?.type !== 'bench:memory') return;
    globalThis.gc?.();
    process.send?.({ type: 'bench:memory', usage: process.memoryUsage() });
  });
  // Listening must not keep the gateway alive once it has shut down.
  process.channel?.unref();
}
