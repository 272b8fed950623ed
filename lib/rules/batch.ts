import { cronScheduleError } from './cron';
import { loadLocationError } from './go-errors';
import type { JsonObject } from './json';
import { isUnset, OBJECT, read, STRING } from './json';
import { labelMap, readLabelSelector, selectorMatches } from './label-selector';
import { SUBDOMAIN_NAME_FORMAT, validateObjectMeta } from './metadata';
import { isDns1123Label } from './names';
import type { PodTemplateRef } from './pod-template';
import { podTemplateOf } from './pod-template';
import { selectorMismatch, selectorRequired, validatePodTemplateSpec } from './pod-template-spec';
import type { ValidationError } from './problem';
import { error, reasons, unsupported } from './report';
import { nonNegative } from './workload-fields';

/*
 * batch/v1 Job and CronJob rules of the 1.28 API server (pkg/apis/batch/validation/validation.go),
 * applied after the v1 defaults (pkg/apis/batch/v1/defaults.go), plus every Pod rule on the template.
 */

/** Upstream caps the parallelism of an Indexed Job (`maxParallelismForIndexedJob`). */
const MAX_INDEXED_PARALLELISM = 100000;

/** CronJob names leave room for the 11-character `-<timestamp>` suffix of the Jobs they create. */
const MAX_CRONJOB_NAME_LENGTH = 52;

// Upstream `validTimeZoneCharacters`: an IANA name component, digits and '+' tolerated for legacy names.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Labels the API server puts on a Job's pods, set to the Job's name, when it generates the selector. */
const GENERATED_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];

/** Labels it sets to the Job's uid. The uid is unknown before creation; no label value can equal this one. */
const GENERATED_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];
const UNKNOWN_UID = '<uid>';

/**
 * Upstream `validateJobSpec`: counts, completion mode, the template and its restart policy.
 * `jobDefaults` applies `SetDefaults_Job` (a Job, not a CronJob's job template): completions and
 * parallelism both unset become 1. Returns the completions after defaulting.
 */
