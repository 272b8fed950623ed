import * as fs from 'node:fs';
import type * as Yaml from 'yaml';
import type { ValidationError } from './rules';

/** One object read from a synthesized manifest file. */
export interface ManifestDocument {
  /** The file it was read from, as given. */
  readonly file: string;
  /** The parsed object (plain JSON). */
  readonly manifest: unknown;
}

/** A file, or one YAML document of it, that could not be parsed. */
export interface UnreadableManifest {
  /** The file, as given. */
  readonly file: string;
  /** What the YAML parser reported. */
  readonly message: string;
}

/** The objects of a list of manifest files, in file and document order, and what could not be read. */
export interface ManifestFiles {
  /** Every non-empty YAML document, in order. */
  readonly documents: readonly ManifestDocument[];
  /** Documents with YAML syntax errors; the other documents of the file are still read. */
  readonly unreadable: readonly UnreadableManifest[];
}

/**
 * Reads multi-document YAML files such as the ones `cdk8s synth` writes. Empty documents (a
 * stray `---`, an empty chart) are skipped. Never throws on bad YAML: the caller reports it.
 */
export function readManifestFiles(files: readonly string[]): ManifestFiles {
  const documents: ManifestDocument[] = [];
  const unreadable: UnreadableManifest[] = [];
  for (const file of files) {
    for (const doc of yaml().parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      if (doc.errors.length > 0) {
        unreadable.push({ file, message: doc.errors[0].message });
        continue;
      }
      const manifest: unknown = doc.toJS();
      if (manifest !== null && manifest !== undefined) documents.push({ file, manifest });
    }
  }
  return { documents, unreadable };
}

/** Rule id of a manifest document that is not valid YAML: reported by the front-ends, not a rule of the engine. */
export const UNREADABLE_MANIFEST_RULE = 'manifest-yaml-invalid';

/** The problem to report for a document that could not be parsed. */
export function unreadableProblem(unreadable: UnreadableManifest): ValidationError {
  return {
    rule: UNREADABLE_MANIFEST_RULE,
    severity: 'error',
    field: '',
    value: undefined,
    message: `the file is not valid YAML: ${unreadable.message}`,
    fix: 'Write the manifest as valid YAML; cdk8s writes valid YAML, so look for a hand-written or post-processed file.',
  };
}

/** The YAML parser, loaded on first use: an app that imports the constructs does not pay for it. */
function yaml(): typeof Yaml {
  return require('yaml');
}
