/**
 * Where a process's memory goes, for the bench: preloaded into the platform with
 * `node --import ./bench/memory-probe.mjs server/dist/main.js` when BENCH_MEMORY_LOG names a file
 * (plain JavaScript, so that it adds no TypeScript loader to the process it measures). Every
 * BENCH_MEMORY_INTERVAL_MS (100) it appends one JSON line: the resident set (rss), V8's heap
 * (heapTotal, heapUsed), the memory outside the heap that V8 knows of (external, of which
 * arrayBuffers: Buffers, among them response bodies in flight), and the size of the WebAssembly memory
 * of the embedded database (wasm: PGlite's engine, a linear memory that only grows; reserved, not all
 * resident, and counted in external too). It changes nothing in the process it watches.
 */
import fs from 'node:fs';

const file = process.env.BENCH_MEMORY_LOG;
if (file) {
  /** @type {Set<WebAssembly.Memory>} */
  const memories = new Set();
  // The engine's linear memory is made by its loader (new WebAssembly.Memory) or exported by the module.
  const OriginalMemory = WebAssembly.Memory;
  /** @param {WebAssembly.MemoryDescriptor} descriptor */
  const Memory = function (descriptor) {
    const memory = new OriginalMemory(descriptor);
    memories.add(memory);
    return memory;
  };
  Memory.prototype = OriginalMemory.prototype;
  // @ts-expect-error: a wrapper with the same behaviour
  WebAssembly.Memory = Memory;
  const originalInstantiate = WebAssembly.instantiate.bind(WebAssembly);
  // @ts-expect-error: a wrapper with the same behaviour
  WebAssembly.instantiate = async (source, imports) => {
    const result = await originalInstantiate(source, imports);
    const exports = 'instance' in result ? result.instance.exports : result.exports;
    for (const value of Object.values(exports)) if (value instanceof OriginalMemory) memories.add(value);
    return result;
  };
  const fd = fs.openSync(file, 'a');
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    let wasm = 0;
    for (const memory of memories) wasm += memory.buffer.byteLength;
    const line = { t: Date.now(), rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, wasm };
    fs.writeSync(fd, `${JSON.stringify(line)}\n`);
  }, Number(process.env.BENCH_MEMORY_INTERVAL_MS ?? 100));
  timer.unref();
}
