/**
 * Reading a JSON document given by a user (a territory document, a rules file) without letting it
 * take the process down: a size limit before reading, a nesting limit checked on the text before
 * `JSON.parse` (which is iterative in V8, but what consumes the value afterwards — a structured
 * clone, a schema — recurses), UTF-8 only, and every fault as an `UnreadableFileError` with its
 * line and column. `readJsonDocument` (source.ts) runs this in the parsing worker thread.
 */
import { readFile, stat } from 'node:fs/promises';
import { UnreadableFileError, withDefaults, type ReadLimits } from './types.js';

function located(file: string | undefined, text: string, at: number, fr: string, en: string): UnreadableFileError {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = at - lineStart + 1;
  const f = file ? `fichier « ${file} », ` : '';
  const e = file ? `file "${file}", ` : '';
  return new UnreadableFileError(`${f}ligne ${line}, colonne ${column} : ${fr}`, `${e}line ${line}, column ${column}: ${en}`, {
    file,
    row: line,
    column,
  });
}

/** The offset of the first array or object nested deeper than `max`, or -1. Strings are skipped. */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The offset of the first syntax error of a JSON text (its length when it stops early), or -1. Iterative. */
export function syntaxErrorAt(t: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = (): void => {
    while (i < t.length && (t[i] === ' ' || t[i] === '\t' || t[i] === '\n' || t[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++; // the opening quote
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(t)) return false;
        i = ESCAPE.lastIndex;
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const c = t[i];
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (t.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && (c === '-' || (c >= '0' && c <= '9')) && NUMBER.test(t)) {
      i = NUMBER.lastIndex;
      return true;
    }
    return false;
  };
  let state: 'value' | 'key' | 'firstKey' | 'after' = 'value';
  for (;;) {
    ws();
    const c = t[i];
    if (state === 'value') {
      if (c === '{') {
        stack.push('}');
        i++;
        state = 'firstKey';
      } else if (c === '[') {
        i++;
        ws();
        if (t[i] === ']') {
          i++;
          state = 'after';
        } else stack.push(']');
      } else if (scalar()) state = 'after';
      else return i;
    } else if (state === 'key' || state === 'firstKey') {
      if (c === '}' && state === 'firstKey') {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      if (c !== '"' || !string()) return i;
      ws();
      if (t[i] !== ':') return i;
      i++;
      state = 'value';
    } else {
      const top = stack.at(-1);
      if (top === undefined) return i < t.length ? i : -1;
      if (c === ',') {
        i++;
        state = top === '}' ? 'key' : 'value';
      } else if (c === top) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

/** Parses the text of a JSON document, its faults located and explained in French and English. */
export function parseJsonText(text: string, file: string | undefined, limits: ReadLimits): unknown {
  const L = withDefaults(limits);
  const body = text.replace(/^\uFEFF/, '');
  if (body.length > L.maxJsonBytes) {
    throw new UnreadableFileError(
      `${file ? `fichier « ${file} » : ` : ''}document JSON de plus de ${L.maxJsonBytes} octets, au-delà de la limite : le découper`,
      `${file ? `file "${file}": ` : ''}JSON document of more than ${L.maxJsonBytes} bytes, beyond the limit: split it`,
      { file },
    );
  }
  const deep = tooDeepAt(body, L.maxJsonDepth);
  if (deep >= 0) {
    throw located(
      file,
      body,
      deep,
      `tableaux et objets imbriqués sur plus de ${L.maxJsonDepth} niveaux : un document Boucles n’en a que quelques-uns ; vérifier le fichier`,
      `arrays and objects nested more than ${L.maxJsonDepth} levels deep: a Boucles document has only a few; check the file`,
    );
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Node 20's messages do not always give the position: find it again (only on failure).
    const found = syntaxErrorAt(body);
    const at = found < 0 ? body.length : found;
    const end = at >= body.length;
    throw located(
      file,
      body,
      at,
      end
        ? 'le document JSON s’arrête avant la fin (fichier tronqué, ou accolade ou crochet non refermé) : vérifier la fin du fichier'
        : 'JSON incorrect à cet endroit ou juste avant (virgule en trop ou manquante, guillemet, accolade ou crochet) : corriger le fichier',
      end
        ? `the JSON document stops before its end (truncated file, or a brace or bracket not closed): ${message}`
        : `invalid JSON here or just before: ${message}`,
    );
  }
}

/** Reads and parses a JSON document from a file (UTF-8, with or without BOM) or from its bytes. */
export async function readJsonInProcess(source: string | Buffer, file: string | undefined, limits: ReadLimits): Promise<unknown> {
  const L = withDefaults(limits);
  const f = file ? `fichier « ${file} » : ` : '';
  const e = file ? `file "${file}": ` : '';
  let bytes: Buffer;
  try {
    if (typeof source === 'string' && (await stat(source)).size > L.maxJsonBytes) {
      throw new UnreadableFileError(
        `${f}document JSON de plus de ${L.maxJsonBytes} octets, au-delà de la limite : le découper`,
        `${e}JSON document of more than ${L.maxJsonBytes} bytes, beyond the limit: split it`,
        { file },
      );
    }
    bytes = typeof source === 'string' ? await readFile(source) : source;
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw new UnreadableFileError(
      `${f}le fichier n’a pas pu être ouvert : vérifier son chemin et ses droits`,
      `${e}the file could not be opened (${(err as Error).message}): check its path and permissions`,
      { file },
    );
  }
  if (bytes.length > L.maxJsonBytes) {
    throw new UnreadableFileError(
      `${f}document JSON de plus de ${L.maxJsonBytes} octets, au-delà de la limite : le découper`,
      `${e}JSON document of more than ${L.maxJsonBytes} bytes, beyond the limit: split it`,
      { file },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lossy = bytes.subarray(0, bad).toString('utf8');
    throw located(
      file,
      lossy,
      lossy.length,
      'encodage incorrect : un document JSON est en UTF-8 ; l’enregistrer en UTF-8',
      'invalid encoding: a JSON document is in UTF-8; save it as UTF-8',
    );
  }
  return parseJsonText(text, file, L);
}

/** The offset of the first byte that is not valid UTF-8 (by halving: the decoder says only whether). */
function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  // In stream mode, a character cut at the end is awaited, not an error of the prefix.
  const ok = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
