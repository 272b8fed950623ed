import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'kubectl');
const INPUT_SUFFIXES = { '.pod.yaml': 'Pod', '.deployment.yaml': 'Deployment' } as const;

/** A hand-written input Pod or Deployment and the Service that `kubectl expose --type=NodePort` made from it. */
export interface KubectlFixture {
  /** The kind of the exposed object. */
  readonly kind: 'Pod' | 'Deployment';
  /** The exposed object, as written. */
  readonly input: Record<string, unknown>;
  readonly service: Record<string, unknown>;
}

/** The input file of a case and its kind, or undefined when there is none. */
function inputOf(caseName: string): { file: string; kind: KubectlFixture['kind'] } | undefined {
  for (const [suffix, kind] of Object.entries(INPUT_SUFFIXES)) {
    const file = path.join(FIXTURE_DIR, `${caseName}${suffix}`);
    if (fs.existsSync(file)) return { file, kind };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readYamlObject(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) {
    throw new Error(`kubectl fixture ${file} is missing; run \`node scripts/record-kubectl-fixtures.js\``);
  }
  const parsed: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (!isRecord(parsed)) {
    throw new Error(`kubectl fixture ${file} is not a YAML mapping`);
  }
  return parsed;
}

/** Names of the recorded cases (`test/fixtures/kubectl/<case>.pod.yaml` or `.deployment.yaml`), sorted. */
export function kubectlFixtureCases(kind?: KubectlFixture['kind']): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .flatMap(file =>
      Object.entries(INPUT_SUFFIXES)
        .filter(([suffix, k]) => file.endsWith(suffix) && (kind === undefined || k === kind))
        .map(([suffix]) => file.slice(0, -suffix.length)),
    )
    .sort();
}

/** Loads a case's input and its recorded `<case>.service.yaml`, minus `metadata.creationTimestamp` and `status`. */
export function loadKubectlFixture(caseName: string): KubectlFixture {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(caseName)) {
    throw new Error(`invalid kubectl fixture case name: ${JSON.stringify(caseName)}`);
  }
  const found = inputOf(caseName);
  if (found === undefined) throw new Error(`kubectl fixture ${caseName} has no input file in ${FIXTURE_DIR}`);
  const input = readYamlObject(found.file);
  const service = readYamlObject(path.join(FIXTURE_DIR, `${caseName}.service.yaml`));
  delete service.status;
  if (isRecord(service.metadata)) {
    delete service.metadata.creationTimestamp;
  }
  return { kind: found.kind, input, service };
}
