/** A console spy that captures everything written while active. */
/** Captures everything written to the console while active (and keeps it out of the test output). */
export function spyConsole() {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
    };
  }
  return {
    lines,
    text: () => lines.join('\n'),
    restore() {
      methods.forEach((m, i) => (console[m] = saved[i]!));
    },
  };
}

function safeJson(v: unknown): string {
  if (v instanceof Error) return `${v.name}: ${v.message} ${v.stack ?? ''}`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
