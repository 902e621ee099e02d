// Command-line options of the benchmarks: `--name value`.

/** The value after `--name`, or `dflt` when the option (or its value) is absent. */
export function argText(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

/** The number after `--name`, or `dflt` when the option (or its value) is absent. */
export function argNumber(name: string, dflt: number): number {
  const text = argText(name, '');
  return text === '' ? dflt : Number(text);
}
