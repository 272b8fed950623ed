import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './fs-errors';
import { type SourceFile, STDIN_PATH } from './source-file';

/** A path that could not be read. */
export interface InputError {
  /** The path as given. */
  readonly path: string;
  /** Why, e.g. `no such file or directory`. */
  readonly message: string;
}

/** The files read, and the paths that could not be. */
export interface ReadInputsResult {
  /** Every file read, in input order; a folder's files in sorted order. */
  readonly files: SourceFile[];
  /** Paths that do not exist or cannot be read. */
  readonly errors: InputError[];
}

/** Where relative paths start, and how to read standard input. */
export interface ReadInputsOptions {
  /** The working directory: relative paths start here, and reports name files relative to it. */
  readonly cwd: string;
  /** Reads all of standard input (asked for with `-`). */
  readonly readStdin: () => Promise<string>;
}

/** The files a folder contributes: YAML and JSON, as kubectl's `-f DIR` reads them. */
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Folders never worth walking into: tooling state, not manifests. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Drops a UTF-8 byte order mark, which editors do not show, so that columns on line 1 match theirs. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads one manifest file as a {@link SourceFile} named `name` (how reports will name it), without
 * a UTF-8 byte order mark. For front-ends that list the files themselves (the cdk8s plugin,
 * `pooh-pod-synth`).
 *
 * @throws the file system's error when the file cannot be read
 */
export function readSourceFile(file: string, name: string): SourceFile {
  return { path: name, text: withoutBom(fs.readFileSync(file, 'utf8')) };
}

/** How reports name a file: relative to the working directory, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? file : relative).split(path.sep).join('/');
}

/**
 * Every manifest file under a folder, sorted by path so that reports come out the same on every
 * machine. Hidden folders (`.git`) and `node_modules` are not entered; symbolic links are followed,
 * each folder once.
 */
export function manifestFilesIn(folder: string, seen = new Set<string>()): string[] {
  const real = fs.realpathSync(folder);
  if (seen.has(real)) return [];
  seen.add(real);
  const found: string[] = [];
  for (const name of fs.readdirSync(folder)) {
    const entry = path.join(folder, name);
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (stat === undefined) continue; // a dangling link
    if (stat.isDirectory()) {
      if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) found.push(...manifestFilesIn(entry, seen));
    } else if (stat.isFile() && MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase())) {
      found.push(entry);
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads the inputs of a check: files (whatever their extension), folders (their `.yaml`, `.yml` and
 * `.json` files, recursively) and `-` (standard input). A path that cannot be read is reported and
 * the others are still read; each file is read once however often it is named.
 */
export async function readInputs(
  paths: readonly string[],
  options: ReadInputsOptions,
): Promise<ReadInputsResult> {
  const files: SourceFile[] = [];
  const errors: InputError[] = [];
  const read = new Set<string>();
  for (const given of paths) {
    if (given === '-') {
      if (read.has(STDIN_PATH)) continue;
      read.add(STDIN_PATH);
      files.push({ path: STDIN_PATH, text: withoutBom(await options.readStdin()) });
      continue;
    }
    const absolute = path.resolve(options.cwd, given);
    let targets: string[];
    try {
      targets = fs.statSync(absolute).isDirectory() ? manifestFilesIn(absolute) : [absolute];
    } catch (error) {
      errors.push({ path: given, message: describeFsError(error) });
      continue;
    }
    for (const target of targets) {
      if (read.has(target)) continue;
      read.add(target);
      const name = displayPath(target, options.cwd);
      try {
        files.push(readSourceFile(target, name));
      } catch (error) {
        errors.push({ path: name, message: describeFsError(error) });
      }
    }
  }
  return { files, errors };
}
