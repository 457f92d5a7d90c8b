/** One file to be written: where, and its complete contents. */
export interface Output {
  readonly path: string;
  readonly data: Uint8Array | string;
}
