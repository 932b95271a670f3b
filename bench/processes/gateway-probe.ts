// Preloaded into a benchmarked gateway with `--import` (only in the memory scenario), so src/ needs
// no change: answers `{type: 'bench:memory'}` over IPC with process.memoryUsage() after a full GC.
interface ProbeMessage {
  type?: string;
}

if (process.send) {
  process.on('message', (message: ProbeMessage) => {
    if (message.type !== 'bench:memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'bench:memory', usage: process.memoryUsage() });
  });
  // Listening must not keep the gateway alive once it has shut down.
  process.channel?.unref();
}