function validateJobSpec(
  spec: JsonObject,
  path: string,
  template: PodTemplateRef,
  jobDefaults: boolean,
  out: ValidationError[],
): number | undefined {
  const parallelism = nonNegative(spec, 'parallelism', path, out);
  const completions =
    nonNegative(spec, 'completions', path, out) ?? (jobDefaults && parallelism === undefined ? 1 : undefined);
  for (const key of ['activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    nonNegative(spec, key, path, out);
  }
  const modeField = `${path}.completionMode`;
  const mode = read(spec, 'completionMode', modeField, STRING, out) || 'NonIndexed';
  if (mode !== 'NonIndexed' && mode !== 'Indexed') {
    out.push(
      error(
        'job-completion-mode-unsupported',
        modeField,
        mode,
        unsupported(['NonIndexed', 'Indexed'], 'as-given'),
        `Set ${modeField} to NonIndexed or Indexed, or omit it for NonIndexed.`,
      ),
    );
  }
  if (mode === 'Indexed' && completions === undefined) {
    out.push(
      error(
        'job-completions-required',
        `${path}.completions`,
        spec.completions,
        'Required value: when completion mode is Indexed',
        `Set ${path}.completions to the number of indexes the Job runs.`,
      ),
    );
  }
  if (mode === 'Indexed' && parallelism !== undefined && parallelism > MAX_INDEXED_PARALLELISM) {
    out.push(
      error(
        'job-parallelism-too-large',
        `${path}.parallelism`,
        parallelism,
        `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`,
        `Set ${path}.parallelism to at most ${MAX_INDEXED_PARALLELISM}.`,
      ),
    );
  }
  out.push(...validatePodTemplateSpec(template));
  const policyField = `${template.specPath}.restartPolicy`;
  const policy = read(template.spec, 'restartPolicy', policyField, STRING, out) ?? '';
  // Defaulting turns an unset restartPolicy into Always, which a Job cannot use.
  if (policy === 'Always' || policy === '') {
    out.push(
      error(
        'job-restart-policy-required',
        policyField,
        policy,
        'Required value: valid values: "OnFailure", "Never"',
        `Set ${policyField} to Never (a failed Pod is replaced) or OnFailure (its containers restart in place).`,
      ),
    );
  } else if (policy !== 'OnFailure' && policy !== 'Never') {
    out.push(
      error(
        'job-restart-policy-unsupported',
        policyField,
        policy,
        unsupported(['OnFailure', 'Never'], 'as-given'),
        `Set ${policyField} to Never or OnFailure.`,
      ),
    );
  } else if (!isUnset(spec, 'podFailurePolicy') && policy !== 'Never') {
    out.push(
      error(
        'job-pod-failure-policy-restart-policy',
        policyField,
        policy,
        'only "Never" is supported when podFailurePolicy is specified',
        `Set ${policyField} to Never, or remove ${path}.podFailurePolicy.`,
      ),
    );
  }
  return completions;
}

/**
 * Upstream `validateGeneratedSelector`: unless `manualSelector` is true, the server generates the
 * selector from the Job's uid, so a selector given by hand must select the generated labels: the
 * Job's name under `job-name`, and a `controller-uid` no one knows until the Job exists.
 */
function validateJobSelector(
  obj: JsonObject,
  spec: JsonObject,
  template: PodTemplateRef,
  out: ValidationError[],
): void {
  const manual = spec.manualSelector === true;
  const selector = readLabelSelector(spec, 'selector', 'spec.selector', out);
  const name =
    typeof obj.metadata === 'object' && obj.metadata !== null ? (obj.metadata as JsonObject).name : undefined;
  if (!manual && typeof name === 'string' && name !== '') {
    out.push(...generatedLabelConflicts(name, template));
  }
  if (manual) {
    if (selector === undefined) {
      out.push(
        selectorRequired(
          spec.selector,
          'Set spec.selector.matchLabels to labels of the pod template, or remove spec.manualSelector.',
        ),
      );
    }
    out.push(...selectorMismatch(selector, template));
    return;
  }
  if (selector === undefined || selector.unparsable) return;
  const generated = new Map(GENERATED_NAME_LABELS.map(key => [key, typeof name === 'string' ? name : '']));
  for (const key of GENERATED_UID_LABELS) generated.set(key, UNKNOWN_UID);
  if (!selectorMatches(selector, generated)) {
    out.push(
      error(
        'job-selector-not-auto-generated',
        'spec.selector',
        spec.selector,
        '`selector` not auto-generated',
        'Remove spec.selector and let the API server generate it, or set spec.manualSelector: true.',
      ),
    );
  }
}

/**
 * Upstream `ValidateHasLabel` in `validateGeneratedSelector`: the server keeps a `job-name` label
 * the template already has, then requires it to equal the Job's name.
 */
function generatedLabelConflicts(name: string, template: PodTemplateRef): ValidationError[] {
  const labels = labelMap(template.metadata);
  return GENERATED_NAME_LABELS.filter(key => labels.has(key) && labels.get(key) !== name).map(key =>
    error(
      'job-template-label-invalid',
      `${template.metadataPath}.labels[${key}]`,
      template.metadata.labels,
      `must be '${name}'`,
      `Remove the ${key} label from ${template.metadataPath}.labels; the API server sets it to the Job's name.`,
    ),
  );
}

/** Validates a batch/v1 Job: metadata, selector, counts, completion mode and its template. */
export function validateJob(obj: JsonObject): ValidationError[] {
  const out = validateObjectMeta(obj, SUBDOMAIN_NAME_FORMAT);
  const spec = read(obj, 'spec', 'spec', OBJECT, out) ?? {};
  const template = podTemplateOf(obj) as PodTemplateRef;
  validateJobSelector(obj, spec, template, out);
  const completions = validateJobSpec(spec, 'spec', template, true, out);
  // The job controller names each Indexed Job Pod's hostname `<name>-<index>`, a DNS label.
  const name = read((obj.metadata ?? {}) as JsonObject, 'name', 'metadata.name', STRING, []);
  if (spec.completionMode === 'Indexed' && name && completions !== undefined && completions > 0) {
    const hostname = `${name}-${completions - 1}`;
    if (isDns1123Label(hostname).length > 0) {
      out.push(
        error(
          'job-indexed-name-invalid',
          'metadata.name',
          name,
          `will not able to create pod with invalid DNS label: ${hostname}`,
          `Shorten metadata.name so that "${hostname}" is a DNS-1123 label (at most 63 characters, no dots).`,
        ),
      );
    }
  }
  return out;
}

/** Upstream `validateScheduleFormat` for a new CronJob (no TZ in the schedule). */
function validateSchedule(spec: JsonObject, out: ValidationError[]): void {
  const schedule = read(spec, 'schedule', 'spec.schedule', STRING, out) ?? '';
  if (schedule === '') {
    out.push(
      error(
        'cronjob-schedule-required',
        'spec.schedule',
        spec.schedule,
        'Required value',
        'Set spec.schedule to a cron expression such as "*/5 * * * *" or "@hourly".',
      ),
    );
    return;
  }
  const parseError = cronScheduleError(schedule);
  if (parseError !== undefined) {
    out.push(
      error(
        'cronjob-schedule-invalid',
        'spec.schedule',
        schedule,
        parseError,
        'Write spec.schedule as five fields (minute hour day-of-month month day-of-week), e.g. "30 2 * * *", or a descriptor such as "@daily".',
      ),
    );
  }
  if (schedule.includes('TZ')) {
    out.push(
      error(
        'cronjob-schedule-time-zone',
        'spec.schedule',
        schedule,
        'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        'Remove the TZ= or CRON_TZ= prefix from spec.schedule and set spec.timeZone, e.g. "Europe/Berlin".',
      ),
    );
  }
}

/** Upstream `validateTimeZone`: the IANA name check, then "Local", then `time.LoadLocation`, all reported. */
function timeZoneProblems(zone: string): string[] {
  if (zone === '') return ['timeZone must be nil or non-empty string'];
  const badPart = (part: string) =>
    part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part);
  if (zone.split('/').some(badPart)) return [`unknown time zone ${zone}`];
  const problems =
    zone.toLowerCase() === 'local'
      ? ['timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']
      : [];
  const loadError = loadLocationError(zone);
  return loadError === undefined ? problems : [...problems, loadError];
}

