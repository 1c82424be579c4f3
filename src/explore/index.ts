// Public surface of explore: the worker-side computations of the Explore and Models pages (model and
// clip references, opening them, views, channels, projection, sampling) and the IndexedDB readers.
export { parseClipRef, parseModelRef } from './refs.ts';
export type { ClipRef, ModelRef } from './refs.ts';
export { openControl, openModel, unetOf } from './open-model.ts';
export { openClip } from './open-clip.ts';
export { controlMaps, modelView } from './view.ts';
export type { ChannelMaps } from './channels.ts';
export { pickProjectionClips, projectClips } from './projection.ts';
export { sampleMel } from './sample.ts';
export { denormalise } from './tensors.ts';
export { browserOpeners, browserReaders } from './browser-io.ts';
