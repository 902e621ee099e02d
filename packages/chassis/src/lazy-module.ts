import { createRequire } from 'node:module';

/**
 * A CommonJS module loaded on first use rather than at start-up, for heavy libraries that only
 * some requests need (an SDK, an image codec, a word list). `from` is the caller's
 * `import.meta.url`, so the module resolves from the caller's package as a static import would.
 * `build`, if given, runs once on the loaded module and its result is what is kept (a matcher
 * compiled from a word list, a set made of a dictionary). The first call's error is thrown again
 * on the next call: a failed load is not cached.
 */
export function lazyModule<T, R = T>(from: string | URL, specifier: string, build?: (module: T) => R): () => R {
  let loaded = false;
  let value: R;
  return () => {
    if (!loaded) {
      const module = createRequire(from)(specifier) as T;
      value = build ? build(module) : (module as unknown as R);
      loaded = true;
    }
    return value;
  };
}
