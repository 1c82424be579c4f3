// Activation maps at a tap, strongest channels first: rank channels by mean |activation| over
// positions and copy the top k out as separate maps (row-major, rows = the tap's height, i.e.
// mel direction, with row 0 the lowest band; columns = time).
export interface ChannelMaps {
  /** Channel indices, strongest first. */
  channels: Int32Array;
  /** Mean |activation| of each returned channel. */
  strength: Float32Array;
  /** Channels at the tap in all. */
  totalChannels: number;
  height: number;
  width: number;
  /** k × height × width values. */
  data: Float32Array;
}

/** Mean |x| per channel of channels-last data ([positions, C]). */
export function channelStrength(data: Float32Array, channels: number): Float32Array {
  const positions = data.length / channels;
  const s = new Float32Array(channels);
  for (let p = 0; p < positions; p++) {
    const base = p * channels;
    for (let c = 0; c < channels; c++) s[c] += Math.abs(data[base + c]);
  }
  for (let c = 0; c < channels; c++) s[c] /= positions;
  return s;
}

/** Channel indices by decreasing strength (ties by index). */
export function rankChannels(strength: Float32Array): number[] {
  return [...strength.keys()].sort((a, b) => strength[b] - strength[a] || a - b);
}

/** The k strongest channels of channels-last data [height, width, C] as separate maps. */
export function topChannelMaps(data: Float32Array, height: number, width: number, channels: number, k: number): ChannelMaps {
  const strength = channelStrength(data, channels);
  const order = rankChannels(strength).slice(0, Math.max(0, Math.min(k, channels)));
  const plane = height * width;
  const out = new Float32Array(order.length * plane);
  order.forEach((c, i) => {
    for (let p = 0; p < plane; p++) out[i * plane + p] = data[p * channels + c];
  });
  return {
    channels: Int32Array.from(order),
    strength: Float32Array.from(order, (c) => strength[c]),
    totalChannels: channels,
    height,
    width,
    data: out,
  };
}
