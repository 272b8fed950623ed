import { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-models/apps/v1';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import {
  ConfigMap,
  Namespace,
  PersistentVolumeClaim,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';

/** What every kubernetes-models class provides: `validate()` throws on schema violations. */
interface SchemaModel {
  validate(): void;
}

interface SchemaModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data: Record<string, unknown>): SchemaModel;
}

const MODEL_CLASSES: readonly SchemaModelClass[] = [
  ConfigMap,
  Namespace,
  PersistentVolumeClaim,
  Pod,
  Secret,
  Service,
  ServiceAccount,
  Deployment,
  StatefulSet,
  DaemonSet,
  ReplicaSet,
  Job,
  CronJob,
];

const MODELS = new Map<string, SchemaModelClass>(
  MODEL_CLASSES.map(model => [modelKey(model.apiVersion, model.kind), model]),
);

function modelKey(apiVersion: unknown, kind: unknown): string {
  return `${String(apiVersion)} ${String(kind)}`;
}

function label(manifest: Record<string, unknown>): string {
  const metadata = manifest.metadata;
  const name =
    typeof metadata === 'object' && metadata !== null && 'name' in metadata
      ? String(metadata.name)
      : '<unnamed>';
  return `${String(manifest.kind)} "${name}" (apiVersion ${String(manifest.apiVersion)})`;
}

/** Formats ajv's error list ("/spec/containers/0/ports/0/containerPort must be integer"), else the message. */
function schemaErrors(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors)) {
    const lines = error.errors.map((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) {
        return String(entry);
      }
      const at = 'instancePath' in entry && entry.instancePath ? String(entry.instancePath) : '/';
      const message = 'message' in entry ? String(entry.message) : 'is invalid';
      return `${at} ${message}`;
    });
    if (lines.length > 0) {
      return lines.join('; ');
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/** Throws if `manifest` violates the Kubernetes OpenAPI schema for its apiVersion/kind (or the kind is not mapped). */
export function validateAgainstSchema(manifest: Record<string, unknown>): void {
  const model = MODELS.get(modelKey(manifest.apiVersion, manifest.kind));
  if (!model) {
    const known = [...MODELS.keys()].join(', ');
    throw new Error(`${label(manifest)} is not mapped to a kubernetes-models schema (mapped: ${known})`);
  }
  try {
    new model(manifest).validate();
  } catch (error) {
    throw new Error(`${label(manifest)} violates the Kubernetes schema: ${schemaErrors(error)}`);
  }
}

/** Validates every manifest and throws one Error listing all failures. */
export function expectSchemaValid(manifests: readonly Record<string, unknown>[]): void {
  const failures: string[] = [];
  manifests.forEach((manifest, index) => {
    try {
      validateAgainstSchema(manifest);
    } catch (error) {
      failures.push(`[${index}] ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} of ${manifests.length} manifest(s) failed schema validation:\n${failures.join('\n')}`,
    );
  }
}
