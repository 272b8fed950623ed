import type { JsonObject } from './json';
import { isJsonObject, ownField } from './json';
import { CONTAINER_LISTS } from './pod-containers-visit';
import type { ValidationError } from './problem';
import { error } from './report';

const hostProcessOf = (securityContext: unknown): boolean | undefined => {
  if (!isJsonObject(securityContext)) return undefined;
  const options = ownField(securityContext, 'windowsOptions');
  if (!isJsonObject(options)) return undefined;
  return typeof options.hostProcess === 'boolean' ? options.hostProcess : undefined;
};

/**
 * Upstream `validateWindowsHostProcessPod` (pkg/apis/core/validation): a container's hostProcess
 * agrees with the Pod's, and a Pod with any HostProcess container runs only HostProcess containers,
 * on the host network. (Upstream also refuses them when the API server disallows privileged
 * containers; that is a kube-apiserver flag, not checked here.)
 */
export function validateWindowsHostProcess(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const podHostProcess = hostProcessOf(spec.securityContext);
  let containers = 0;
  let hostProcessContainers = 0;
  // Plain loops: this runs on every Pod, and almost none sets hostProcess.
  for (const list of CONTAINER_LISTS) {
    const entries = spec[list];
    if (!Array.isArray(entries)) continue;
    for (let i = 0; i < entries.length; i++) {
      const container: unknown = entries[i];
      if (!isJsonObject(container)) continue;
      containers++;
      const own = hostProcessOf(container.securityContext);
      if (podHostProcess !== undefined && own !== undefined && own !== podHostProcess) {
        const field = `${specPath}.${list}[${i}].securityContext.windowsOptions.hostProcess`;
        out.push(
          error(
            'windows-host-process-mismatch',
            field,
            own,
            `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`,
            `Remove ${field}, or set it to ${podHostProcess} as the Pod does.`,
          ),
        );
      }
      if (own ?? podHostProcess) hostProcessContainers++;
    }
  }
  if (hostProcessContainers === 0) return;
  if (hostProcessContainers !== containers) {
    out.push(
      error(
        'windows-host-process-mixed',
        specPath,
        '',
        'If pod contains any hostProcess containers then all containers must be HostProcess containers',
        `Set ${specPath}.securityContext.windowsOptions.hostProcess to true, or run the other containers in another Pod.`,
      ),
    );
  }
  if (spec.hostNetwork !== true) {
    out.push(
      error(
        'windows-host-process-host-network-required',
        `${specPath}.hostNetwork`,
        false,
        'hostNetwork must be true if pod contains any hostProcess containers',
        `Set ${specPath}.hostNetwork to true.`,
      ),
    );
  }
}
