import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Every print leaves a few hundred kilobytes of dead strings behind (the handout's HTML with its
// inlined fonts, the PDF as it came over the pipe). V8 keeps them in its large-object space until a
// full collection, which it schedules by how much room it has: over a thousand prints Node grew by
// 150 MiB of garbage, while a collection after each print kept its heap at 25 MiB. Node offers the
// collection only behind `--expose-gc`, which the flag below turns on for this process.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** A function that runs a full collection (a few milliseconds) on every `every`-th call. */
export function collectEvery(every: number): () => void {
  let calls = 0;
  return () => {
    calls += 1;
    if (calls % every === 0) collect();
  };
}
