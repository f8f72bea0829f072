// Remembers what a pure function answered for the few inputs that recur across files and keystrokes
// (the same image references in thousands of manifests, the same FROM lines edit after edit). Bounded:
// past `maxEntries` it starts afresh, so hostile input with endless distinct keys costs no memory.

export function boundedMemo<Args extends unknown[], Result>(keyOf: (...args: Args) => string, compute: (...args: Args) => Result, maxEntries = 1024): (...args: Args) => Result {
  const answers = new Map<string, Result>();
  return (...args) => {
    const key = keyOf(...args);
    if (answers.has(key)) return answers.get(key) as Result;
    const result = compute(...args);
    if (answers.size >= maxEntries) answers.clear();
    answers.set(key, result);
    return result;
  };
}
