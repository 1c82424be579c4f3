// The worker's request handlers, one file each; register a new one with one line here.
import type { HandlerMap } from '../handler.ts';
import { initHandler } from './init.ts';
import { loseDeviceHandler } from './lose-device.ts';
import { melHandler } from './mel.ts';
import { opsCheckHandler } from './ops-check.ts';

export const handlers: HandlerMap = {
  init: initHandler,
  mel: melHandler,
  opsCheck: opsCheckHandler,
  loseDevice: loseDeviceHandler,
};