function validateTimeZone(spec: JsonObject, out: ValidationError[]): void {
  const zone = read(spec, 'timeZone', 'spec.timeZone', STRING, out);
  if (zone === undefined) return;
  const problems = timeZoneProblems(zone);
  if (problems.length > 0) {
    out.push(
      error(
        'cronjob-time-zone-invalid',
        'spec.timeZone',
        zone,
        reasons(problems),
        'Set spec.timeZone to an IANA time zone such as "Etc/UTC" or "Europe/Berlin", or remove it.',
      ),
    );
  }
}

/** Validates a batch/v1 CronJob: name length, schedule, time zone, concurrency and its Job template. */
export function validateCronJob(obj: JsonObject): ValidationError[] {
  const out = validateObjectMeta(obj, SUBDOMAIN_NAME_FORMAT);
  const name = read((obj.metadata ?? {}) as JsonObject, 'name', 'metadata.name', STRING, []);
  if (name !== undefined && Buffer.byteLength(name, 'utf8') > MAX_CRONJOB_NAME_LENGTH) {
    out.push(
      error(
        'cronjob-name-too-long',
        'metadata.name',
        name,
        `must be no more than ${MAX_CRONJOB_NAME_LENGTH} characters`,
        `Shorten metadata.name to at most ${MAX_CRONJOB_NAME_LENGTH} characters: the Jobs it creates append an 11-character suffix.`,
      ),
    );
  }
  const spec = read(obj, 'spec', 'spec', OBJECT, out) ?? {};
  validateSchedule(spec, out);
  nonNegative(spec, 'startingDeadlineSeconds', 'spec', out);
  validateTimeZone(spec, out);
  const policy = read(spec, 'concurrencyPolicy', 'spec.concurrencyPolicy', STRING, out) || 'Allow';
  if (!['Allow', 'Forbid', 'Replace'].includes(policy)) {
    out.push(
      error(
        'cronjob-concurrency-policy-unsupported',
        'spec.concurrencyPolicy',
        policy,
        unsupported(['Allow', 'Forbid', 'Replace'], 'as-given'),
        'Set spec.concurrencyPolicy to Allow, Forbid or Replace, or omit it for Allow.',
      ),
    );
  }
  const jobTemplate = read(spec, 'jobTemplate', 'spec.jobTemplate', OBJECT, out) ?? {};
  const jobSpec = read(jobTemplate, 'spec', 'spec.jobTemplate.spec', OBJECT, out) ?? {};
  // SetDefaults_Job does not run on a job template: its completions stay unset.
  validateJobSpec(jobSpec, 'spec.jobTemplate.spec', podTemplateOf(obj) as PodTemplateRef, false, out);
  if (!isUnset(jobSpec, 'selector')) {
    out.push(
      error(
        'cronjob-selector-forbidden',
        'spec.jobTemplate.spec.selector',
        jobSpec.selector,
        '`selector` will be auto-generated',
        'Remove spec.jobTemplate.spec.selector; the API server generates it for each Job.',
      ),
    );
  }
  if (jobSpec.manualSelector === true) {
    out.push(
      error(
        'cronjob-manual-selector-unsupported',
        'spec.jobTemplate.spec.manualSelector',
        true,
        unsupported(['nil', 'false'], 'as-given'),
        'Remove spec.jobTemplate.spec.manualSelector.',
      ),
    );
  }
  nonNegative(spec, 'successfulJobsHistoryLimit', 'spec', out);
  nonNegative(spec, 'failedJobsHistoryLimit', 'spec', out);
  return out;
}
