import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { asArray, asObject, asString, isSet } from '../manifest';
import { joinQuote, pluralize } from '../wording';

// Upstream policy/check_hostPathVolumes.go, hostPathVolumes_1_0.
function hostPathVolumesV1Dot0({ spec, specPath }: PodView): CheckFinding | undefined {
  const names: string[] = [];
  let field: string | undefined;
  const volumes = asArray(spec.volumes);
  for (let index = 0; index < volumes.length; index++) {
    const volume = asObject(volumes[index]);
    if (!isSet(volume?.hostPath)) continue;
    names.push(asString(volume?.name));
    field ??= `${specPath}.volumes[${index}].hostPath`;
  }
  if (field === undefined) return undefined;
  const volumesNamed = `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`;
  return {
    reason: 'hostPath volumes',
    detail: volumesNamed,
    field,
    fix: `Replace hostPath ${volumesNamed} with emptyDir, configMap, secret or persistentVolumeClaim volumes.`,
  };
}

/** Baseline: no hostPath volumes (v1.0). */
export const hostPathVolumes: PodSecurityCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  revisions: [{ since: 'v1.0', evaluate: hostPathVolumesV1Dot0 }],
};
