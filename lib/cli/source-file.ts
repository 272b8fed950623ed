/** One input read whole: a file, or standard input. */
export interface SourceFile {
  /** How reports name it: the path relative to the working directory with `/` separators, or `<stdin>`. */
  readonly path: string;
  /** Its text. */
  readonly text: string;
}

/** A position in a source file; both 1-based, the column in UTF-16 code units (as editors and SARIF count). */
export interface SourcePosition {
  /** Line, from 1. */
  readonly line: number;
  /** Column, from 1. */
  readonly column: number;
}

/** The name reports give standard input. */
export const STDIN_PATH = '<stdin>';
