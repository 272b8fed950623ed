import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'kubectl');
const POD_SUFFIX = '.pod.yaml';

/** A hand-written input Pod and the Service that `kubectl expose --type=NodePort` made from it. */
export interface KubectlFixture {
  readonly pod: Record<string, unknown>;
  readonly service: Record<string, unknown>;
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

/** Names of the recorded cases (`test/fixtures/kubectl/<case>.pod.yaml`), sorted. */
export function kubectlFixtureCases(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter(file => file.endsWith(POD_SUFFIX))
    .map(file => file.slice(0, -POD_SUFFIX.length))
    .sort();
}

/** Loads `<case>.pod.yaml` and its recorded `<case>.service.yaml`, minus `metadata.creationTimestamp` and `status`. */
export function loadKubectlFixture(caseName: string): KubectlFixture {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(caseName)) {
    throw new Error(`invalid kubectl fixture case name: ${JSON.stringify(caseName)}`);
  }
  const pod = readYamlObject(path.join(FIXTURE_DIR, `${caseName}${POD_SUFFIX}`));
  const service = readYamlObject(path.join(FIXTURE_DIR, `${caseName}.service.yaml`));
  delete service.status;
  if (isRecord(service.metadata)) {
    delete service.metadata.creationTimestamp;
  }
  return { pod, service };
}
