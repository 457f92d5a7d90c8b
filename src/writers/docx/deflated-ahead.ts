/**
 * Parts deflated ahead of time, by path (bytes in base64). The start-up bundle puts here what
 * its warm-up build zipped (scripts/bundle.mjs); running from the modules, it is empty. One is
 * used only for a part whose bytes are exactly the ones it was made from.
 */
export const DEFLATED_AHEAD: Readonly<Record<string, { source: string; deflated: string; crc: number }>> = {};
