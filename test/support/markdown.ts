// Reads the documentation's code blocks and commands, so tests can compile and run them.
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** README.md and every page of docs/, relative to the repo root. */
export function documentationFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(root, 'docs'))
    .filter(file => file.endsWith('.md'))
    .sort()
    .map(file => `docs/${file}`);
  return ['README.md', ...docs];
}

/** A fenced code block. */
export interface CodeBlock {
  /** The Markdown file, relative to the repo root. */
  readonly file: string;
  /** Line of the opening fence, from 1. */
  readonly line: number;
  /** The info string's first word (`ts`, `sh`, `yaml`, …), `''` when there is none. */
  readonly lang: string;
  readonly code: string;
}

/** Every fenced (```) code block of a Markdown file, in order. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)/.exec(lines[i]);
    if (open === null) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j])) body.push(lines[j++].slice(open[1].length));
    blocks.push({ file, line: i + 1, lang: open[2], code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** A command a page tells its reader to run, with where it stands. */
export interface Command {
  readonly file: string;
  readonly line: number;
  readonly command: string;
}

/**
 * The commands of a shell block: continuation lines joined, comments and blank lines dropped, a
 * trailing `# comment` removed (outside quotes and `$(…)`).
 */
export function shellCommands(block: CodeBlock): Command[] {
  const commands: Command[] = [];
  const lines = block.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i];
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i].trim()}`;
    const command = withoutComment(text).trim();
    if (command === '' || command.startsWith('#')) continue;
    commands.push({ file: block.file, line: block.line + 1 + start, command: command.replace(/\s+/g, ' ') });
  }
  return commands;
}

/** The line without a trailing ` # comment` that stands outside quotes. */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** Programs whose name starts an inline code span that reads as a command (`npm run bench`). */
const PROGRAMS = /^(kubectl|npm|npx|node|pooh-pod-check|pooh-pod-synth|cdk8s|helm|kustomize|curl|git) /;

/** Inline code spans (outside fenced blocks) that are commands. */
export function inlineCommands(file: string): Command[] {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const commands: Command[] = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const match of line.matchAll(/`([^`]+)`/g)) {
      if (PROGRAMS.test(match[1])) commands.push({ file, line: i + 1, command: match[1] });
    }
  });
  return commands;
}
