/** Where a command writes: the terminal, or what a test gives. Shared by the commands' modules. */

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * What a file or a database may hold must not drive the terminal: control characters (escape
 * sequences that move the cursor, rewrite the title or the clipboard, hide text) and the
 * bidirectional overrides that reorder what is shown are printed as visible symbols instead.
 */
export function terminalSafe(line: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code); // Unicode's control pictures: ␛ for ESC
    return '\ufffd';
  });
}

/** An `Io` whose every line goes through `terminalSafe`. */
export function safeIo(io: Io): Io {
  return { out: (l) => io.out(terminalSafe(l)), err: (l) => io.err(terminalSafe(l)) };
}
