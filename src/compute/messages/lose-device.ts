// `loseDevice` request (diagnostics and tests): destroys the WebGPU device, as a driver reset
// would, so the device-loss fallback can be exercised. A no-op on other backends.
export type LoseDeviceParams = Record<string, never>;

export interface LoseDeviceResult {
  /** True when a WebGPU device was destroyed. */
  destroyed: boolean;
}
