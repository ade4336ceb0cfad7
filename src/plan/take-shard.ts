import type { Shard } from './manifest.js';
import type { PlannedOutput } from './plan-outputs.js';

/** The i-th of n slices: each kind of output (PDFs, books, the rest) dealt out in turn, so every shard gets its share of the slow ones. */
export function takeShard(outputs: readonly PlannedOutput[], shard: Shard | null): PlannedOutput[] {
  if (!shard) return [...outputs];
  const dealt = new Map<string, number>();
  return outputs.filter((output) => {
    const kind = output.kind === 'page' || output.kind === 'file' ? 'text' : output.kind;
    const turn = dealt.get(kind) ?? 0;
    dealt.set(kind, turn + 1);
    return turn % shard.count === shard.index - 1;
  });
}
