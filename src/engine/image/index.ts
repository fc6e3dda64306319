/**
 * The content store and image store (moby `daemon/images`, classic graphdriver mode): digests
 * and ChainIDs, references, configs, manifests, layers with whiteouts, the ImageStore with
 * its Engine API views, and go-units size formatting.
 */
export * from './digest.ts';
export * from './reference.ts';
export * from './units.ts';
export * from './layer.ts';
export * from './config.ts';
export * from './manifest.ts';
export * from './rootfs.ts';
export * from './store.ts';
export * from './views.ts';
export { goJson, sortedKeys } from './gojson.ts';
