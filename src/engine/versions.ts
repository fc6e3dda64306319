/** The versions the simulated host reports (design.md: Docker Engine 28.5, API v1.51, runc, cgroup v2). */
export const DOCKER_VERSION = '28.5.1';
export const DOCKER_GIT_COMMIT = 'f8215cc';
export const API_VERSION = '1.51';
export const MIN_API_VERSION = '1.24';
export const GO_VERSION = 'go1.24.8';
export const CONTAINERD_VERSION = 'v1.7.28';
export const CONTAINERD_COMMIT = 'b98a3aace656320842a23f4a392a33f46af97866';
export const RUNC_VERSION = '1.3.3';
export const RUNC_COMMIT = 'v1.3.3-0-gd842d771';
export const TINI_VERSION = '0.19.0';
export const TINI_COMMIT = 'de40ad0';
export const KERNEL_RELEASE = '6.8.0-49-generic';
export const HOST_OS = 'Ubuntu 24.04.1 LTS';
