import type { ValidationError } from '../../lib/rules/problem';
import { err } from './fixtures';

type Json = Record<string, unknown>;

/** The one container of every fixture template. */
export const CONTAINER: Json = { name: 'app', image: 'nginx:1.25' };

/** A pod template labelled app=web with one container; `spec` entries replace the defaults. */
export function template(spec: Json = {}, metadata: Json = { labels: { app: 'web' } }): Json {
  return { metadata, spec: { containers: [CONTAINER], ...spec } };
}

function appsWorkload(kind: string) {
  return (spec: Json = {}, metadata: Json = {}): Json => ({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web', ...metadata },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
  });
}

/** A valid apps/v1 Deployment selecting app=web; `spec` and `metadata` entries replace the defaults. */
export const deployment = appsWorkload('Deployment');
/** A valid apps/v1 StatefulSet selecting app=web. */
export const statefulSet = appsWorkload('StatefulSet');
/** A valid apps/v1 DaemonSet selecting app=web. */
export const daemonSet = appsWorkload('DaemonSet');
/** A valid apps/v1 ReplicaSet selecting app=web. */
export const replicaSet = appsWorkload('ReplicaSet');

/** A valid batch/v1 Job whose Pods never restart, with the selector left to the API server. */
export function job(spec: Json = {}, metadata: Json = {}): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'web', ...metadata },
    spec: { template: template({ restartPolicy: 'Never' }), ...spec },
  };
}

/** A valid batch/v1 CronJob every five minutes; `jobSpec` entries replace the job template's spec defaults. */
export function cronJob(spec: Json = {}, metadata: Json = {}, jobSpec: Json = {}): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'web', ...metadata },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: { spec: { template: template({ restartPolicy: 'Never' }), ...jobSpec } },
      ...spec,
    },
  };
}

/** Upstream `IsValidPercent`'s message. */
export const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** The fix of the selector rules. */
export const SELECTOR_FIX =
  'Set spec.selector.matchLabels to labels of the pod template, e.g. { app: "web" }.';

/** The fix of `workload-selector-mismatch` for a template at `path`. */
export const mismatchFix = (path = 'spec.template'): string =>
  `Give ${path}.metadata.labels every label spec.selector requires, or change spec.selector to match them.`;

/** The fix of `field-negative` for an optional field. */
export const negativeFix = (field: string): string => `Set ${field} to 0 or more, or remove it.`;

/** An expected `field-negative` error for an optional field. */
export const negative = (field: string, value: number): ValidationError =>
  err('field-negative', field, value, 'must be greater than or equal to 0', negativeFix(field));
